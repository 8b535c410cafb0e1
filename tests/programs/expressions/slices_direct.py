# Slicing of lists, tuples and str without slice objects, and every
# fallback: other types, parts that are not exact ints (__index__, bools,
# big ints, None), zero steps, negative steps, assignment with steps.
class Idx:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Idx(%d)" % self.v

    def __index__(self):
        print("  __index__", self.v)
        return self.v


class MyList(list):
    def __getitem__(self, item):
        print("  MyList.__getitem__", item)
        return super().__getitem__(item)


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


seqs = [list(range(10)), tuple(range(10)), "abcdefghij", b"abcdefghij", MyList(range(5)), range(10)]
parts = [None, 0, 1, -1, 3, -3, 20, -20, 2**70, -(2**70), True, Idx(2)]
for s in seqs:
    for a in (None, 2, -2, 2**70, Idx(1)):
        for b in (None, 5, -1, -(2**70)):
            show("%s[%r:%r]" % (type(s).__name__, a, b), lambda: s[a:b])
    for st in (None, 1, 2, -1, -2, 0, 2**70, -(2**70), Idx(3), 1.5):
        show("%s[::%r]" % (type(s).__name__, st), lambda: s[::st])
        show("%s[1:8:%r]" % (type(s).__name__, st), lambda: s[1:8:st])
        show("%s[8:1:%r]" % (type(s).__name__, st), lambda: s[8:1:st])
show("whole tuple is same", lambda: (lambda t: t[:] is t)((1, 2, 3)))
show("whole str is same", lambda: (lambda t: t[:] is t)("abc"))
show("list copy is new", lambda: (lambda t: t[:] is t)([1]))
show("float index", lambda: [1, 2][1.0:])
five = 5
show("int subscript", lambda: five[1:2])


def assign(target, a, b, step, value):
    try:
        if step is None:
            target[a:b] = value
        else:
            target[a:b:step] = value
        print("assign", target)
    except Exception as e:
        print("assign", type(e).__name__, e)


for a, b, step, value in [(None, None, None, [9]), (1, 3, None, "xy"), (-2, None, None, ()), (3, 1, None, [7, 7]),
                          (0, 10, 2, [0] * 5), (0, 10, 2, [0]), (None, None, -1, list(range(10))),
                          (Idx(1), Idx(2), None, [5]), (0, 2, 0, []), (2**70, None, None, [1]), (None, None, None, 5)]:
    assign(list(range(10)), a, b, step, value)
    assign(MyList(range(10)), a, b, step, value)
    assign(bytearray(b"0123456789"), a, b, step, b"ab")
l = [1, 2, 3]
l[:2] = l
print("self assign", l)
t = (1, 2)
try:
    t[0:1] = [1]
except TypeError as e:
    print("tuple assign", e)


def fannkuch_like(perm, k):
    perm[:k + 1] = perm[k::-1]
    return perm


print(fannkuch_like(list(range(6)), 3))
