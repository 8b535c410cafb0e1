# Tuple-target assignments the optimizer lowers (nuitka/optimization/unpacking.py):
# displays, locals, temps; their fast paths (exact tuple/list of the right
# size) and every fallback (subclasses, iterators, wrong sizes, star targets).

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Tup(tuple):
    def __iter__(self):
        print("  Tup.__iter__")
        return iter(list(tuple.__iter__(self))[::-1])


class Lst(list):
    def __iter__(self):
        print("  Lst.__iter__")
        return super().__iter__()


def locals_all(v):
    a, b, c = v
    return a, b, c


def locals_star(v):
    a, *b, c = v
    return a, b, c


def locals_star_first(v):
    *a, b = v
    return a, b


def swap(a, b):
    a, b = b, a
    return a, b


def rotate(a, b, c, d):
    a, b, c, d = b, c, d, a
    return a, b, c, d


def display_list(x):
    a, b = [x, x + 1]
    return a, b


def display_wrong_count(x):
    a, b = x, x, x
    return a, b


def display_star_value(x):
    a, b = *x, 9
    return a, b


for v in [(1, 2, 3), [4, 5, 6], Tup((7, 8, 9)), Lst([1, 2, 3]), iter("xyz"), "abc", range(3),
          (1, 2), [1, 2, 3, 4], (), 5, None, {"k": 1, "l": 2, "m": 3}]:
    show("locals_all %r:" % (type(v).__name__,), lambda: locals_all(v))
for v in [(1, 2), [1, 2, 3, 4, 5], "ab", iter(range(6)), (1,), Tup((1, 2, 3)), 7]:
    show("locals_star:", lambda: locals_star(v))
    show("locals_star_first:", lambda: locals_star_first(v))
show("swap:", lambda: swap(1, "two"))
show("rotate:", lambda: rotate(1, 2, 3, 4))
show("display_list:", lambda: display_list(10))
show("display_wrong_count:", lambda: display_wrong_count(1))
show("display_star_value:", lambda: display_star_value([1]))
show("display_star_value:", lambda: display_star_value([1, 2]))


# Failed unpacking assigns nothing.
def keep_on_error(v):
    a, b = "old a", "old b"
    try:
        a, b = v
    except ValueError as e:
        print("  error:", e)
    return a, b


show("keep_on_error:", lambda: keep_on_error([1, 2, 3]))
show("keep_on_error:", lambda: keep_on_error(iter([1])))


# An iterator raising midway: nothing assigned, its exception propagates.
def failing():
    yield 1
    raise KeyError("midway")


def unpack_failing():
    a = "old"
    try:
        a, b = failing()
    except KeyError as e:
        print("  KeyError", e, a)


unpack_failing()


# The order in which targets are assigned, and when each value dies.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


class Forget:
    def __setattr__(self, name, value):
        print("  setattr", name, value.name)


def release_order():
    o1, o2 = Forget(), Forget()
    o1.x, o2.y = Noisy("first"), Noisy("second")
    print("  after display")
    o1.x, o2.y = [Noisy("third"), Noisy("fourth")]
    print("  after list display")
    o1.x, o2.y = iter([Noisy("fifth"), Noisy("sixth")])
    print("  after iterator")


release_order()


def old_values_die_in_order():
    a, b = Noisy("a1"), Noisy("b1")
    print("  rebinding")
    a, b = (Noisy("a2"), Noisy("b2"))
    print("  rebound", a.name, b.name)
    a, b = 1, 2
    print("  done")


old_values_die_in_order()


