# Compiled by tests/test_follow_imports.py with several follow/include
# options. Lines "compiled NAME: BOOL" tell whether a module was compiled
# (they differ from CPython); every other line must be the same.
import importlib
import importlib.resources
import importlib.util
import json
import os
import pkgutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def compiled(name, module):
    print("compiled %s: %s" % (name, "__compiled__" in vars(module)))


def rel(path):
    return os.path.relpath(path, HERE) if path else path


import appkg

try:
    # Excluded with --nofollow-import-to by one of the tests: ImportError.
    import appkg.sub.rel
except ImportError as e:
    print("ImportError", type(e).__name__, e, e.name)

print("appkg", appkg.VALUE, appkg.__package__, rel(appkg.__file__), [rel(p) for p in appkg.__path__])
print("spec", appkg.__spec__.name, appkg.__spec__.parent, rel(appkg.__spec__.origin),
      appkg.__spec__.has_location, [rel(p) for p in appkg.__spec__.submodule_search_locations])
if hasattr(appkg.sub, "rel"):
    print("rel", appkg.sub.rel.describe(), appkg.sub.rel.__package__, rel(appkg.sub.rel.__file__))
print("getattr", appkg.lazy_value, hasattr(appkg, "nothing_here"))
print("circular", appkg.core.partner_name(), appkg.sub.sibling.core_value())
# Data files next to the package sources.
print("resources", importlib.resources.files("appkg").joinpath("data/greeting.txt").read_text().strip())
print("resources2", importlib.resources.files(appkg.sub).joinpath("note.txt").read_text().strip())
print("iter_modules", sorted(m.name for m in pkgutil.iter_modules(appkg.__path__)))
print("iter_modules sub", sorted((m.name, m.ispkg) for m in pkgutil.iter_modules(appkg.sub.__path__)))
print("get_data", pkgutil.get_data("appkg", "data/greeting.txt").decode().strip())
spec = importlib.util.find_spec("appkg.core")
print("find_spec", spec.name, rel(spec.origin), spec.parent, spec.submodule_search_locations)
print("find_spec missing", importlib.util.find_spec("appkg.no_such_module"))
# reload runs the module body again.
before = appkg.core.COUNTER
importlib.reload(appkg.core)
print("reload", before, appkg.core.COUNTER, appkg.core.partner_name())
# Dynamic imports with literal names are followed.
dyn = importlib.import_module("dyn_target")
dunder = __import__("dunder_target")
print("dynamic", dyn.NAME, dunder.NAME)
# A module with a syntax error is left to the import system.
try:
    import broken_mod
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, rel(e.filename))
try:
    import skipped_mod
    print("skipped_mod", skipped_mod.NAME)
except ImportError as e:
    print("ImportError", type(e).__name__, e, e.name)
# Plugin folder: modules loaded by computed names.
sys.path.append(os.path.join(HERE, "plugins"))
plugin = importlib.import_module("plugin_" + "one")
plugpkg = importlib.import_module("plug" + "pkg.inner")
print("plugins", plugin.run(), plugpkg.WHAT, plugpkg.__name__, plugpkg.__package__)
print("json loader", type(json.__spec__.loader).__name__)

compiled("main", sys.modules["__main__"])
for name in ("appkg", "appkg.core", "appkg.sub", "appkg.sub.rel", "appkg.sub.sibling", "dyn_target",
             "dunder_target", "skipped_mod", "plugin_one", "plugpkg.inner", "json"):
    if name in sys.modules:
        compiled(name, sys.modules[name])
    else:
        print("compiled %s: absent" % name)
