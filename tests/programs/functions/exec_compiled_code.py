# The code object of a compiled function keeps CPython's bytecode: exec()
# of it, types.FunctionType(code, ...), and assigning f.__code__ run it in
# the interpreter, as CPython does.
import types


def f():
    a = 1
    print("f body ran", a + 1)


exec(f.__code__)


def g(x):
    return x * 2


g2 = types.FunctionType(g.__code__, globals(), "g2")
print(g2(4), g2.__name__, g2.__qualname__, type(g2).__name__)


def adder(n):
    def add(x):
        return x + n

    return add


a5 = adder(5)
a6 = types.FunctionType(a5.__code__, a5.__globals__, None, None, (types.CellType(6),))
print(a5(1), a6(1), a6.__qualname__)


def h():
    return "h"


def k():
    return "k"


h.__code__ = k.__code__
print(h(), h.__name__)
h.__code__ = g.__code__
print(h(21))
try:
    h.__code__ = a5.__code__
except ValueError as e:
    print(type(e).__name__, e)


def gen(n):
    yield from range(n)
    yield "end"


print(list(types.FunctionType(gen.__code__, globals())(3)))


def copy_func(func):
    return types.FunctionType(func.__code__, func.__globals__, func.__name__, func.__defaults__, func.__closure__)


def dflt(a, b=3, *args, **kw):
    "doc of dflt"
    return a + b, args, kw


c = copy_func(dflt)
print(c(1), c(1, 2, 3, x=4), c.__doc__)


class K:
    def method(self, v):
        return [v * i for i in range(3)]

    def sup(self):
        return super().__repr__.__name__


print(copy_func(K.method)(K(), 2))
print(copy_func(K.sup)(K()))


def fail(a):
    return a["missing"]


ff = types.FunctionType(fail.__code__, globals())
try:
    ff({})
except KeyError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
ff({})
