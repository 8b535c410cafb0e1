# Binary and in-place arithmetic on exact ints and floats (fast paths in
# compiled code) next to every case that must take the generic way:
# subclasses, bool, big ints, mixed types, zero division, special floats.
import math


def show(label, func, a, b):
    try:
        r = func(a, b)
    except Exception as e:
        print(label, repr(a), repr(b), "->", type(e).__name__, e)
    else:
        print(label, repr(a), repr(b), "->", repr(r), type(r).__name__)


def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def div(a, b): return a / b
def fdiv(a, b): return a // b
def mod(a, b): return a % b
def band(a, b): return a & b
def bor(a, b): return a | b
def bxor(a, b): return a ^ b


def iadd(a, b):
    a += b
    return a


def isub(a, b):
    a -= b
    return a


def imul(a, b):
    a *= b
    return a


def idiv(a, b):
    a /= b
    return a


def ifdiv(a, b):
    a //= b
    return a


def imod(a, b):
    a %= b
    return a


def iand(a, b):
    a &= b
    return a


def ior(a, b):
    a |= b
    return a


def ixor(a, b):
    a ^= b
    return a


OPS = [("+", add), ("-", sub), ("*", mul), ("/", div), ("//", fdiv), ("%", mod),
       ("+=", iadd), ("-=", isub), ("*=", imul), ("/=", idiv), ("//=", ifdiv), ("%=", imod)]
BITOPS = [("&", band), ("|", bor), ("^", bxor), ("&=", iand), ("|=", ior), ("^=", ixor)]

INTS = [0, 1, -1, 7, -7, 3, -3, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 2**31, 2**62, -(2**63), 2**64 + 5,
        -(2**100), True, False]
FLOATS = [0.0, -0.0, 1.5, -2.5, 3.0, -3.0, 0.1, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan, 2.0**53]

for name, func in OPS:
    for a in INTS:
        for b in INTS:
            show(name, func, a, b)
    for a in FLOATS:
        for b in FLOATS:
            show(name, func, a, b)
    for a in INTS[:11] + [2**53 + 1, 10**400]:
        for b in FLOATS[:8]:
            show(name, func, a, b)
            show(name, func, b, a)

for name, func in BITOPS:
    for a in INTS:
        for b in INTS:
            show(name, func, a, b)
    show(name, func, 1.0, 1)
    show(name, func, 1, 2.0)

# Overflow out of one digit promotes to bigger ints.
big = 2**30 - 1
print(big + 1, big * big, -big - 2, (-(2**30)) * (-(2**30)), big * -big, type(big + 1).__name__)
x = 0
for i in range(40):
    x = x * 2 + 1
print(x, x + x, x * x)

# bool is a subclass of int: never the int fast path, results are ints.
print(True + True, type(True + True).__name__, True * 3, True - False, True / 2, True // True, True % 2)
print(True & True, type(True & True).__name__, True | False, True ^ True, type(True ^ True).__name__)


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__(%r, %r)" % (int(self), other)

    def __radd__(self, other):
        return "MyInt.__radd__(%r, %r)" % (int(self), other)


class PlainInt(int):
    pass


class MyFloat(float):
    def __sub__(self, other):
        return "MyFloat.__sub__"

    def __rsub__(self, other):
        return "MyFloat.__rsub__"

    def __rmod__(self, other):
        return "MyFloat.__rmod__"


class PlainFloat(float):
    pass


class NotImpl:
    def __repr__(self):
        return "NotImpl()"

    def __add__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return NotImplemented


class RightOnly:
    def __repr__(self):
        return "RightOnly()"

    def __radd__(self, other):
        return "RightOnly.__radd__(%r)" % (other,)

    def __rtruediv__(self, other):
        return "RightOnly.__rtruediv__(%r)" % (other,)


for a, b in [(MyInt(3), 4), (4, MyInt(3)), (MyInt(1), 2.5), (2.5, MyInt(1)), (PlainInt(5), 2), (2, PlainInt(5)),
             (MyFloat(1.5), 1.0), (1.0, MyFloat(1.5)), (2, MyFloat(2.0)), (PlainFloat(1.5), 2.0),
             (2.0, PlainFloat(1.5)), (NotImpl(), 1), (1, NotImpl()), (1.5, NotImpl()), (1, RightOnly()),
             (1.5, RightOnly()), ("a", "b"), ("a", 1), (1, "a"), ([1], [2]), (None, 1), (1, None)]:
    for name, func in OPS:
        show(name, func, a, b)

s = "ab"
s += "cd"
s += s
print(s)
lst = [1]
alias = lst
lst += [2]
print(lst, alias is lst)
t = (1,)
t += (2,)
print(t)

# Values of floor division and modulo must match float_floor_div/float_rem
# bit for bit (signs of zeros, snapping of quotients).
vals = [7.0, -7.0, 0.5, -0.5, 1e-300, -1e-300, 1e300, 0.3, -0.3, 0.0, -0.0, 2.5, 123456789.123, math.inf, -math.inf]
for a in vals:
    for b in vals:
        if b == 0.0:
            continue
        q, r = a // b, a % b
        print(repr(q), repr(r), math.copysign(1.0, q) if q == 0 else "", math.copysign(1.0, r) if r == 0 else "")
for a in range(-7, 8):
    for b in range(-3, 4):
        if b:
            print(a // b, a % b, a / b, end=" ")
print()

# Errors from the fast operations' fallbacks keep CPython's tracebacks.
def fail(a, b):
    return a * 2 + b // a


print(fail(3, 9))
print(fail(0, 9))
