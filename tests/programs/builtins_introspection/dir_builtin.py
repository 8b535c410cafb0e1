# dir() in module, function and class bodies, on objects and modules.
import math
import types

print([n for n in dir() if n != "__compiled__"])
top_level = 1
print([n for n in dir() if not n.startswith("__")])


def func(a, b=1):
    c = 2
    print(dir())

    def inner():
        return c

    print(dir())
    return inner


func(0)


class Body:
    x = 1
    print([n for n in dir() if not n.startswith("__") or n in ("__module__", "__qualname__")])

    def method(self):
        return dir()


print(Body().method())


class WithSlots:
    __slots__ = ("a", "b")
    z = 0


class Child(Body):
    y = 2


print([n for n in dir(Child) if not n.startswith("__")])
print([n for n in dir(Child()) if not n.startswith("__")])
print([n for n in dir(WithSlots) if not n.startswith("__")])
print(dir(math)[:5], "pi" in dir(math))
inst = Body()
inst.dynamic = 1
print([n for n in dir(inst) if not n.startswith("__")])
print(dir(types.SimpleNamespace(b=1, a=2))[-2:])
print("__init__" in dir(object), "append" in dir([]), "keys" in dir({}), "real" in dir(5))


def gen():
    local_in_gen = 1
    yield dir()


print(next(gen()))
print((lambda q: dir())(1))
# (3.12+ inline the comprehension: dir() then lists the module globals,
# where compiled modules also have __compiled__.)
print([[n for n in dir() if n != "__compiled__"] for loop_var in range(1)])


class CustomDir:
    def __dir__(self):
        return ("b", "a", "c")


print(dir(CustomDir()))
mod = types.ModuleType("custom_mod", "doc")
mod.attr = 1
print(dir(mod))
print(sorted(set(dir(str)) - set(dir(object)))[:8])
