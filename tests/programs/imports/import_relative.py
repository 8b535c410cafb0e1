# nuitka-test: variant=--follow-imports
# Relative imports inside a package; a relative import in the main script
# itself fails like in CPython.
import pkg_basic.sub.mod_b as mod_b

print(mod_b.describe())
print(mod_b.__package__, mod_b.__spec__.parent, mod_b.__spec__.name)
print(mod_b.too_far())

try:
    from . import something
except ImportError as e:
    print("ImportError:", e)
try:
    from .pkg_basic import mod_a
except ImportError as e:
    print("ImportError:", e)
try:
    from .. import anything
except ImportError as e:
    print("ImportError:", e)
print(__package__, __spec__)
import importlib

try:
    importlib.import_module(".mod_a")
except TypeError as e:
    print("TypeError:", e)
print(importlib.import_module("..mod_a", "pkg_basic.sub").__name__)
print(importlib.util.resolve_name("..sibling", "pkg_basic.sub.inner") if hasattr(importlib, "util") else "")
