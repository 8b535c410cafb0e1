"""package-data: the data files of packages that load files of their own.

A package reads its files relative to itself: ``os.path.dirname(__file__)``,
``importlib.resources.files(__package__)``, ``pkgutil.get_data``,
``pkg_resources.resource_filename`` ...  Found by how a module loads
things: when the source of a module outside the standard library uses one
of these (:data:`LOADERS`), the data files of its folder go to the same
place in the standalone folder: the files that are not code, and the
folders below it that hold no Python code (``templates/``, ``data/``),
recursively.  Code, typing stubs, C/Cython sources and headers, and test
folders are left out (:data:`SKIP_SUFFIXES`, :data:`SKIP_FOLDERS`).

Only in standalone and onefile mode; ``--noinclude-data-files`` removes
single files again, ``--disable-plugin=package-data`` all of them.
"""

import os
import re

from nuitka.plugins.base import NuitkaPluginBase

#: What in a module's source means "reads files of its package".
LOADERS = re.compile(
    r"\b__file__\b|\bimportlib(?:\.|_)resources\b|\bget_data\s*\(|\bpkg_resources\b"
    r"|\bresource_(?:filename|string|stream|listdir|exists)\b|\bfiles\s*\(\s*(?:__package__|__name__|['\"])"
)

SKIP_SUFFIXES = (
    ".py", ".pyc", ".pyo", ".pyi", ".pyw", ".pyx", ".pxd", ".pxi", ".c", ".h", ".cc", ".cpp",
    ".hpp", ".so", ".pyd", ".dll", ".dylib", ".a", ".lib", ".o",
)
SKIP_NAMES = ("py.typed",)
SKIP_FOLDERS = ("__pycache__", "tests", "test", "testing", "include")


def _has_code(folder):
    try:
        return any(name.endswith((".py", ".so")) for name in os.listdir(folder))
    except OSError:
        return True


def folder_data_files(folder):
    """``[(path, relative path)]`` of the data files of a package folder."""
    result = []
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return result
    for name in entries:
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if name in SKIP_FOLDERS or name.startswith(".") or _has_code(path):
                continue
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIP_FOLDERS and not d.startswith("."))
                for file in sorted(filenames):
                    if not file.endswith(SKIP_SUFFIXES) and file not in SKIP_NAMES:
                        full = os.path.join(dirpath, file)
                        result.append((full, os.path.relpath(full, folder).replace(os.sep, "/")))
        elif not name.endswith(SKIP_SUFFIXES) and name not in SKIP_NAMES and not name.startswith("."):
            result.append((path, name))
    return result


class PackageDataPlugin(NuitkaPluginBase):
    plugin_name = "package-data"
    plugin_description = "includes the data files of packages that read files next to their code"
    enabled_by_default = True

    def __init__(self, host):
        super().__init__(host)
        self._folders = set()

    def data_files(self, module_name, filename, is_package):
        if self.host.mode not in ("standalone", "onefile") or not filename or module_name == "__main__":
            return
        if not filename.endswith(".py") or "." not in module_name and not is_package:
            return  # a top-level module has no package folder of its own
        folder = os.path.dirname(os.path.abspath(filename))
        if folder in self._folders or _is_stdlib(module_name):
            return
        try:
            with open(filename, encoding="utf-8", errors="replace") as f:
                match = LOADERS.search(f.read())
        except OSError:
            return
        if not match:
            return
        self._folders.add(folder)
        package = module_name if is_package else module_name.rpartition(".")[0]
        base = package.replace(".", "/")
        reason = "'%s' reads files of its package (%s)" % (module_name, match.group(0).strip())
        for path, relative in folder_data_files(folder):
            yield path, base + "/" + relative, reason


def _is_stdlib(module_name):
    import sys  # pylint: disable=import-outside-toplevel

    return module_name.split(".")[0] in getattr(sys, "stdlib_module_names", ())
