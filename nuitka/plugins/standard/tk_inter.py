"""tk-inter: Tcl/Tk for standalone programs that use tkinter.

tkinter's ``_tkinter`` extension module is linked against ``libtcl`` and
``libtk`` (the ELF dependency walk ships them), but Tcl and Tk also read
their script libraries at run time (``init.tcl``, ``tk.tcl``, encodings,
...), from a folder compiled into ``libtcl`` (``/usr/share/tcltk/tcl8.6`` on
Debian, ``<prefix>/lib/tcl8.6`` elsewhere) or named by ``TCL_LIBRARY`` and
``TK_LIBRARY``.  A machine without that installation has neither, so:

* the two folders, found with the compiling Python's own Tcl (``info
  library``; Tk's next to it, or in the usual places), are copied to
  ``_tcl_data`` and ``_tk_data`` at the top of the standalone folder
  (``TCL_LIBRARY``/``TK_LIBRARY`` of the compilation take precedence);
* ``tkinter`` sets ``TCL_LIBRARY`` and ``TK_LIBRARY`` to them before its
  body runs, so every interpreter it creates finds its scripts there.

Switched on when ``tkinter`` (or ``_tkinter``) is part of the program.
"""

import os
import sys

from nuitka.plugins.base import NuitkaPluginBase

TCL_DEST = "_tcl_data"
TK_DEST = "_tk_data"

#: Files of the script folders no program needs (build templates, demos).
_SKIP_SUFFIXES = (".c", ".h")
_SKIP_FOLDERS = ("demos", "__pycache__")


def _tcl_version():
    try:
        import _tkinter  # pylint: disable=import-outside-toplevel

        return str(_tkinter.TCL_VERSION), str(_tkinter.TK_VERSION)
    except ImportError:
        return "8.6", "8.6"


def find_library_folders():
    """``(tcl_folder, tk_folder)`` of the compiling Python's Tcl/Tk (each
    may be None)."""
    tcl_version, tk_version = _tcl_version()
    tcl = os.environ.get("TCL_LIBRARY") or None
    if not tcl:
        try:
            import tkinter  # pylint: disable=import-outside-toplevel

            tcl = tkinter.Tcl().eval("info library") or None
        except Exception:  # pylint: disable=broad-except  # no Tcl at all
            tcl = None
    if tcl and not os.path.isfile(os.path.join(tcl, "init.tcl")):
        tcl = None
    candidates = []
    if os.environ.get("TK_LIBRARY"):
        candidates.append(os.environ["TK_LIBRARY"])
    if tcl:
        candidates.append(os.path.join(os.path.dirname(tcl), "tk" + tk_version))
    for prefix in (sys.base_prefix, sys.prefix):
        candidates.append(os.path.join(prefix, "lib", "tk" + tk_version))
    candidates += ["/usr/share/tcltk/tk" + tk_version, "/usr/lib/tk" + tk_version,
                   "/usr/share/tk" + tk_version, "/usr/lib64/tk" + tk_version,
                   "/usr/local/lib/tk" + tk_version]
    tk = next((c for c in candidates if os.path.isfile(os.path.join(c, "tk.tcl"))), None)
    if tcl is None:
        for prefix in (sys.base_prefix, sys.prefix, "/usr/share/tcltk", "/usr/lib", "/usr/share",
                       "/usr/local/lib"):
            candidate = os.path.join(prefix, "lib", "tcl" + tcl_version) if prefix.startswith(
                (sys.base_prefix, sys.prefix)) else os.path.join(prefix, "tcl" + tcl_version)
            if os.path.isfile(os.path.join(candidate, "init.tcl")):
                tcl = candidate
                break
    return tcl, tk


def _folder_files(folder, dest):
    folder = os.path.realpath(folder)
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_FOLDERS)
        for name in sorted(filenames):
            if name.endswith(_SKIP_SUFFIXES):
                continue
            path = os.path.join(dirpath, name)
            yield path, dest + "/" + os.path.relpath(path, folder).replace(os.sep, "/")


#: Run in tkinter's namespace before its body (names removed afterwards).
SET_LIBRARIES = """\
import os as _nuitka_os, sys as _nuitka_sys
for _nuitka_name, _nuitka_folder in (("TCL_LIBRARY", %r), ("TK_LIBRARY", %r)):
    _nuitka_folder = _nuitka_os.path.join(_nuitka_sys.prefix, _nuitka_folder)
    if _nuitka_os.path.isdir(_nuitka_folder):
        _nuitka_os.environ[_nuitka_name] = _nuitka_folder
del _nuitka_os, _nuitka_sys, _nuitka_name, _nuitka_folder
""" % (TCL_DEST, TK_DEST)


class TkInterPlugin(NuitkaPluginBase):
    plugin_name = "tk-inter"
    plugin_description = "ships the Tcl/Tk script libraries tkinter needs and points Tcl at them"
    auto_enable_modules = ("tkinter", "_tkinter")

    def __init__(self, host):
        super().__init__(host)
        self._folders = None

    def _standalone(self):
        return self.host.mode in ("standalone", "onefile")

    def check_start(self):
        if not self._standalone():
            return
        self._folders = find_library_folders()
        tcl, tk = self._folders
        if tcl is None:
            self.host.warn("tk-inter: the Tcl script library (init.tcl) was not found; "
                           "set TCL_LIBRARY to its folder, or tkinter fails at run time")
        if tk is None:
            self.host.warn("tk-inter: the Tk script library (tk.tcl) was not found; "
                           "set TK_LIBRARY to its folder, or tkinter.Tk() fails at run time")

    def code_before_load(self, module_name):
        if module_name == "tkinter" and self._standalone():
            return SET_LIBRARIES, "Tcl/Tk find their script libraries in the standalone folder"
        return None

    def data_files(self, module_name, filename, is_package):
        if module_name != "_tkinter" or not self._standalone():
            return
        if self._folders is None:
            self.check_start()
        tcl, tk = self._folders
        for folder, dest, what in ((tcl, TCL_DEST, "Tcl"), (tk, TK_DEST, "Tk")):
            if folder:
                for path, target in _folder_files(folder, dest):
                    yield path, target, "%s script library of tkinter (%s)" % (what, folder)
