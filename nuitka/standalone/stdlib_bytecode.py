"""Modules a standalone program carries as bytecode, and the archive of them.

What is compiled to C is decided by the module graph (``nuitka.modules``):
the main file, and in standalone mode every module outside the standard
library that an import leads to.  Everything else the program can import
is *carried*: found here, starting from the imports of the compiled modules
and a few modules the interpreter itself needs before any of our code runs
(``INTERPRETER_MODULES``), and shipped as bytecode:

* standard library modules go into one uncompressed zip archive,
  ``__stdlib__.zip`` in the dist folder, first on ``sys.path`` (read by the
  interpreter's own frozen ``zipimport``, so even ``encodings`` comes from
  there);
* other modules that are not compiled (``--nofollow-import-to`` is an
  exclusion, but modules the compiler could not compile, or everything with
  ``--nofollow-imports``) become ``.pyc`` files at their package path in
  the dist folder, so that extension modules next to them are found;
* extension modules are copied to their package path (the standard
  library's ``lib-dynload`` ones to the top of the folder).

Which imports of a carried module are followed: all of them, also those
inside functions (what the program may reach at run time), except a
module's command line and self test (``scan_imports(skip_main_block=True,
cli_functions=True)``), ``except ImportError:`` fallbacks whose ``try``
import is there (``_Fallbacks``), and single imports the plugins leave out
(anti-bloat, ``nuitka/plugins/package_config/stdlib.yml``).
"""

import ast
import importlib.util
import marshal
import os
import sys
import sysconfig
import zipfile
from dataclasses import dataclass, field
from importlib.machinery import ExtensionFileLoader, PathFinder, SourceFileLoader
from typing import Dict, List, Set

from nuitka.modules.graph import pattern_matches
from nuitka.modules.scanner import resolve_relative, scan_imports
from nuitka.plugins.load_code import add_code_to_tree

from .extension_imports import extension_imports, top_level_extensions

#: Name of the archive in the dist folder (main.c puts it on sys.path).
STDLIB_ARCHIVE = "__stdlib__.zip"

#: Modules the interpreter or the runtime import by themselves: at start-up
#: (codecs and all of ``encodings``, ``io``, ``site`` and what it needs), to
#: print tracebacks and warnings, and from the C runtime (``loader.c``).
INTERPRETER_MODULES = (
    "encodings", "codecs", "io", "abc", "site", "os", "stat", "posixpath",
    "genericpath", "_collections_abc", "_sitebuiltins", "warnings",
    "linecache", "traceback", "types", "importlib", "importlib.machinery",
    "zipimport", "tracemalloc", "zlib",
    # linecache imports it inside updatecache() on 3.13 (tracebacks).
    "tokenize",
)

#: Modules that extension and built-in modules of the standard library
#: import from C (invisible to the scan of Python sources), by importer.
IMPLICIT_IMPORTS = {
    "_decimal": ("numbers", "collections"),
    "_datetime": ("_strptime",),
    "_json": ("json.decoder",),
    "_pickle": ("copyreg", "_compat_pickle"),
    "_elementtree": ("xml.etree.ElementPath", "copy"),
    "_asyncio": ("asyncio.events", "asyncio.base_futures", "asyncio.exceptions",
                 "asyncio.base_tasks", "asyncio.coroutines", "inspect", "traceback",
                 "weakref", "reprlib"),
    "_ssl": ("_socket",),
    "_zoneinfo": ("zoneinfo._common", "zoneinfo._tzpath"),
    "array": ("copyreg",),
    "_ctypes": ("struct",),
    "_sqlite3": ("collections",),
    "pyexpat": (),
    # get_config_vars() imports the build's configuration module by a computed
    # name (zoneinfo asks for TZPATH, so pydantic needs it).
    "sysconfig": tuple(getattr(sysconfig, "_get_sysconfigdata_name", lambda: "")()[:200].split()),
}

