# Comparisons: chaining, evaluation order and count, rich comparison results,
# reflected operations, identity and membership.


def v(x):
    print("eval", x)
    return x


print(v(1) < v(2) < v(3))
print(v(1) < v(0) < v(3))
print(v(3) > v(2) == v(2) >= v(1) != v(0))
print(v(1) == v(1) is not v(None))
print(v(1) in v([1, 2]) not in v([[1]]))
xx = 'unset'
r = v(5) < v(4) < v(xx := 3)
print(r, xx)
r = v(3) < v(4) < v(xx := 5)
print(r, xx)
print(1 < 2 < 3 < 4 > 2 > 1)
print(1 < 3 > 2 == 2 != 5)
print(-1 < 0 <= 0 < 1)


class Loud:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __lt__(self, other):
        print(" ", self, "<", other)
        return "lt-%s-%s" % (self, other)

    def __gt__(self, other):
        print(" ", self, ">", other)
        return NotImplemented

    def __eq__(self, other):
        print(" ", self, "==", other)
        return NotImplemented

    def __bool__(self):
        print("  bool", self)
        return True


a, b, c = Loud("a"), Loud("b"), Loud("c")
print(a < b)
print(a < b < c)
print(a > b)
print(a == b)
print(a == a)
print(a != b)
print(a in [b, a])
try:
    print(a <= b)
except TypeError as e:
    print("TypeError", e)


class Num:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if isinstance(other, Num):
            return self.v == other.v
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, (int, Num)):
            return self.v < getattr(other, "v", other)
        return NotImplemented

    __hash__ = None


class SubNum(Num):
    def __gt__(self, other):
        print("  SubNum.__gt__ tried first")
        return True


print(Num(1) == Num(1), Num(1) != Num(2), Num(1) == 1, 1 == Num(1))
print(Num(1) < 2, 2 > Num(1))
print(Num(1) < SubNum(2))

for left, right in [(1, "a"), ("a", 1), ([], ()), (None, None), (1.5, None), ({}, {})]:
    try:
        print(repr(left), "<", repr(right), left < right)
    except TypeError as e:
        print("TypeError", e)
    try:
        print(repr(left), ">=", repr(right), left >= right)
    except TypeError as e:
        print("TypeError", e)

print([1, 2] < [1, 2, 0], (1, "a") < (1, "b"), "abc" < "abd", b"a" < b"b")
print([1, [2, 3]] == [1, [2, 3]], (1,) == [1], {1: 2} == {1: 2.0})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set(), frozenset([1]) == {1})
print(1 == 1.0 == True, 0 == False == 0.0 == -0.0 == 0j)
print(float("nan") == float("nan"), 2**100 == 2.0**100)

x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x is not z, x == z, None is None)
print(1 in x, 3 not in x, "b" in "abc", "" in "abc", "ab" in "xaby")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"}, 3 in range(0, 10, 3), 4 in range(0, 10, 3))
print(b"x" in b"axb", 120 in b"x", [1] in [[1], 2])
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError", e)
try:
    print(1 in 5)
except TypeError as e:
    print("TypeError", e)


class Contains:
    def __contains__(self, item):
        print("  __contains__", item)
        return item  # truthiness is used


class IterOnly:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])


class GetItemOnly:
    def __getitem__(self, index):
        print("  __getitem__", index)
        if index > 3:
            raise IndexError(index)
        return index * 10


print(5 in Contains(), 0 in Contains(), 0 not in Contains(), "" in Contains())
print(2 in IterOnly(), 7 in IterOnly())
print(20 in GetItemOnly(), 25 in GetItemOnly())

nan = float("nan")
lst = [nan]
print(nan in lst, lst == lst, [nan] == [nan], lst.count(nan), lst.index(nan))
