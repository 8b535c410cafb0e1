# Attribute site caches on class objects (cls.name) and on descriptors
# whose class changes at run time.


def get_a(o):
    try:
        return o.a
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def call_f(o, *args):
    try:
        return o.f(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def warm(f, *args):
    return [f(*args) for _ in range(3)][-1]


class Value:
    def __repr__(self):
        return "<Value>"


class Base:
    a = 1

    def f(self=None, *args):
        return ("Base.f", self, args)


class Derived(Base):
    pass


print("class attr", warm(get_a, Base), warm(get_a, Derived))
Base.a = 2
print("changed", warm(get_a, Base), warm(get_a, Derived))
Derived.a = 3
print("overridden", warm(get_a, Base), warm(get_a, Derived))
del Derived.a
print("override deleted", warm(get_a, Derived))
del Base.a
print("deleted", warm(get_a, Base), warm(get_a, Derived))
Base.a = Value()
print("instance of a Python class", warm(get_a, Base))
Value.__get__ = lambda self, obj, tp: ("Value.__get__", obj, tp.__name__)
print("its class gains __get__", warm(get_a, Base), warm(get_a, Derived))
del Value.__get__
print("and loses it", warm(get_a, Base))
Base.a = staticmethod(len)
print("staticmethod", warm(get_a, Base))
Base.a = classmethod(lambda cls: cls.__name__)
print("classmethod", warm(get_a, Base)(), warm(get_a, Derived)())
Base.a = property(lambda self: "property")
print("property via class", type(warm(get_a, Base)).__name__)
print("function via class", warm(call_f, Base), warm(call_f, Derived, 1))
print("function via instance", warm(call_f, Base()) [0], warm(call_f, Derived(), 1)[2])
Base.a = 7


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    a = "WithMeta.a"


print("metaclass", warm(get_a, WithMeta))
Meta.a = "Meta.a"
print("metaclass non-data attr", warm(get_a, WithMeta))
Meta.a = property(lambda cls: "Meta.a property")
print("metaclass data descriptor", warm(get_a, WithMeta))
del Meta.a
print("metaclass attr removed", warm(get_a, WithMeta))
del WithMeta.a
print("class attr removed", warm(get_a, WithMeta))
Meta.a = "Meta.a again"
print("from the metaclass", warm(get_a, WithMeta))
Meta.__getattr__ = lambda cls, name: "Meta.__getattr__ " + name
del Meta.a
print("metaclass __getattr__", warm(get_a, WithMeta))
del Meta.__getattr__
print("missing", warm(get_a, WithMeta))

# polymorphic class site
for cls in [Base, Derived, WithMeta, int, type, Meta, object] * 2:
    print(" ", cls.__name__, get_a(cls), call_f(cls) if cls in (Base, Derived) else "")


# non-data descriptor on the class of instances, its __get__ removed later
class Desc:
    def __get__(self, obj, tp):
        return "Desc.__get__"

    def __repr__(self):
        return "<Desc>"


class K:
    a = Desc()

    def __init__(self):
        self.other = 1


k = K()
print("descriptor", warm(get_a, k))
del Desc.__get__
print("__get__ removed", warm(get_a, k))
Desc.__get__ = lambda self, obj, tp: "new __get__"
print("__get__ back", warm(get_a, k))
Desc.__set__ = lambda self, obj, v: print("Desc.__set__", v)
print("data descriptor", warm(get_a, k))
k.a = 5
del Desc.__set__
k.a = 6
print("instance value", warm(get_a, k), k.__dict__)
