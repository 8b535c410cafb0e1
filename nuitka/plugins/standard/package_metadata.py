"""package-metadata: the dist-info of every distribution a standalone
program uses, so that ``importlib.metadata.version()``, ``entry_points()``,
``files()`` and ``pkg_resources`` answer as they do uncompiled.

A distribution is used when one of the top-level modules it installs is
part of the program.  Its ``*.dist-info`` folder (or ``*.egg-info``) is put
at the top of the standalone folder, which is on ``sys.path``, exactly as it
is in site-packages; ``RECORD`` and the installer's bookkeeping files
(``INSTALLER``, ``REQUESTED``, ``direct_url.json``) are left out, since they
describe the installation, not the program.
"""

import os
from importlib import metadata

from nuitka.plugins.base import NuitkaPluginBase

_SKIP = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}


def _top_level_distributions():
    """top-level module name -> [Distribution] (cached per process)."""
    mapping = {}
    for dist in metadata.distributions():
        try:
            tops = (dist.read_text("top_level.txt") or "").split()
        except OSError:
            tops = []
        if not tops:
            for file in dist.files or ():
                first = file.parts[0]
                if first.endswith((".dist-info", ".egg-info", ".data")) or first in ("..", "__pycache__"):
                    continue
                name = first[:-3] if first.endswith(".py") else first.split(".")[0]
                if name.isidentifier() and name not in tops:
                    tops.append(name)
        for top in tops:
            mapping.setdefault(top, [])
            if all(d.metadata["Name"] != dist.metadata["Name"] for d in mapping[top]):
                mapping[top].append(dist)
    return mapping


def metadata_files(dist):
    """``(source, dest)`` of a distribution's metadata folder."""
    folder = getattr(dist, "_path", None)
    if folder is None or not os.path.isdir(str(folder)):
        return []
    folder = str(folder)
    base = os.path.basename(folder.rstrip(os.sep))
    result = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if dirpath == folder and name in _SKIP:
                continue
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            result.append((path, "%s/%s" % (base, relative)))
    return result


class PackageMetadataPlugin(NuitkaPluginBase):
    plugin_name = "package-metadata"
    plugin_description = (
        "includes the dist-info of used distributions (importlib.metadata, "
        "entry points, pkg_resources)"
    )
    enabled_by_default = True

    def __init__(self, host):
        super().__init__(host)
        self._mapping = None
        self._done = set()  # distribution names
        self._tops = set()  # top-level module names looked at

    def data_files(self, module_name, filename, is_package):
        if self.host.mode not in ("standalone", "onefile"):
            return
        top = module_name.split(".")[0]
        if top in self._tops or module_name == "__main__":
            return
        self._tops.add(top)
        if self._mapping is None:
            self._mapping = _top_level_distributions()
        for dist in self._mapping.get(top, ()):
            name = dist.metadata["Name"]
            if name in self._done:
                continue
            self._done.add(name)
            for source, dest in metadata_files(dist):
                yield source, dest, "metadata of distribution %s %s (provides '%s')" % (
                    name, dist.version, top)
