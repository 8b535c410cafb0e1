"""data-files: files of packages that a standalone program needs.

From the ``data-files`` items of the package configuration: ``dirs``
(folders relative to the package, copied whole) and ``patterns`` (shell
patterns relative to the package).  Only in standalone and onefile mode:
otherwise the package stays where it is, with its files.
"""

import glob
import os

from nuitka.plugins.base import NuitkaPluginBase

_CODE_SUFFIXES = (".py", ".pyc", ".pyo")


def package_dir_of(module_name, filename, is_package):
    """(folder of the package's files, its path inside the dist folder)."""
    folder = os.path.dirname(os.path.abspath(filename))
    package = module_name if is_package else module_name.rpartition(".")[0]
    return folder, package.replace(".", "/")


class DataFilesPlugin(NuitkaPluginBase):
    plugin_name = "data-files"
    plugin_description = "includes data files packages read at run time (package configuration)"
    enabled_by_default = True

    def data_files(self, module_name, filename, is_package):
        if self.host.mode not in ("standalone", "onefile") or not filename:
            return
        items = list(self.host.config.items(module_name, "data-files"))
        if not items:
            return
        folder, dest_base = package_dir_of(module_name, filename, is_package)
        for item in items:
            reason = "package configuration (%s)" % item.origin
            for directory in item.data.get("dirs", ()):
                root = os.path.join(folder, directory)
                for dirpath, dirnames, filenames in os.walk(root):
                    dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                    for name in sorted(filenames):
                        if name.endswith(_CODE_SUFFIXES):
                            continue
                        path = os.path.join(dirpath, name)
                        yield path, _join(dest_base, os.path.relpath(path, folder)), reason
            for pattern in item.data.get("patterns", ()):
                for path in sorted(glob.glob(os.path.join(folder, pattern), recursive=True)):
                    if os.path.isfile(path):
                        yield path, _join(dest_base, os.path.relpath(path, folder)), reason


def _join(base, relative):
    relative = relative.replace(os.sep, "/")
    return "%s/%s" % (base, relative) if base else relative
