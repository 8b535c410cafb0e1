# Prints the values a standalone program sees (checked by test_standalone.py).
import json
import os
import sys

import values_pkg.sub

info = {
    "executable": sys.executable,
    "argv0": sys.argv[0],
    "prefix": sys.prefix,
    "base_prefix": sys.base_prefix,
    "path": sys.path,
    "main_file": __file__,
    "sub_file": values_pkg.sub.__file__,
    "pkg_path": list(values_pkg.__path__),
    "compiled": "__compiled__" in globals(),
    "json_file": json.__file__,
    "cwd": os.getcwd(),
    "flags_no_site": sys.flags.no_site,
    "exit_builtin": callable(getattr(__builtins__, "exit", None)),
}
if "__compiled__" in globals():
    info["containing_dir"] = __compiled__.containing_dir
    info["standalone"] = __compiled__.standalone
    info["onefile"] = __compiled__.onefile
print(json.dumps(info, sort_keys=True))
