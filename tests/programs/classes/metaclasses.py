# Metaclasses: __new__, __init__, __call__, keyword arguments, inheritance,
# conflicts, and type() with three arguments.


class Meta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases],
              sorted(k for k in namespace if not k.startswith("__")), kwargs)
        cls = super().__new__(mcls, name, bases, namespace)
        cls.created_by = mcls.__name__
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        print("Meta.__init__", name, kwargs)
        super().__init__(name, bases, namespace)

    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args, kwargs)
        instance = super().__call__(*args, **kwargs)
        instance.via_meta = True
        return instance

    def meta_method(cls):
        return "meta_method on " + cls.__name__

    @property
    def meta_prop(cls):
        return "meta_prop of " + cls.__name__


class WithMeta(metaclass=Meta, flag=True):
    x = 1

    def __init__(self, v):
        print("WithMeta.__init__", v)
        self.v = v

    def method(self):
        return self.v


obj = WithMeta(5)
print(obj.v, obj.via_meta, WithMeta.created_by, type(WithMeta).__name__)
print(WithMeta.meta_method(), WithMeta.meta_prop, hasattr(obj, "meta_method"))


class Sub(WithMeta):
    y = 2


print(type(Sub).__name__, Sub.created_by, Sub(1).via_meta)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")


print(Config() is Config())


class MetaA(type):
    pass


class MetaB(type):
    pass


class UsesA(metaclass=MetaA):
    pass


class UsesB(metaclass=MetaB):
    pass


try:
    class Conflict(UsesA, UsesB):
        pass
except TypeError as e:
    print("TypeError", e)


class MetaAB(MetaA, MetaB):
    pass


class Resolved(UsesA, UsesB, metaclass=MetaAB):
    pass


print(type(Resolved).__name__)


class DerivedMeta(MetaA):
    pass


class Picks(UsesA, metaclass=type):
    pass


print("metaclass=type with MetaA base ->", type(Picks).__name__)

Dynamic = type("Dynamic", (WithMeta,), {"z": 3, "method": lambda self: "dynamic"})
print(type(Dynamic).__name__, Dynamic.z, Dynamic.__qualname__, Dynamic.__module__)
Plain = type("Plain", (), {"attr": 1})
print(Plain.__name__, Plain.attr, Plain.__bases__, Plain.__module__)


def function_metaclass(name, bases, ns, **kw):
    print("function metaclass", name, kw)
    return {"name": name, "keys": sorted(k for k in ns if not k.startswith("__"))}


class NotAClass(metaclass=function_metaclass, extra=1):
    a = 1

    def b(self):
        pass


print(NotAClass)


class CountingMeta(type):
    count = 0

    def __new__(mcls, name, bases, ns):
        mcls.count += 1
        ns["serial"] = mcls.count
        return super().__new__(mcls, name, bases, ns)


class First(metaclass=CountingMeta):
    pass


class Second(First):
    pass


print(First.serial, Second.serial, CountingMeta.count)


class ReprMeta(type):
    def __repr__(cls):
        return "<class with custom repr %s>" % cls.__name__

    def __len__(cls):
        return 42

    def __getitem__(cls, item):
        return "%s[%r]" % (cls.__name__, item)

    def __iter__(cls):
        return iter(["iter", "over", "class"])


class Fancy(metaclass=ReprMeta):
    pass


print(repr(Fancy), len(Fancy), Fancy[int], list(Fancy))
try:
    class BadKw(kw=1):
        pass
except TypeError as e:
    print("TypeError", e)
print(type(type), type(Meta), Meta.__mro__[-1])
print(isinstance(WithMeta, Meta), isinstance(WithMeta, type), issubclass(Meta, type))
