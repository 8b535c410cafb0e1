# @, unary operators, __index__, the operator module, and operator TypeErrors.
import operator


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __rmatmul__(self, other):
        print("  __rmatmul__ with", type(other).__name__)
        return Matrix([[other * x for x in r] for r in self.rows])

    def __imatmul__(self, other):
        print("  __imatmul__")
        self.rows = (self @ other).rows
        return self

    def __neg__(self):
        return Matrix([[-x for x in r] for r in self.rows])

    def __pos__(self):
        return "pos"

    def __invert__(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def __abs__(self):
        return sum(abs(x) for r in self.rows for x in r)

    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)


m = Matrix([[1, 2], [3, 4]])
n = Matrix([[0, 1], [1, 0]])
print(m @ n)
print(2 @ m)
m2 = m
m2 @= n
print(m2, m2 is m)
print(-m, +m, ~m, abs(-m))
print(operator.matmul(m, n), operator.neg(m), operator.invert(m))
for bad in (lambda: 1 @ 2, lambda: [1] @ [2], lambda: m @ 3, lambda: -"s", lambda: +[1], lambda: ~1.5, lambda: abs("x")):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
x = 5
try:
    x @= 2
except TypeError as e:
    print("TypeError", e)
print(-(-5), +(-5), ~~5, - - -5, not not 5, -(2**100), ~(2**100), -0.0, +True, -False)

print(operator.add(1, 2), operator.sub(1, 2), operator.mul("a", 3), operator.truediv(1, 4))
print(operator.floordiv(-7, 2), operator.mod(-7, 2), operator.pow(2, -2), operator.lshift(1, 5))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.not_(0), operator.truth([]))
print(operator.lt(1, 2), operator.eq("a", "a"), operator.is_(None, None), operator.contains([1], 1))
print(operator.getitem("abc", 1), operator.itemgetter(0, 2)("xyz"), operator.attrgetter("real")(3))
print(operator.methodcaller("upper")("abc"), operator.index(7), operator.concat([1], [2]))
print(operator.iadd([1], [2]), operator.iconcat("a", "b"), operator.length_hint(iter(range(5))))
try:
    operator.index(1.5)
except TypeError as e:
    print("TypeError", e)


class WithIndex:
    def __index__(self):
        return 3


w = WithIndex()
print([10, 20, 30, 40][w], "abcdef"[w:], operator.index(w), bin(w), 2 ** WithIndex().__index__())
print(range(10)[w], list(range(w)), "x" * w)

for a, b in [(1, "a"), ("a", 1), (None, 1), ([], {}), ({}, []), (1.5, "x"), ((), 1)]:
    for opname, op in [("+", operator.add), ("-", operator.sub), ("*", operator.mul), ("/", operator.truediv),
                       ("//", operator.floordiv), ("%", operator.mod), ("**", operator.pow),
                       ("<<", operator.lshift), ("&", operator.and_), ("|", operator.or_), ("^", operator.xor),
                       ("@", operator.matmul)]:
        try:
            print(repr(a), opname, repr(b), "=", repr(op(a, b)))
        except TypeError as e:
            print(repr(a), opname, repr(b), "TypeError", e)
