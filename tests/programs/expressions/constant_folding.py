"a" + "b"
# Constant folding as CPython's AST optimizer does it: which expressions
# fold (their results are constants: equal ones are one object), which do
# not (size limits, errors), and that errors still happen at run time.

print("module doc:", __doc__)


def same(make):
    """Whether two evaluations give the same object."""
    return make() is make()


# Folded operations give one object per value, whatever the statement.
def folded():
    a = 2 ** 64
    b = 2 ** 64
    c = (2 ** 63) * (2 ** 63)
    d = (2 ** 63) * (2 ** 63)
    e = 1 << 127
    f = 1 << 127
    g = "ab" * 2048
    h = "ab" * 2048
    return a is b, c is d, e is f, g is h


def not_folded():
    # Over CPython's limits: computed each time.
    a = 2 ** 200
    b = 2 ** 200
    c = (2 ** 64) * (2 ** 64)
    d = (2 ** 64) * (2 ** 64)
    e = 1 << 128
    f = 1 << 128
    g = "ab" * 2049
    h = "ab" * 2049
    return a is b, c is d, e is f, g is h


print("folded", folded())
print("not folded", not_folded())
print("values", 2 ** 200 == 2 ** 100 * 2 ** 100, len("ab" * 2049), (1 << 128) >> 127, 3 << 127 > 0)

# Collections: at most 256 items, 1024 in all.
def tuples():
    a = (1, 2) * 128
    b = (1, 2) * 128
    c = (1, 2) * 129
    d = (1, 2) * 129
    e = ((1, 2),) * 100
    f = ((1, 2),) * 100
    g = ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10),) * 100
    h = ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10),) * 100
    return a is b, c is d, e is f, g is h, len(c), len(g)


print("tuples", tuples())

# Unary, binary, subscripts of constants.
print(-5, +True, ~5, not 0, not "x", -(-3.5), -0.0, 1 + 2j, (1 + 2j) * 2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 % 2, 2 ** -1, 10 / 4, 1 - 0.5, 6 & 3, 6 | 3, 6 ^ 3, 256 >> 4)
print("abc"[1], "abc"[-1], b"abc"[0], (1, 2, 3)[2], ((1, 2), 3)[0][1], "a" + "b" * 3, b"x" * 3, 3 * "y")
print("%s", "%d" % 5 if False else "mod", (1, 2) + (3,), True + True, True * "ab", 0 * "abc" == "")
print(f"{1 + 1}-{'a' * 2}-{(1, 2)[0]}")

# Types and signs of equal constants are kept apart.
t = (1, 1.0, True, 0.0, -0.0, 0j)
print([type(x).__name__ for x in t], t)
import math

print(math.copysign(1, (0.0, -0.0)[1]), math.copysign(1, -0.0), math.copysign(1, 0.0 * -1))

# Operations that raise are left to run time, with their message.
def attempt(label, make):
    try:
        print(label, make())
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("div", lambda: 1 / 0)
attempt("floordiv", lambda: 1 // 0)
attempt("mod", lambda: 1 % 0)
attempt("pow", lambda: 0 ** -1)
attempt("index", lambda: "abc"[5])
attempt("tuple index", lambda: (1, 2)[5])
attempt("bytes + str", lambda: b"a" + "b")
attempt("shift", lambda: 1 << -1)
attempt("rshift", lambda: 1 >> -1)
attempt("str - str", lambda: "a" - "b")
attempt("matmul", lambda: 2 @ 3)
attempt("negative repeat", lambda: "ab" * -1)
attempt("float overflow", lambda: 10.0 ** 400)
attempt("key", lambda: {"a": 1}["b"])
attempt("format", lambda: "%d" % "x")
attempt("bytes format", lambda: b"%s" % (1,))
attempt("unhashable in", lambda: [] in {1, 2, 3})
attempt("list in tuple", lambda: [] in [1, 2, 3])

# Docstrings are only what was written as one.
def f():
    "a" "b"


def g():
    "a" + "b"


class C:
    "x" * 2


print(repr(f.__doc__), repr(g.__doc__), repr(C.__doc__))
