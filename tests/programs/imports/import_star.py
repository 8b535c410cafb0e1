# nuitka-test: variant=--follow-imports
# Star imports with and without __all__.
before = set(globals())
from pkg_star.with_all import *  # noqa: F401,F403

print(sorted(set(globals()) - before - {"before"}))
before = set(globals())
from pkg_star.without_all import *  # noqa: F401,F403

print(sorted(set(globals()) - before - {"before"}))
before = set(globals())
from pkg_star import *  # noqa: F401,F403

print(sorted(set(globals()) - before - {"before"}))
print(public_a, public_b, visible, _private_but_listed)
try:
    print(public_not_listed)
except NameError as e:
    print("NameError", e)
try:
    print(_hidden)
except NameError as e:
    print("NameError", e)
public_a = "overwritten locally"
from pkg_star.with_all import *  # noqa: F401,F403

print(public_a)
import pkg_star

print(pkg_star.__all__, hasattr(pkg_star, "public_not_listed"), pkg_star.with_all.__name__, pkg_star.with_all.public_not_listed)
ns = {}
exec("from pkg_star.without_all import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
import pkg_lazy

print(sorted(k for k in dir(pkg_lazy)))
