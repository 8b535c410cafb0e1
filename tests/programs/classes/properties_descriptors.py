# Properties and descriptors: data vs non-data precedence, __get__/__set__/
# __delete__, property errors, classmethod/staticmethod objects.
import functools


def attempt(label, func):
    try:
        print(label, "->", func())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        """Temperature in C."""
        print("  get celsius")
        return self._c

    @celsius.setter
    def celsius(self, value):
        print("  set celsius", value)
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("  delete celsius")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t._c)
attempt("set below zero", lambda: setattr(t, "celsius", -300))
attempt("set read-only", lambda: setattr(t, "fahrenheit", 1))
attempt("delete read-only", lambda: delattr(t, "fahrenheit"))
print(Temperature.celsius.__doc__, type(Temperature.celsius).__name__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)


class DataDescriptor:
    def __get__(self, instance, owner):
        return "data descriptor (instance=%s, owner=%s)" % (type(instance).__name__, owner.__name__)

    def __set__(self, instance, value):
        print("  DataDescriptor.__set__", value)


class NonDataDescriptor:
    def __get__(self, instance, owner=None):
        return "non-data descriptor"


class Host:
    data = DataDescriptor()
    nondata = NonDataDescriptor()


h = Host()
h.__dict__["data"] = "instance dict value"
h.__dict__["nondata"] = "instance dict value"
print(h.data)
print(h.nondata)
print(Host.data)
print(Host.nondata)
h.data = "assigned"
print(h.__dict__)


class SetOnly:
    def __set__(self, instance, value):
        print("  SetOnly.__set__", value)
        instance.__dict__["set_only"] = value * 2


class HostSetOnly:
    set_only = SetOnly()


hs = HostSetOnly()
print(type(hs.set_only).__name__)
hs.set_only = 5
print(hs.set_only)


class DeleteOnly:
    def __delete__(self, instance):
        print("  DeleteOnly.__delete__")


class HostDel:
    d = DeleteOnly()


del HostDel().d
attempt("set on delete-only descriptor", lambda: setattr(HostDel(), "d", 1))


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.__dict__.get(self.name)

    def __set__(self, instance, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s, got %s" % (self.name, self.kind.__name__, type(value).__name__))
        instance.__dict__[self.name] = value


class Person:
    name = Typed(str)
    age = Typed(int)


person = Person()
person.name = "Ann"
person.age = 30
print(person.name, person.age, type(Person.name).__name__)
attempt("bad type", lambda: setattr(person, "age", "old"))


class Methods:
    def plain(self):
        return "plain", type(self).__name__

    @classmethod
    def cm(cls):
        return "cm", cls.__name__

    @staticmethod
    def sm(*args):
        return "sm", args


m = Methods()
print(m.plain(), Methods.plain(m), m.cm(), Methods.cm(), m.sm(1), Methods.sm())
print(type(Methods.__dict__["cm"]).__name__, type(Methods.__dict__["sm"]).__name__)
print(Methods.__dict__["sm"].__func__ is Methods.sm, Methods.__dict__["cm"].__get__(None, Methods)())
print(Methods.plain.__get__(m)(), type(Methods.plain.__get__(m)).__name__)


class Cached:
    calls = 0

    @functools.cached_property
    def expensive(self):
        Cached.calls += 1
        return "computed"


c = Cached()
print(c.expensive, c.expensive, Cached.calls, "expensive" in c.__dict__)
del c.expensive
print(c.expensive, Cached.calls)


class PropertySub(Temperature):
    @Temperature.celsius.getter
    def celsius(self):
        return "overridden getter %s" % self._c


ps = PropertySub()
ps.celsius = 5
print(ps.celsius)


class ClassProperty:
    def __init__(self, f):
        self.f = f

    def __get__(self, instance, owner):
        return self.f(owner)


class UsesClassProperty:
    name = "UCP"
    upper = ClassProperty(lambda cls: cls.name.upper() + "!")


print(UsesClassProperty.upper, UsesClassProperty().upper)


class GetattrVsProperty:
    @property
    def broken(self):
        raise AttributeError("inner attribute error")

    def __getattr__(self, name):
        return "__getattr__ fallback for " + name


print(GetattrVsProperty().broken)
attempt("property raising AttributeError", lambda: Temperature().missing)
p = property(lambda self: 1)
print(p.fget(None), p.fset, p.fdel, p.__isabstractmethod__)
