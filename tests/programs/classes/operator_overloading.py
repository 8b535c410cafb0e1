# Operator overloading: binary, reflected, in-place, unary, comparison and
# container protocols, NotImplemented fallbacks and subclass priority.


class V:
    def __init__(self, *c):
        self.c = c

    def __repr__(self):
        return "V%r" % (self.c,)

    def _op(self, other, f, name):
        print("  V.%s" % name)
        if isinstance(other, V):
            return V(*[f(a, b) for a, b in zip(self.c, other.c)])
        if isinstance(other, (int, float)):
            return V(*[f(a, other) for a in self.c])
        return NotImplemented

    def __add__(self, o): return self._op(o, lambda a, b: a + b, "__add__")
    def __radd__(self, o): return self._op(o, lambda a, b: b + a, "__radd__")
    def __sub__(self, o): return self._op(o, lambda a, b: a - b, "__sub__")
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a, "__rsub__")
    def __mul__(self, o): return self._op(o, lambda a, b: a * b, "__mul__")
    def __rmul__(self, o): return self._op(o, lambda a, b: b * a, "__rmul__")
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b, "__truediv__")
    def __rtruediv__(self, o): return self._op(o, lambda a, b: b / a, "__rtruediv__")
    def __floordiv__(self, o): return self._op(o, lambda a, b: a // b, "__floordiv__")
    def __rfloordiv__(self, o): return self._op(o, lambda a, b: b // a, "__rfloordiv__")
    def __mod__(self, o): return self._op(o, lambda a, b: a % b, "__mod__")
    def __rmod__(self, o): return self._op(o, lambda a, b: b % a, "__rmod__")
    def __pow__(self, o, mod=None): return self._op(o, lambda a, b: pow(a, b, mod), "__pow__")
    def __rpow__(self, o): return self._op(o, lambda a, b: b ** a, "__rpow__")
    def __lshift__(self, o): return self._op(o, lambda a, b: a << b, "__lshift__")
    def __rlshift__(self, o): return self._op(o, lambda a, b: b << a, "__rlshift__")
    def __rshift__(self, o): return self._op(o, lambda a, b: a >> b, "__rshift__")
    def __rrshift__(self, o): return self._op(o, lambda a, b: b >> a, "__rrshift__")
    def __and__(self, o): return self._op(o, lambda a, b: a & b, "__and__")
    def __rand__(self, o): return self._op(o, lambda a, b: b & a, "__rand__")
    def __or__(self, o): return self._op(o, lambda a, b: a | b, "__or__")
    def __ror__(self, o): return self._op(o, lambda a, b: b | a, "__ror__")
    def __xor__(self, o): return self._op(o, lambda a, b: a ^ b, "__xor__")
    def __rxor__(self, o): return self._op(o, lambda a, b: b ^ a, "__rxor__")
    def __divmod__(self, o): return (self // o, self % o)
    def __rdivmod__(self, o): return "rdivmod"
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return self
    def __abs__(self): return V(*[abs(a) for a in self.c])
    def __invert__(self): return V(*[~a for a in self.c])
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __contains__(self, x): return x in self.c
    def __iter__(self): return iter(self.c)
    def __reversed__(self): return iter(self.c[::-1])
    def __bool__(self): return any(self.c)
    def __int__(self): return int(sum(self.c))
    def __float__(self): return float(sum(self.c))
    def __complex__(self): return complex(sum(self.c), 1)
    def __index__(self): return len(self.c)
    def __round__(self, n=None): return V(*[round(a, n) for a in self.c])
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"


a = V(6, 8)
b = V(2, 3)
for expr in ("a + b", "a - b", "a * 2", "2 * a", "a / 2", "12 / a", "a // b", "20 // a", "a % b", "7 % a",
             "a ** 2", "2 ** b", "pow(a, 2, 5)", "a << 1", "1 << b", "a >> 1", "64 >> b", "a & 3", "3 & a",
             "a | 1", "1 | a", "a ^ b", "5 ^ a", "divmod(a, 4)", "divmod(4, a)", "-a", "+a", "abs(-a)", "~a",
             "a == V(6, 8)", "a != b", "len(a)", "a[1]", "8 in a", "list(a)", "list(reversed(a))", "bool(V(0))",
             "int(a)", "float(b)", "complex(b)", "[0] * b", "round(V(1.25, 2.5), 1)", "round(V(1.5))",
             "__import__('math').trunc(a)", "__import__('math').floor(a)", "__import__('math').ceil(a)",
             "a + 'x'", "'x' + a", "a @ b", "a < b"):
    try:
        print(expr, "=", eval(expr))
    except TypeError as e:
        print(expr, "TypeError", e)

x = V(1, 2)
orig = x
x += 1
print(x, x is orig)


class InPlace(V):
    def __iadd__(self, o):
        print("  InPlace.__iadd__")
        self.c = tuple(v + o for v in self.c)
        return self

    def __imul__(self, o):
        return NotImplemented

    def __ipow__(self, o):
        print("  InPlace.__ipow__")
        return "ipow result"


y = InPlace(1, 2)
orig = y
y += 10
print(y, y is orig)
y *= 2
print(y, y is orig, type(y).__name__)
y **= 2
print(y)


class Base:
    def __add__(self, o):
        return "Base.__add__"

    def __radd__(self, o):
        return "Base.__radd__"

    def __lt__(self, o):
        return "Base.__lt__"

    def __gt__(self, o):
        return "Base.__gt__"


class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"

    def __gt__(self, o):
        return "Derived.__gt__"


class DerivedNoOverride(Base):
    pass


print(Base() + Derived(), Derived() + Base(), Base() + DerivedNoOverride())
print(Base() < Derived(), Derived() < Base(), Base() < DerivedNoOverride())
print(1 + Base(), Base() + 1)


class OnlyReflected:
    def __radd__(self, o):
        return "radd with %r" % (o,)

    def __rsub__(self, o):
        return NotImplemented


print(5 + OnlyReflected(), [1] + OnlyReflected(), "s" + OnlyReflected())
try:
    5 - OnlyReflected()
except TypeError as e:
    print("TypeError", e)


class Seq:
    def __getitem__(self, i):
        if isinstance(i, slice):
            return "slice %s" % (i,)
        if i >= 5:
            raise IndexError
        return i * 100

    def __len__(self):
        return 5

    def __setitem__(self, i, v):
        print("  setitem", i, v)

    def __delitem__(self, i):
        print("  delitem", i)


sq = Seq()
print(list(sq), sq[1:3], 300 in sq, list(reversed(sq)), sorted(sq, reverse=True))
sq[0] = "zero"
sq[1:2] = "slice"
del sq[-1]
print(max(sq), min(sq), sum(sq), tuple(enumerate(sq))[:2])


class CallMe:
    def __call__(self, *args, **kwargs):
        return "called with %r %r" % (args, kwargs)


print(CallMe()(1, k=2), callable(CallMe()))


class Ctx:
    def __format__(self, spec):
        return "formatted[%s]" % spec

    def __str__(self):
        return "str()"

    def __repr__(self):
        return "repr()"

    def __bytes__(self):
        return b"bytes()"


cx = Ctx()
print(format(cx, "spec"), f"{cx:abc}", str(cx), repr(cx), bytes(cx), "%s %r" % (cx, cx), [cx], {"k": cx})
