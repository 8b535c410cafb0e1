# Class patterns: isinstance, __match_args__, keyword sub-patterns, the
# builtins that match themselves, and CPython's TypeErrors.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


class Logged:
    """Logs attribute lookups to show their order."""

    __match_args__ = ("a", "b", "c")

    def __init__(self, **values):
        self.__dict__["values"] = values

    def __getattr__(self, name):
        print("  getattr", name)
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


def check(subject):
    match subject:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %r" % (y,)
        case Point(x, y=0):
            return "on x axis at %r" % (x,)
        case Point(_, _) as p if p.x == p.y:
            return "diagonal"
        case Point():
            return "some point"
        case Logged(1, b, c=3):
            return "logged b=%r" % (b,)
        case Logged(a=2, d=d):
            return "logged d=%r" % (d,)
        case int(n) | float(n) if n < 0:
            return "negative number %r" % (n,)
        case bool(b):
            return "bool %r" % (b,)
        case int(5) | str("five"):
            return "five"
        case str() | bytes():
            return "text or bytes"
        case list([1, *rest]):
            return "list starting with 1, rest %r" % (rest,)
        case tuple((a, b)):
            return "pair tuple %r %r" % (a, b)
        case dict({"k": v}):
            return "dict with k=%r" % (v,)
        case set() | frozenset():
            return "a set"
        case bytearray(x):
            return "bytearray %r" % (x,)
        case object(__class__=cls) if cls is type:
            return "a class"
        case _:
            return "something else"


for value in (Point(0, 0), Point(0, 4), Point(3, 0), Point(2, 2), Point(1, 2),
              Logged(a=1, b=2, c=3), Logged(a=1, b=2, c=4), Logged(a=2, d=5), Logged(a=2),
              -1, -2.5, True, 5, "five", "x", b"y", [1, 2, 3], [2], (1, 2), (1, 2, 3),
              {"k": 1}, {"j": 1}, {1}, frozenset(), bytearray(b"z"), int, 7):
    print(type(value).__name__, "->", check(value))


class Sub(int):
    pass


class SubWithArgs(int):
    __match_args__ = ("real", "imag")


match Sub(3):
    case Sub(3):
        print("int subclass matches itself")

match SubWithArgs(4):
    case SubWithArgs(r, i):
        print("int subclass with __match_args__:", r, i)


class Meta(type):
    def __instancecheck__(cls, instance):
        print("  __instancecheck__", type(instance).__name__)
        return instance == "duck"


class Duck(metaclass=Meta):
    pass


for value in ("duck", "goose"):
    match value:
        case Duck():
            print(value, "is a Duck")
        case _:
            print(value, "is not a Duck")


class Prop:
    __match_args__ = ("good", "missing", "bad")

    @property
    def good(self):
        return "good"

    @property
    def missing(self):
        raise AttributeError("no such thing")

    @property
    def bad(self):
        raise KeyError("bad")


match Prop():
    case Prop(g, m):
        print("never", g, m)
    case Prop(g):
        print("attribute error means no match; first one is", g)

try:
    match Prop():
        case Prop(bad=x):
            print("never")
except KeyError as e:
    print("KeyError from attribute lookup:", e)


class NoArgs:
    pass


class ListArgs:
    __match_args__ = ["a"]
    a = 1


class IntArgs:
    __match_args__ = ("a", 1)
    a = 1


class Twice:
    __match_args__ = ("a",)
    a = 1


try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match ListArgs():
        case ListArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match ListArgs():
        case ListArgs(a=1):
            print("keyword patterns do not need __match_args__")
except TypeError as e:
    print("TypeError", e)
try:
    match IntArgs():
        case IntArgs(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match Twice():
        case Twice(1, a=1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 5:
        case object(1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)


class NotAClass:
    f = len


try:
    match 5:
        case NotAClass.f():
            pass
except TypeError as e:
    print("TypeError", e)

# The isinstance check comes before __match_args__ is looked at.
match "not a ListArgs":
    case ListArgs(1):
        print("never")
    case _:
        print("no TypeError when isinstance fails")

# Order: all attributes are fetched before sub-patterns are matched.
class Loud:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print("  compare", self.name, "with", other)
        return self.name == other

    __hash__ = object.__hash__


class Names:
    a = Loud("a")
    b = Loud("b")


match Logged(a="a", b="x", c="c"):
    case Logged(Names.a, Names.b, c=_):
        print("never")
    case _:
        print("order shown")
