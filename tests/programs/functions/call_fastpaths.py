# Calls that take the compiled fast paths (positional binding without the
# general parser, direct calls between compiled functions, method calls
# without bound methods) must behave exactly like the general ones.
import sys


def f(a, b):
    return (a, b)


def g(x, y=2, *, z=3):
    return (x, y, z)


def h(a, b=10, c=20):
    return (a, b, c)


def kwonly_required(a, *, k):
    return (a, k)


def posonly(a, b=5, /):
    return (a, b)


def noargs():
    return "noargs"


class C:
    def m(self, v):
        return ("m", v)

    def md(self, v=7):
        return ("md", v)

    @staticmethod
    def s(v):
        return ("s", v)

    @classmethod
    def k(cls, v):
        return ("k", cls.__name__, v)


def report(call):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)


# Positional calls, defaults, keyword-only defaults.
print(f(1, 2), g(1), g(1, 5), g(1, 5, z=9), g(x=4), h(1), h(1, 2), h(1, 2, 3))
print(posonly(1), posonly(1, 2), noargs())
# Wrong argument counts: exact messages.
report(lambda: f(1))
report(lambda: f())
report(lambda: f(1, 2, 3))
report(lambda: g())
report(lambda: g(1, 2, 3))
report(lambda: h())
report(lambda: h(1, 2, 3, 4))
report(lambda: noargs(1))
report(lambda: kwonly_required(1))
report(lambda: kwonly_required(1, k=2))
report(lambda: posonly())
report(lambda: posonly(1, 2, 3))

# Changing __defaults__ / __kwdefaults__ after definition is seen by the next call.
h.__defaults__ = (100,)
print(h(1, 2))
report(lambda: h(1))
h.__defaults__ = None
report(lambda: h(1, 2))
h.__defaults__ = (10, 20)
g.__kwdefaults__ = {"z": "new"}
print(g(1))
g.__kwdefaults__ = None
report(lambda: g(1))
g.__kwdefaults__ = {}
report(lambda: g(1))
g.__kwdefaults__ = {"z": 3}
print(g(1))

# Method calls on compiled methods, static and class methods, bound method objects.
c = C()
print(c.m(1), c.md(), c.md(2), c.s(3), c.k(4), C.s(5), C.k(6), C.m(c, 7))
bound = c.m
print(bound(8), bound.__self__ is c)
report(lambda: c.m())
report(lambda: c.m(1, 2))
report(lambda: C.m())
c.m = lambda v: ("instance attribute", v)
print(c.m(9))
del c.m
print(c.m(10))


# Module attribute calls hit compiled functions through the non-method path.
mod = sys.modules[__name__]
print(mod.f(3, 4), mod.g(5))


# Recursion: depth limit and RecursionError.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(100))


# (No comparison in the body: where the limit hits would depend on whether
# the comparison checks the recursion depth itself.)
def countdown(n):
    return countdown(n - 1) if n else "bottom"


old_limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    countdown(400)
except RecursionError as e:
    print("RecursionError with low limit:", e)
sys.setrecursionlimit(old_limit)
print(countdown(400))


# Frames kept alive after the call (sys._getframe, exceptions) are not reused.
def keep_frame(x):
    y = x * 2
    return sys._getframe()


fr1 = keep_frame(1)
fr2 = keep_frame(2)
print(fr1 is fr2, fr1.f_locals, fr2.f_locals, fr1.f_code.co_name)


def raiser(x):
    local = "value %d" % x
    raise ValueError(x)


caught = []
for i in range(3):
    try:
        raiser(i)
    except ValueError as e:
        caught.append(e)
for e in caught:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals, tb.tb_lineno)


def caller_name():
    return sys._getframe(1).f_code.co_name


def outer():
    return caller_name()


print(outer(), [outer() for _ in range(2)])


# Closures and cells on the direct path.
def make_adder(n):
    def add(x):
        return x + n

    return add


def cell_arg(a):
    def inner():
        return a

    return inner()


add3 = make_adder(3)
print(add3(4), add3(5), cell_arg("cell"), cell_arg("again"))


# Generators created through a direct call.
def gen(a, b=2):
    yield a
    yield b


print(list(gen(1)), list(gen(1, 3)))


# Reentrancy: finalizers that run while a frame's locals are cleared call
# another function and the same function again.
class Finalized:
    def __del__(self):
        print("del calls", ident(5))


def ident(x):
    return x


def drop():
    obj = Finalized()
    return None


class Reenter:
    def __del__(self):
        print("reenter", make_and_drop(0))


def make_and_drop(n):
    obj = Reenter() if n else "plain"
    return n


drop()
print(ident(6), make_and_drop(1), make_and_drop(2), make_and_drop(0))

# Keyword calls and star calls still bind correctly.
args = (1, 2)
kw = {"b": 2}
print(f(*args), f(1, **kw), f(a=1, b=2), g(1, z=4), h(*(1,), **{}))
report(lambda: f(1, a=2))
report(lambda: f(1, c=2))


# Recursive calls take frames from a per-function pool: frames kept by a
# traceback stay intact while later calls reuse other frames.
def rec_raise(n):
    marker = "depth %d" % n
    if not n:
        raise KeyError("bottom")
    return rec_raise(n - 1)


kept = []
for rounds in range(2):
    try:
        rec_raise(40)
    except KeyError as e:
        kept.append(e)
    print(countdown(60), list(gen(countdown(3))))
for e in kept:
    tb = e.__traceback__
    markers = []
    while tb:
        markers.append(tb.tb_frame.f_locals.get("marker"))
        tb = tb.tb_next
    print(len(markers), markers[1], markers[20], markers[-1])