#: The same, only when the program's own (compiled) code imports the module:
#: ``time.strptime`` imports ``_strptime``, but ``zipimport`` imports
#: ``time`` in every program.
PROGRAM_IMPLICIT_IMPORTS = {
    "time": ("_strptime",),
    # Start methods, Pool, Queue, locks, managers: imported inside functions
    # (multiprocessing/context.py); the children re-enter the program
    # (nuitka/runtime/self_execution.py).
    "multiprocessing": tuple("multiprocessing." + name for name in (
        "pool", "queues", "synchronize", "managers", "sharedctypes", "connection", "spawn",
        "popen_fork", "popen_spawn_posix", "popen_forkserver", "forkserver", "resource_tracker",
    )),
    # ProcessPoolExecutor and ThreadPoolExecutor (module __getattr__).
    "concurrent.futures": ("concurrent.futures.process", "concurrent.futures.thread"),
    # The readers of package resources, imported when resources are read.
    "importlib.resources": ("importlib.readers", "importlib.resources.readers", "importlib._adapters",
                            "importlib.resources._adapters"),
}

#: Packages carried with all their submodules (found by name at run time).
WHOLE_PACKAGES = ("encodings",)


@dataclass
class CarriedModule:
    name: str
    filename: str
    is_package: bool
    is_stdlib: bool
    #: The plugins' code_before_load / code_after_load (Python source).
    before_code: str = ""
    after_code: str = ""


@dataclass
class CarriedModules:
    """What :func:`collect_carried_modules` found."""

    #: name -> module carried as bytecode.
    sources: Dict[str, CarriedModule] = field(default_factory=dict)
    #: name -> extension module file.
    extensions: Dict[str, str] = field(default_factory=dict)
    #: names of namespace packages (their folders must exist in the dist).
    namespaces: Set[str] = field(default_factory=set)
    #: name -> name of the carried module that imports it (first seen).
    reasons: Dict[str, str] = field(default_factory=dict)

    def why(self, name: str) -> str:
        """``a <- b <- c``: the import chain that brought ``name`` in."""
        chain = [name]
        while chain[-1] in self.reasons and len(chain) < 50:
            if self.reasons[chain[-1]] in chain:
                break  # a package and its submodule name each other
            chain.append(self.reasons[chain[-1]])
        return " <- ".join(chain)


_IMPORT_ERRORS = ("ImportError", "ModuleNotFoundError")


def _catches_import_error(handler) -> bool:
    kind = handler.type
    names = kind.elts if isinstance(kind, ast.Tuple) else [kind]
    return any(isinstance(n, ast.Name) and n.id in _IMPORT_ERRORS for n in names)


class _Fallbacks(ast.NodeTransformer):
    """``try: import a`` / ``except ImportError: import b``: when everything
    the ``try`` body imports is there, ``b`` is a fallback that never runs."""

    def __init__(self, available):
        self.available = available

    def visit_Try(self, node):  # pylint: disable=invalid-name
        self.generic_visit(node)
        handlers = [h for h in node.handlers if _catches_import_error(h)]
        if handlers and all(self.available(request) for request in scan_imports(ast.Module(node.body, []))):
            node.handlers = [h for h in node.handlers if h not in handlers] or [
                ast.ExceptHandler(None, None, [ast.Pass()])
            ]
        return node


def without_fallbacks(tree: ast.Module, available) -> ast.Module:
    """``tree`` without the ``except ImportError:`` fallbacks of imports
    that are there (``available(request)``)."""
    return _Fallbacks(available).visit(tree)


def _spec(name, path):
    try:
        return PathFinder._get_spec(name, path)  # pylint: disable=protected-access
    except (ImportError, ValueError, OSError):
        return None


