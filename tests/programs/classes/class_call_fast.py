# Cls(args) of ordinary classes with a compiled __init__ skips type_call's
# argument tuple; everything that changes what the call does must be seen.
import abc
import traceback


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def make(cls, *args, **kwargs):
    try:
        return cls(*args, **kwargs)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def make2(cls, a, b):
    try:
        return cls(a, b)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print([make2(Point, i, -i) for i in range(3)])
print(make(Point, 1), make(Point, 1, 2, 3), make(Point, x=1, y=2), make(Point, 1, y=5))


class Returns:
    def __init__(self, a, b):
        self.a = a
        return a


print(type(make2(Returns, None, 1)).__name__, make2(Returns, 7, 1), make2(Returns, "s", 1))


class Raises:
    def __init__(self, a, b):
        raise ValueError("bad %s" % a)


try:
    Raises(1, 2)
except ValueError:
    traceback.print_exc()


class Abstract(abc.ABC):
    def __init__(self, a, b):
        self.a = a

    @abc.abstractmethod
    def run(self):
        pass


class Concrete(Abstract):
    def run(self):
        return "run %s" % self.a


print(make2(Abstract, 1, 2), make2(Concrete, 1, 2).run())


class WithNew:
    def __new__(cls, a, b):
        print("__new__", a, b)
        return super().__new__(cls)

    def __init__(self, a, b):
        print("__init__", a, b)


print(type(make2(WithNew, 1, 2)).__name__)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, a, b):
        self.sum = a + b


print(make2(WithMeta, 1, 2).sum)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b


class Child(Point):
    pass


s = make2(Slotted, 3, 4)
print(s.a, s.b, make2(Child, 5, 6), type(make2(Child, 5, 6)).__name__)

# __init__ replaced, removed, and made something else afterwards.
Point.__init__ = lambda self, x, y: setattr(self, "x", "lambda %s" % x) or setattr(self, "y", y)
print(make2(Point, 1, 2))
Point.__init__ = staticmethod(lambda *a: None)
print(make2(Point, 1, 2).__dict__)
del Point.__init__
print(make2(Point, 1, 2), type(make(Point)).__name__)


def init_again(self, x, y):
    self.x, self.y = y, x


Point.__init__ = init_again
print(make2(Point, 1, 2))
init_again.__code__ = (lambda self, x, y: setattr(self, "x", "new code")).__code__
print(make2(Point, 1, 2).__dict__)


class Empty:
    def __init__(self):
        self.made = True


print(Empty().made, make(Empty, 1))


class IntChild(int):
    def __init__(self, v):
        self.tag = "tagged"


print(IntChild(5) + 1, IntChild(5).tag)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
depth = 0
while d.child is not None:
    d, depth = d.child, depth + 1
print(depth)
