# obj.name and obj.name() on modules are cached per site by the module
# dict's version: every change of the module must be seen at once.
import math
import types


def load(m):
    return m.sqrt


def call(m, v):
    try:
        return m.sqrt(v)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def warm(f, *args):
    for _ in range(5):
        r = f(*args)
    return r


print(warm(call, math, 16.0), warm(load, math) is math.sqrt)

original = math.sqrt
math.sqrt = lambda v: "replaced %s" % v
print(call(math, 9), load(math) is not original)
math.__dict__["sqrt"] = lambda v: "through the dict %s" % v
print(call(math, 4))
del math.sqrt
print(call(math, 4))
try:
    load(math)
except AttributeError as e:
    print("AttributeError:", e)
math.sqrt = original
print(call(math, 25.0))

# Another module object at the same site, and a module __getattr__.
other = types.ModuleType("other")
other.sqrt = lambda v: "other %s" % v
print(warm(call, other, 1), call(math, 4.0), call(other, 2))
lazy = types.ModuleType("lazy")
lazy.__getattr__ = lambda name: (lambda v: "lazy %s %s" % (name, v))
print(call(lazy, 3), call(math, 36.0))
lazy.sqrt = lambda v: "now set %s" % v
print(call(lazy, 3))


# A subclass of ModuleType with a property of the same name.
class Special(types.ModuleType):
    @property
    def sqrt(self):
        return lambda v: "property %s" % v


special = Special("special")
print(call(special, 5), call(math, 49.0))
# sys.modules entry replaced by a non-module object.
class NotAModule:
    def sqrt(self, v):
        return "method %s" % v


print(call(NotAModule(), 7), call(math, 64.0))
# globals of this module changed through the module object
import sys

me = sys.modules[__name__]
me.warm = lambda f, *args: "warm replaced"
print(warm(call, math, 1.0))