def collect_carried_modules(finder, roots: List[str], compiled: Set[str],
                            excluded: List[str], log=None, plugins=None) -> CarriedModules:
    """The modules reached from ``roots`` (names) that are not ``compiled``
    (names) and do not match an ``excluded`` pattern (``--nofollow-import-to``).

    ``finder`` is the session's :class:`nuitka.modules.finder.ModuleFinder`
    (the program's search path).  ``plugins`` (a PluginHost) may leave out
    single imports (anti-bloat).  The imports made inside functions of
    standard library modules are followed too (what a program may
    reach at run time: ``asyncio`` running ``concurrent.futures.thread``
    for ``run_in_executor``); their self tests and command lines (the
    ``__main__`` block and the private functions only it uses) are not
    followed (:func:`nuitka.modules.scanner.scan_imports`)."""
    result = CarriedModules()
    todo = list(roots) + list(INTERPRETER_MODULES)
    for name in roots:
        todo.extend(PROGRAM_IMPLICIT_IMPORTS.get(name, ()))
    seen: Set[str] = set()
    site_extensions = top_level_extensions(  # pylint: disable=protected-access
        finder.search_path, sorted(finder._stdlib_dirs), sorted(finder._site_dirs))

    locations: Dict[str, List[str]] = {}

    def find(name):
        """(kind, filename, submodule locations, is_stdlib) or None."""
        parent = name.rpartition(".")[0]
        if parent:
            if parent not in locations:
                find_cached(parent)
            path = locations.get(parent)
            if not path:
                return None
        else:
            if name in sys.builtin_module_names:
                return None
            path = finder.search_path
        info = finder.find(name)
        # (Frozen modules are looked up as files: the archive carries them
        # too, the interpreter prefers its frozen copy where it has one.)
        spec = _spec(name, path)
        if spec is None:
            return None
        subs = list(spec.submodule_search_locations or [])
        if spec.loader is None:
            if not subs:
                return None
            locations[name] = subs
            return ("namespace", None, subs, info.is_stdlib)
        if isinstance(spec.loader, SourceFileLoader) and spec.origin.endswith(".py"):
            if spec.submodule_search_locations is not None:
                locations[name] = subs
                return ("package", spec.origin, subs, info.is_stdlib)
            return ("source", spec.origin, subs, info.is_stdlib)
        if isinstance(spec.loader, ExtensionFileLoader):
            if spec.submodule_search_locations is not None:
                locations[name] = subs  # pkg/__init__.so (mypyc, Cython)
            return ("extension", spec.origin, subs, info.is_stdlib)
        return None

    found_cache = {}

    def find_cached(name):
        if name not in found_cache:
            found_cache[name] = find(name)
        return found_cache[name]

    for package in WHOLE_PACKAGES:
        found = find_cached(package)
        if found and found[0] == "package":
            for location in found[2]:
                for entry in sorted(os.listdir(location)):
                    if entry.endswith(".py") and entry != "__init__.py":
                        todo.append(package + "." + entry[:-3])

    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        parent = name.rpartition(".")[0]
        if parent:
            todo.append(parent)
            result.reasons.setdefault(parent, name)
        for implicit in IMPLICIT_IMPORTS.get(name, ()):
            todo.append(implicit)
            result.reasons.setdefault(implicit, name)
        if name in compiled or pattern_matches(name, excluded):
            continue
        found = find_cached(name)
        if found is None:
            continue
        kind, filename, _, is_stdlib = found
        if kind == "namespace":
            result.namespaces.add(name)
            continue
        if plugins is not None:
            plugins.module_encountered(name, filename)
            for implicit in plugins.implicit_imports(name, filename):
                for target in _expand_package(implicit, find_cached):
                    todo.append(target)
                    result.reasons.setdefault(target, name)
        if kind == "extension":
            result.extensions[name] = filename
            if not is_stdlib:
                for target in extension_imports(name, filename, bool(found[2]), site_extensions):
                    todo.append(target)
                    result.reasons.setdefault(target, name)
            continue
        result.sources[name] = CarriedModule(name, filename, kind == "package", is_stdlib)
        if plugins is not None:
            result.sources[name].before_code, result.sources[name].after_code = plugins.load_code(name)
        try:
            with open(filename, "rb") as f:
                tree = ast.parse(f.read(), filename)
        except (OSError, SyntaxError, ValueError):
            continue
        package = name if kind == "package" else parent or None
        if is_stdlib:
            def available(request, package=package):
                absolute = resolve_relative(request, package)
                return absolute is not None and find_cached(absolute) is not None

            tree = without_fallbacks(tree, available)
        for request in scan_imports(tree, skip_main_block=True, cli_functions=is_stdlib):
            absolute = resolve_relative(request, package)
            if absolute is None:
                continue
            if plugins is not None:
                decision = plugins.decide_follow(absolute, name)
                if decision is not None and not decision[0]:
                    continue
            parts = absolute.split(".")
            for i in range(1, len(parts) + 1):
                todo.append(".".join(parts[:i]))
                result.reasons.setdefault(todo[-1], name)
            for item in request.fromlist:
                if item != "*":
                    todo.append(absolute + "." + item)
                    result.reasons.setdefault(todo[-1], name)
    for name in os.environ.get("NUITKA_WHY_CARRIED", "").split(","):
        if name and log:
            log("why %s" % result.why(name))
    if log:
        log("carried as bytecode: %d modules (%d of the standard library), %d extension modules"
            % (len(result.sources), sum(m.is_stdlib for m in result.sources.values()),
               len(result.extensions)))
    return result


