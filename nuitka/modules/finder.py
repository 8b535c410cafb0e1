"""Finding modules on the compiling Python's search path, without importing.

The search follows ``importlib.machinery.PathFinder``: a top-level name is
looked up in the search path (the main script's folder first, as at run
time, then the compiling Python's ``sys.path`` including ``PYTHONPATH``), a
submodule in its parent package's ``__path__``.  Only what the import
system would find at run time is found: regular packages, namespace
packages, single ``.py`` files, extension modules, built-in modules.
"""

import os
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib.machinery import (
    BuiltinImporter,
    ExtensionFileLoader,
    FrozenImporter,
    PathFinder,
    SourceFileLoader,
)
from typing import Dict, List, Optional

#: ModuleInfo.kind values
SOURCE = "source"  # a .py file
PACKAGE = "package"  # a folder with __init__.py
NAMESPACE = "namespace"  # a folder without __init__.py (PEP 420)
EXTENSION = "extension"  # a shared library: never compiled by us
OTHER = "other"  # built-in, frozen, bytecode only, zip imports...
MISSING = "missing"


@dataclass
class ModuleInfo:
    name: str
    kind: str
    #: The ``.py`` file (``__init__.py`` for packages), or None.
    filename: Optional[str] = None
    #: ``__path__`` of packages and namespace packages.
    search_locations: List[str] = field(default_factory=list)
    is_stdlib: bool = False

    @property
    def is_package(self) -> bool:
        # Also an extension module that is a package (``pkg/__init__.so``,
        # mypyc and Cython builds of whole packages): it has a __path__.
        return self.kind in (PACKAGE, NAMESPACE) or bool(self.search_locations)

    @property
    def compilable(self) -> bool:
        return self.kind in (SOURCE, PACKAGE)


def _sysconfig_dirs(*keys):
    paths = sysconfig.get_paths()
    return {os.path.realpath(paths[key]) for key in keys if paths.get(key)}


def _stdlib_dirs():
    return _sysconfig_dirs("stdlib", "platstdlib")


def _site_dirs():
    return _sysconfig_dirs("purelib", "platlib")


def _is_below(path, folder):
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def default_search_path(main_script_dir: Optional[str]) -> List[str]:
    """The run time ``sys.path`` as far as it can be known at compile time:
    the main script's folder, then the compiling Python's path without its
    own first entry (the compiler's folder or current directory)."""
    path = []
    if main_script_dir:
        path.append(os.path.abspath(main_script_dir))
    for entry in sys.path[1:]:
        if entry and entry not in path:
            path.append(entry)
    return path


class ModuleFinder:
    """Resolves absolute module names; results are cached."""

    def __init__(self, search_path: List[str]):
        self.search_path = list(search_path)
        self._cache: Dict[str, ModuleInfo] = {}
        self._stdlib_dirs = _stdlib_dirs()
        self._site_dirs = _site_dirs()
        self._stdlib_names = set(getattr(sys, "stdlib_module_names", ()))

    def _stdlib(self, name, filename):
        top = name.split(".")[0]
        if top in self._stdlib_names:
            return True
        if filename is None:
            return False
        real = os.path.realpath(filename)
        if any(_is_below(real, d) for d in self._site_dirs):
            return False
        return any(_is_below(real, d) for d in self._stdlib_dirs)

    def find(self, name: str) -> ModuleInfo:
        info = self._cache.get(name)
        if info is None:
            info = self._find(name)
            self._cache[name] = info
        return info

    def _find(self, name: str) -> ModuleInfo:
        if name == "os.path":
            # Not a file: ``os`` puts posixpath/ntpath in sys.modules under
            # this name (``from os.path import join`` is everywhere).
            return ModuleInfo(name, OTHER, is_stdlib=True)
        parent, _, _ = name.rpartition(".")
        if parent:
            parent_info = self.find(parent)
            if not parent_info.is_package:
                return ModuleInfo(name, MISSING)
            path = parent_info.search_locations
        else:
            if name in sys.builtin_module_names:
                return ModuleInfo(name, OTHER, is_stdlib=True)
            if FrozenImporter.find_spec(name) is not None and name in self._stdlib_names:
                return ModuleInfo(name, OTHER, is_stdlib=True)
            path = self.search_path
        try:
            # PathFinder.find_spec without its last step: a namespace package's
            # _NamespacePath wants the parent package in sys.modules.
            spec = PathFinder._get_spec(name, path)  # pylint: disable=protected-access
        except (ImportError, ValueError, OSError):
            spec = None
        if spec is None:
            return ModuleInfo(name, MISSING)
        locations = list(spec.submodule_search_locations or [])
        if spec.loader is None:
            if not locations:
                return ModuleInfo(name, MISSING)
            # PEP 420 namespace package.
            return ModuleInfo(name, NAMESPACE, None, locations, self._stdlib(name, None))
        origin = spec.origin
        stdlib = self._stdlib(name, origin)
        if isinstance(spec.loader, SourceFileLoader) and origin.endswith(".py"):
            kind = PACKAGE if spec.submodule_search_locations is not None else SOURCE
            return ModuleInfo(name, kind, os.path.abspath(origin), locations, stdlib)
        if isinstance(spec.loader, ExtensionFileLoader):
            return ModuleInfo(name, EXTENSION, None, locations, stdlib)
        if isinstance(spec.loader, (BuiltinImporter, FrozenImporter)):
            return ModuleInfo(name, OTHER, None, locations, True)
        return ModuleInfo(name, OTHER, None, locations, stdlib)
