# __slots__: restrictions, inheritance, errors and interaction with
# __dict__, __weakref__ and class attributes.
import weakref


def attempt(label, func):
    try:
        print(label, "->", func())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = Point(1)
attempt("p.x", lambda: p.x)
attempt("p.y unset", lambda: p.y)
attempt("set p.z", lambda: setattr(p, "z", 1))
attempt("p.__dict__", lambda: p.__dict__)
attempt("weakref", lambda: weakref.ref(p))
attempt("del p.y unset", lambda: delattr(p, "y"))
p.y = 2
attempt("p.y", lambda: p.y)
print(Point.__slots__, type(Point.x).__name__, Point.x.__name__, Point.x.__objclass__.__name__)
print(sorted(k for k in Point.__dict__ if not k.startswith("__")))


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.other = 2
print(w.a, w.__dict__)


class WithWeakref:
    __slots__ = ("__weakref__",)


r = weakref.ref(WithWeakref())
print("dead weakref", r() is None)
keep = WithWeakref()
r = weakref.ref(keep)
print("live weakref", r() is keep)


class Sub(Point):
    pass


s = Sub(5)
s.anything = "sub without slots has dict"
print(s.anything, s.__dict__)


class SubSlots(Point):
    __slots__ = ("z",)


ss = SubSlots(1)
ss.z = 3
attempt("ss.w", lambda: setattr(ss, "w", 1))
print(ss.x, ss.z)

try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError", e)

try:
    class BadSlot:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError", e)

try:
    class DupDict:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print("TypeError", e)

try:
    class Layout1:
        __slots__ = ("a",)

    class Layout2:
        __slots__ = ("b",)

    class BothLayouts(Layout1, Layout2):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    class IntSlots(int):
        __slots__ = ("extra",)
except TypeError as e:
    print("TypeError", e)


class StringSlot:
    __slots__ = "single"


ss2 = StringSlot()
ss2.single = "one string slot"
print(ss2.single, StringSlot.__slots__)


class Mangled:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = "hidden"

    def reveal(self):
        return self.__secret


print(Mangled().reveal(), sorted(k for k in Mangled.__dict__ if "secret" in k))


class EmptySlots:
    __slots__ = ()


attempt("EmptySlots attr", lambda: setattr(EmptySlots(), "a", 1))


class DictSlots:
    __slots__ = {"a": "doc for a", "b": "doc for b"}


print(DictSlots.a.__doc__, DictSlots.b.__doc__)


class SlotsWithDefaultsViaClassVar:
    __slots__ = ("value",)

    def __init__(self, value=None):
        if value is not None:
            self.value = value

    def get(self):
        return getattr(self, "value", "no value")


print(SlotsWithDefaultsViaClassVar().get(), SlotsWithDefaultsViaClassVar(3).get())
import copy
import pickle

pt = Point(7)
pt.y = 8
cp = copy.copy(pt)
print(cp.x, cp.y)
restored = pickle.loads(pickle.dumps(pt))
print(restored.x, restored.y, type(restored).__name__)
attempt("object() attr", lambda: setattr(object(), "a", 1))