def _expand_package(name, find_cached):
    """``pkg.*`` (an implicit import of the package configuration) -> the
    package and its direct submodules; other names unchanged."""
    if not name.endswith(".*"):
        return [name]
    package = name[:-2]
    found = find_cached(package)
    result = [package]
    for location in (found[2] if found else ()):
        try:
            entries = sorted(os.listdir(location))
        except OSError:
            continue
        for entry in entries:
            stem = entry.split(".")[0]
            if stem.isidentifier() and stem != "__init__" and (
                    entry.endswith((".py", ".so")) or os.path.isdir(os.path.join(location, entry))):
                if package + "." + stem not in result:
                    result.append(package + "." + stem)
    return result


def relative_source_path(module: CarriedModule) -> str:
    """``pkg/mod.py`` or ``pkg/__init__.py``: the module's place in the
    dist folder (or the archive)."""
    parts = module.name.split(".")
    if module.is_package:
        return "/".join(parts) + "/__init__.py"
    return "/".join(parts) + ".py"


def _pyc(module: CarriedModule, code_filename: str) -> bytes:
    with open(module.filename, "rb") as f:
        source = f.read()
    if module.before_code or module.after_code:
        tree = add_code_to_tree(ast.parse(source, code_filename), module.before_code, module.after_code)
        code = compile(tree, code_filename, "exec", dont_inherit=True)
    else:
        code = compile(source, code_filename, "exec", dont_inherit=True)
    # Unchecked hash-based pyc (PEP 552): there is no source to compare with.
    data = bytearray(importlib.util.MAGIC_NUMBER)
    data += (0b01).to_bytes(4, "little")
    data += importlib.util.source_hash(source)
    data += marshal.dumps(code)
    return bytes(data)


#: Fixed timestamp of the archive members (deterministic output).
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def write_stdlib_archive(modules: List[CarriedModule], path: str):
    """The standard library modules as ``.pyc`` files in a zip that
    zipimport reads.  Stored, not deflated: inflating every module at each
    start cost about a fifth of a standalone program's start-up
    (orjson/regex/xmltodict program: 93M of 477M instructions), and a
    onefile's zstd compresses stored members better."""
    method = zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", method) as archive:
        for module in sorted(modules, key=lambda m: m.name):
            relative = relative_source_path(module)
            info = zipfile.ZipInfo(relative + "c", _ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = method
            archive.writestr(info, _pyc(module, relative))


def write_pyc_file(module: CarriedModule, dist_dir: str) -> str:
    """A carried module outside the standard library: ``dist/pkg/mod.pyc``."""
    relative = relative_source_path(module)
    target = os.path.join(dist_dir, relative + "c")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(_pyc(module, relative))
    return relative + "c"


