# Abstract base classes and virtual subclasses.
import abc
import collections.abc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...

    def describe(self):
        return "%s with area %s" % (self.name, self.area())


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"


class Incomplete(Shape):
    def area(self):
        return 0


print(Square(3).describe())
for cls in (Shape, Incomplete):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)
print(sorted(Shape.__abstractmethods__), sorted(Incomplete.__abstractmethods__), Square.__abstractmethods__)


class Meta(metaclass=abc.ABCMeta):
    pass


Meta.register(int)
print(isinstance(5, Meta), issubclass(bool, Meta), issubclass(str, Meta))


class Duck:
    def __iter__(self):
        return iter([])

    def __len__(self):
        return 0

    def __contains__(self, x):
        return False


print(isinstance(Duck(), collections.abc.Iterable), isinstance(Duck(), collections.abc.Sized),
      isinstance(Duck(), collections.abc.Collection), isinstance(Duck(), collections.abc.Sequence))


class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, sub):
        return hasattr(sub, "quack") or NotImplemented


class Quacker:
    def quack(self):
        pass


print(issubclass(Quacker, Hooked), isinstance(Quacker(), Hooked), issubclass(int, Hooked))


class MyMapping(collections.abc.Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


m = MyMapping({"a": 1, "b": 2})
print(list(m.keys()), list(m.items()), m.get("z", 0), "a" in m, m == {"a": 1, "b": 2}, dict(m))


class Partial(collections.abc.Sequence):
    def __getitem__(self, i):
        return i


try:
    Partial()
except TypeError as e:
    print("TypeError", e)


class InstanceCheck(type):
    def __instancecheck__(cls, instance):
        print("  __instancecheck__", type(instance).__name__)
        return isinstance(instance, str)

    def __subclasscheck__(cls, sub):
        print("  __subclasscheck__", sub.__name__)
        return sub is bytes


class Stringy(metaclass=InstanceCheck):
    pass


print(isinstance("x", Stringy), isinstance(1, Stringy), issubclass(bytes, Stringy), issubclass(int, Stringy))
print(isinstance(Stringy(), Stringy))
