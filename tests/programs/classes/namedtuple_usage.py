# collections.namedtuple and typing.NamedTuple (module name comes from the
# caller's frame).
import collections
import copy
import pickle
import typing

Point = collections.namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=5), Point._make([3, 4]))
print(Point.__module__, Point.__qualname__, Point.__doc__, Point.x.__doc__)
print(isinstance(p, tuple), p == (1, 2), len(p), list(p), p + (3,), hash(p) == hash((1, 2)))
a, b = p
print(a, b)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

WithDefaults = collections.namedtuple("WithDefaults", "a b c", defaults=[2, 3])
print(WithDefaults(1), WithDefaults._field_defaults, WithDefaults.__new__.__defaults__)
Renamed = collections.namedtuple("Renamed", ["ok", "def", "ok", "_x"], rename=True)
print(Renamed._fields)
try:
    collections.namedtuple("Bad", ["def"])
except ValueError as e:
    print("ValueError", e)
Custom = collections.namedtuple("Custom", "v", module="custom.module")
print(Custom.__module__)


class Employee(typing.NamedTuple):
    """An employee."""

    name: str
    dept: str = "none"
    salary: float = 0.0

    def describe(self):
        return "%s in %s" % (self.name, self.dept)

    @property
    def upper_name(self):
        return self.name.upper()


e = Employee("ann", salary=10.5)
print(e, e.describe(), e.upper_name, Employee._fields, Employee.__annotations__)
print(Employee.__module__, Employee.__doc__, Employee._field_defaults, e._asdict())
print(pickle.loads(pickle.dumps(e)) == e, copy.deepcopy(e), pickle.loads(pickle.dumps(p)))
Functional = typing.NamedTuple("Functional", [("a", int), ("b", str)])
print(Functional(1, "x"), Functional.__module__, Functional.__annotations__)


class Sub(Point):
    __slots__ = ()

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __repr__(self):
        return "Sub<%s,%s>" % self


print(Sub(3, 4).norm, Sub(3, 4), Sub._fields)


def make_local():
    Local = collections.namedtuple("Local", "q")
    return Local


Local = make_local()
print(Local(1), Local.__module__, Local.__qualname__)
print(sorted({Point(2, 1), Point(1, 2), Point(1, 1)}))
print(dict(zip(Point._fields, p)), Point(*range(2)), Point(**{"x": 9, "y": 8}))
try:
    class BadNT(typing.NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
