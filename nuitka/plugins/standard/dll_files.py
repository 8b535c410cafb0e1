"""dll-files: shared libraries that packages load themselves.

The ELF dependency walk of the standalone stage finds what extension
modules are linked against; libraries a package opens with ``ctypes`` or
from a vendored folder are named by the ``dlls`` items of the package
configuration: ``from-filenames`` with a folder relative to the package
(``relative-path``, default the package folder) and file name
``prefixes``.  Only in standalone and onefile mode.
"""

import os

from nuitka.plugins.base import NuitkaPluginBase
from nuitka.plugins.standard.data_files import package_dir_of


def _is_shared_library(name):
    return name.endswith(".so") or ".so." in name


class DllFilesPlugin(NuitkaPluginBase):
    plugin_name = "dll-files"
    plugin_description = "includes shared libraries packages load themselves (package configuration)"
    enabled_by_default = True

    def dlls(self, module_name, filename, is_package):
        if self.host.mode not in ("standalone", "onefile") or not filename:
            return
        items = list(self.host.config.items(module_name, "dlls"))
        if not items:
            return
        folder, dest_base = package_dir_of(module_name, filename, is_package)
        for item in items:
            spec = item.data["from-filenames"]
            relative = str(spec.get("relative-path", "."))
            directory = os.path.normpath(os.path.join(folder, relative))
            prefixes = tuple(spec.get("prefixes", ())) or ("",)
            try:
                names = sorted(os.listdir(directory))
            except OSError:
                self.host.warn("dll-files: folder '%s' of '%s' not found (%s)"
                               % (directory, module_name, item.origin))
                continue
            dest_dir = os.path.normpath(os.path.join(dest_base, relative)).replace(os.sep, "/")
            if dest_dir == ".":
                dest_dir = ""
            for name in names:
                if name.startswith(prefixes) and _is_shared_library(name):
                    yield (os.path.join(directory, name), dest_dir,
                           "package configuration (%s)" % item.origin)
