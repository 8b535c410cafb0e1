# Predicted builtin calls (len, isinstance, min, ...) take the generic path
# whenever the name no longer holds the builtin: replaced through globals(),
# the builtins module, setattr on the module, its __dict__, then restored.
import builtins
import sys


CALLS = [
    lambda: len("abcd"),
    lambda: len([1, 2]),
    lambda: isinstance(3, int),
    lambda: min(3, 1, 2),
    lambda: max(3, 1, 2),
    lambda: abs(-2),
    lambda: type(1),
    lambda: hasattr(1, "real"),
    lambda: getattr(1, "real"),
    lambda: ord("a"),
    lambda: chr(98),
    lambda: str(5),
    lambda: int(2.5),
    lambda: float(3),
    lambda: bool(0),
    lambda: tuple([1]),
    lambda: list((1,)),
    lambda: repr("x"),
    lambda: callable(len),
    lambda: divmod(7, 2),
    lambda: pow(2, 5),
    lambda: range(3),
    lambda: enumerate("ab"),
    lambda: zip("ab", "cd"),
    lambda: next(iter([9])),
]


def use(isinstance=isinstance, type=type, tuple=tuple, int=int, float=float, str=str):
    # (Its own builtins are bound at definition: it must survive the fakes.)
    results = []
    for call in CALLS:
        try:
            result = call()
        except Exception as e:
            result = "%s: %s" % (type(e).__name__, e)
        if not isinstance(result, (int, float, str, tuple, type)):
            result = type(result).__name__
        results.append(result)
    return tuple(results)


def fake(name):
    def replacement(*args):
        return "fake %s%r" % (name, args)

    return replacement


NAMES = ["len", "isinstance", "min", "max", "abs", "type", "hasattr", "getattr", "ord", "chr", "str", "int",
         "float", "bool", "tuple", "list", "repr", "callable", "divmod", "pow", "range", "enumerate", "zip",
         "next", "iter"]

for _ in range(3):  # warm the site caches
    print(use())

print("-- globals()")
for name in NAMES:
    globals()[name] = fake(name)
    print(name, use())
    del globals()[name]
print(use())

print("-- builtins module")
for name in NAMES:
    original = getattr(builtins, name)
    setattr(builtins, name, fake(name))
    try:
        print(name, use())
    finally:
        setattr(builtins, name, original)
print(use())

print("-- setattr(module)")
module = sys.modules[__name__]
setattr(module, "len", lambda x: -1)
print(use()[:2])
delattr(module, "len")
print(use()[:2])

print("-- module __dict__")
module.__dict__["min"] = lambda *a: "dict min"
print(use()[3])
module.__dict__.pop("min")
print(use()[3])

print("-- builtins deleted")
saved = builtins.len
del builtins.len
try:
    print(use())
except NameError as e:
    print("NameError", e)
builtins.len = saved
print(use()[:2])

print("-- a non-builtin object of the same name in builtins")
builtins.abs = builtins.len
print(use()[5:6])
builtins.abs = abs.__class__  # (any object)
try:
    print(use()[5:6])
except TypeError as e:
    print("TypeError", e)
del builtins.abs
import importlib  # noqa: E402

builtins.abs = importlib.import_module("operator").abs
print(use()[5:6])


def rebinding_argument():
    # The callee is loaded before the arguments, as by CPython: this call
    # still uses the builtin.
    def arg():
        globals()["len"] = lambda x: "rebound"
        return "xyz"

    first = len(arg())
    second = len("xyz")
    del globals()["len"]
    return first, second, len("xyz")


print(rebinding_argument())


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {"len": lambda x: "from __prepare__", "max": max}


class WithPrepared(metaclass=Meta):
    seen = len("abc"), max(1, 2)


print(WithPrepared.seen)


class Plain:
    seen = len("abc"), min(4, 5)


print(Plain.seen)


def shadowed(len, x):
    return len(x)


print(shadowed(lambda v: "param", "ab"))


def local_shadow():
    isinstance = lambda a, b: "local"  # noqa: E731
    return isinstance(1, int)


print(local_shadow())


def closure_shadow():
    max = lambda *a: "closure"  # noqa: E731

    def inner():
        return max(1, 2)

    return inner()


print(closure_shadow())
