# nuitka-test: variant=--follow-imports
# Package and module attributes of imported (compiled) modules.
import os

import pkg_basic
import pkg_basic.sub.mod_b

for mod in (pkg_basic, pkg_basic.mod_a, pkg_basic.sub, pkg_basic.sub.mod_b):
    print(mod.__name__, mod.__package__, os.path.basename(mod.__file__), mod.__spec__.name,
          mod.__spec__.parent, hasattr(mod, "__path__"), mod.__doc__)
print([os.path.basename(p) for p in pkg_basic.__path__], type(pkg_basic.__path__).__name__)
print(os.path.relpath(pkg_basic.sub.__file__, os.path.dirname(os.path.abspath(__file__))))
print(pkg_basic.sub.mod_b.__spec__.submodule_search_locations, pkg_basic.sub.__spec__.submodule_search_locations is not None)
print(pkg_basic.mod_a.AClass.__module__, pkg_basic.mod_a.helper.__module__, pkg_basic.mod_a.helper.__qualname__)
print(pkg_basic.mod_a.helper.__globals__ is vars(pkg_basic.mod_a))
print(sorted(k for k in vars(pkg_basic.mod_a) if not k.startswith("__")))
print(sorted(k for k in vars(pkg_basic.mod_a) if k.startswith("__") and k not in ("__compiled__", "__loader__", "__cached__")))
print(type(pkg_basic).__name__, isinstance(pkg_basic, type(os)))
print(pkg_basic.sub.mod_b.mod_a is pkg_basic.mod_a)
import pkg_lazy

print(pkg_lazy.eager)
print(pkg_lazy.computed)
print(pkg_lazy.heavy.WEIGHT)
print(pkg_lazy.heavy.WEIGHT)
try:
    pkg_lazy.missing_thing
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(pkg_lazy, "missing"), getattr(pkg_lazy, "computed"))
from pkg_lazy import computed

print(computed)
import nspkg.inner.nsmod

print(nspkg.inner.nsmod.NS_VALUE, getattr(nspkg, "__file__", None), nspkg.__spec__.origin)
print(type(nspkg.__path__).__name__, [os.path.basename(p) for p in nspkg.__path__])
