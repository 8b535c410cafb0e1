# PEP 646 (3.11+): starred elements in subscripts build a tuple; *args
# annotated with a starred expression unpacks exactly one value.
import traceback
from typing import Generic, TypeVarTuple, Unpack


def trace(label, value):
    print("eval", label)
    return value


class Recorder:
    def __getitem__(self, key):
        print("get", key)
        return key

    def __setitem__(self, key, value):
        print("set", key, value)

    def __delitem__(self, key):
        print("del", key)


r = Recorder()
a = [1, 2]
print(r[*a])
print(r[*a, *"xy"])
print(r[0, *a, 1:2, ...])
print(r[*(), *[]])
r[*a] = "v"
r[*a, 1:2] = 3
del r[0, *a]
r[trace("first", 1), *trace("middle", [2, 3]), trace("last", 4)] = trace("value", 5)
print(r[*(i * i for i in range(4))])


class Numbers:
    def __init__(self):
        self.data = {}

    def __getitem__(self, key):
        return self.data.get(key, 0)

    def __setitem__(self, key, value):
        self.data[key] = value


n = Numbers()
n[*a] += 5
n[*a] += 1
n[*a, 0] -= 2
print(n.data)

for bad in (lambda: r[*1], lambda: r[0, *None], lambda: r.__getitem__(*5)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

try:
    r[*a] += 1
except TypeError:
    traceback.print_exc()

Ts = TypeVarTuple("Ts")
print(tuple[*Ts])
print(tuple[int, *Ts, str])
print(tuple[*tuple[int, ...]])
print(list[*a] if False else "skip")


class Array(Generic[*Ts]):
    pass


print(Array.__parameters__, Array[int, str], Array[*tuple[int, str]])
print(Array.__orig_bases__)


def f(*args: *Ts):
    return args


print(f.__annotations__, f(1, 2))


def g(x: int, *args: *tuple[int, ...], y: str = "") -> tuple[*Ts]:
    pass


print(g.__annotations__)


def h(*args: Unpack[Ts]):
    pass


print(h.__annotations__)
print(f.__annotations__["args"] == h.__annotations__["args"])


class Single:
    def __iter__(self):
        print("iter")
        yield "only"


def k(*args: *Single()):
    pass


print(k.__annotations__)


def order(
    a: trace("a", int),
    *args: *trace("args", [str]),
    b: trace("b", float),
) -> trace("ret", None):
    pass


print(order.__annotations__)

for value in ([], [1, 2], 3, (x for x in [])):
    try:
        def bad(*args: *value):
            pass
    except (ValueError, TypeError):
        traceback.print_exc()
    else:
        print("no error", bad.__annotations__)

lam = lambda *args: args
print(lam(*a, *"b"))