# Which old value dies first shows the order CPython stores the targets in
# (3.11+ stores 'a, b = x, y' last to first, see display_store_order).
def store_order():
    x = y = z = None
    a, b, c = Noisy("a0"), Noisy("b0"), Noisy("c0")
    print("  three")
    a, b, c = x, y, z
    a, b = Noisy("a1"), Noisy("b1")
    print("  constant")
    a, b = 1, 2
    a, b = Noisy("a2"), Noisy("b2")
    print("  mixed")
    a, b = x, 1
    a, b = Noisy("a3"), Noisy("b3")
    print("  list")
    a, b = [x, y]
    a, b = Noisy("a4"), Noisy("b4")
    print("  two lines")
    (a,
     b) = x, y
    a, b = Noisy("a5"), Noisy("b5")
    print("  four")
    a, b, c, d = x, y, z, x
    a, b = Noisy("a6"), Noisy("b6")
    print("  folded")
    a, b = -1, (2, 3)[0]
    a, b = Noisy("a7"), Noisy("b7")
    print("  duplicate")
    a, a = x, Noisy("second a")
    print("  end")


store_order()


# Mixed targets: locals, attributes, subscripts, nested tuples, globals.
class Box:
    pass


g1 = g2 = None


def mixed(v):
    global g1
    box, d = Box(), {}
    box.p, d["k"], (n1, *n2), g1 = v
    return box.p, d, n1, n2, g1


show("mixed:", lambda: mixed((1, 2, "xyz", 4)))
show("mixed:", lambda: mixed([1, 2, (3,), 4]))
show("mixed:", lambda: mixed([1, 2, (), 4]))
g1, g2 = g2, "module level"
print("module:", g1, g2)
for i, (x, y) in enumerate([(1, 2), [3, 4], "ab"]):
    print("loop:", i, x, y)
print("comprehension:", [(b, a) for a, b in [(1, 2), (3, 4)]])
print("dict items:", sorted((v, k) for k, v in {"a": 1, "b": 2}.items()))


# Cell variables and free variables as targets (not lowered to slots).
def cells():
    a, b = 1, 2

    def inner():
        nonlocal b
        b, c = a + 10, 3
        return c

    c = inner()
    return a, b, c


show("cells:", cells)


# Generators keep lowered unpackings across yields.
def gen(pairs):
    for p in pairs:
        a, b = p
        yield b, a
        a, b = b, a
        yield a, b


print("gen:", list(gen([(1, 2), [3, 4]])))


# Many targets (more than the runtime's small buffer).
def many(v):
    a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9 = v
    return a0 + a9 + b0 + b9


show("many:", lambda: many(range(20)))
show("many:", lambda: many(list(range(20))))
show("many:", lambda: many(range(21)))

# The source local is read without a new reference when it is no target;
# slots that already hold their item are left alone (reference counts stay
# CPython's); a source that is also a target keeps its reference.
import sys


def same_values_again(v, rounds):
    a = b = c = None
    for _ in range(rounds):
        a, b, c = v
    return a, b, c, sys.getrefcount(v[0]) - sys.getrefcount(v[1])


marker_a, marker_b = object(), object()
print("same tuple:", same_values_again((marker_a, marker_b, "s"), 3)[2:])
print("same list:", same_values_again([marker_b, marker_a, "l"], 3)[2:])
print("refcounts:", sys.getrefcount(marker_a), sys.getrefcount(marker_b))


def source_is_target(v):
    v, w = v
    return v, w


print("source is target:", source_is_target(((1, 2), 3)), source_is_target([[4], 5]))


class ChangesList:
    def __init__(self, target):
        self.target = target

    def __del__(self):
        print("  __del__ changes the list")
        self.target[1] = "changed"


def list_changed_by_del():
    values = [1, 2]
    a, b = ChangesList(values), "b"
    a, b = values  # a's old value dies on the first store
    return a, b, values


def tuple_source_dies_late():
    t = (ChangesList([0, 0]), "x")
    a, b = "a", "b"
    a, b = t
    del t
    a = None
    return b


print("list changed by __del__:", list_changed_by_del())
print("tuple source:", tuple_source_dies_late())


# A traceback from a failed unpacking points at the target.
def final(v):
    first, second = v
    return first


print(final("ab"))
final([1, 2, 3])
