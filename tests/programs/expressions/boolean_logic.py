# and/or/not: operand results, short-circuit and truth value protocol.


def v(x):
    print("eval", repr(x))
    return x


print(v(0) and v(1))
print(v(2) and v(3))
print(v(0) or v(""))
print(v([]) or v([1]))
print(v(1) or v(2))
print(v(None) and v(1) or v("fallback"))
print(v(1) and v(0) or v(0) and v(2))
print(not v(0), not v("x"), not v([]))
print(v(0) or v(0) or v(0) or v(4))
print(v(1) and v(2) and v(3) and v(0) and v(5))


class B:
    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __bool__(self):
        print("  __bool__", self.name)
        return self.value

    def __repr__(self):
        return self.name


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("  __len__", self.n)
        return self.n


class Neither:
    pass


print(B("t", True) and B("f", False))
print(B("f", False) or B("t", True))
print(not B("t", True))
print(bool(L(0)), bool(L(3)), bool(Neither()))
if L(2):
    print("L(2) true")
while L(0):
    print("never")
print("x" if B("cond", False) else "y")
print([x for x in (B("a", True), B("b", False)) if x])


class BadBool:
    def __bool__(self):
        return 1


class BadLen:
    def __len__(self):
        return -1


class BigLen:
    def __len__(self):
        return 2**100


class BoolRaises:
    def __bool__(self):
        raise ValueError("no truth")


for obj in (BadBool(), BadLen(), BigLen(), BoolRaises()):
    try:
        if obj:
            print("true")
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(not obj)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(obj and 1)
    except Exception as e:
        print(type(e).__name__, e)

for value in (0, 0.0, 0j, "", b"", [], (), {}, set(), frozenset(), range(0), None, False,
              1, -1, 0.1, "0", b"\x00", [0], (0,), {0: 0}, {0}, range(1), True, ...):
    print(repr(value), bool(value), not value)

a = 0
b = a or 5
c = a and 5
print(b, c)
x = [] or {} or ()
print(x, type(x).__name__)
print((1 and [2]) is not None, None or None)
print(True + (1 and 2), (0 or False) is False)
