# __eq__ and __hash__ interplay: unhashable classes, inherited hashes, dict
# and set behaviour with custom equality.


def attempt(label, func):
    try:
        print(label, "->", func())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v


print(EqOnly.__hash__)
attempt("hash(EqOnly)", lambda: hash(EqOnly(1)))
attempt("{EqOnly}", lambda: {EqOnly(1)})
attempt("EqOnly in list", lambda: EqOnly(1) in [EqOnly(0), EqOnly(1)])


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        print("  __eq__", self, other)
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        print("  __hash__", self)
        return hash((self.x, self.y))

    def __repr__(self):
        return "P(%s,%s)" % (self.x, self.y)


d = {Point(1, 2): "a"}
print(d[Point(1, 2)])
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s))
print(Point(1, 2) == (1, 2), Point(1, 2) != Point(1, 3))


class ExplicitNone:
    __hash__ = None


attempt("hash None", lambda: hash(ExplicitNone()))
import collections.abc

print(isinstance(ExplicitNone(), collections.abc.Hashable), isinstance(Point(0, 0), collections.abc.Hashable))


class Parent:
    def __hash__(self):
        return 42


class ChildEq(Parent):
    def __eq__(self, other):
        return True


class ChildKeepsHash(Parent):
    def __eq__(self, other):
        return True

    __hash__ = Parent.__hash__


attempt("child with __eq__ loses hash", lambda: hash(ChildEq()))
attempt("child keeps hash", lambda: hash(ChildKeepsHash()))
attempt("parent hash", lambda: hash(Parent()))


class BadHash:
    def __hash__(self):
        return "not an int"


class BigHash:
    def __hash__(self):
        return 2**100


class NegOne:
    def __hash__(self):
        return -1


attempt("bad hash", lambda: hash(BadHash()))
attempt("big hash is reduced", lambda: hash(BigHash()) == hash(2**100))
attempt("-1 becomes -2", lambda: hash(NegOne()))


class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 1


print(AlwaysEqual() == 5, 5 == AlwaysEqual(), AlwaysEqual() in [1, 2], {1: "one"}.get(AlwaysEqual()))
print(hash(1) == hash(1.0) == hash(True), {1: "int", 1.0: "float"}, hash("") == 0 or True)
print(hash(()) == hash(()), hash((1, "a")) == hash((1, "a")), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
attempt("hash list in tuple", lambda: hash((1, [2])))


class Identity:
    pass


i1, i2 = Identity(), Identity()
print(i1 == i1, i1 == i2, i1 != i2, hash(i1) == hash(i1), {i1: 1}.get(i2, "no"))


class NeOverride:
    def __eq__(self, other):
        return "eq result"

    def __ne__(self, other):
        return "ne result"


print(NeOverride() == 1, NeOverride() != 1, 1 != NeOverride())


class EqRaises:
    def __eq__(self, other):
        raise ValueError("no comparison")

    __hash__ = object.__hash__


er = EqRaises()
attempt("identity shortcut in list", lambda: er in [er])
attempt("non-identical", lambda: er in [EqRaises()])
attempt("dict lookup same hash", lambda: {er: 1}[er])
