# __prepare__ returning custom mappings: assignment order, lookups in the
# class body going through the mapping, duplicate detection.


class RecordingDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = []

    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        print("  namespace lookup", key)
        return super().__getitem__(key)


class OrderMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("__prepare__", name, [b.__name__ for b in bases], kwargs)
        return RecordingDict(injected="from prepare")

    def __new__(mcls, name, bases, ns, **kwargs):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns.order if not k.startswith("__")]
        print("namespace type", type(ns).__name__)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)


class Ordered(metaclass=OrderMeta, option="x"):
    zeta = 1
    alpha = 2
    beta = zeta + alpha
    got = injected

    def method(self):
        return "m"

    alpha = 3


print(Ordered.order)
print(Ordered.beta, Ordered.got, Ordered.alpha)


class NoDuplicates(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError("duplicate definition of %r" % key)
        super().__setitem__(key, value)


class StrictMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NoDuplicates()


try:
    class Strict(metaclass=StrictMeta):
        def f(self):
            pass

        def f(self):
            pass
except TypeError as e:
    print("TypeError", e)


class AutoValues(dict):
    def __init__(self):
        super().__init__()
        self.counter = 0

    def __missing__(self, key):
        if key.startswith("__") or key in ("print", "len"):
            raise KeyError(key)
        self.counter += 1
        self[key] = self.counter
        return self.counter


class AutoMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return AutoValues()

    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))


class Auto(metaclass=AutoMeta):
    RED
    GREEN
    BLUE
    combined = RED + BLUE
    print("builtin lookup falls through the mapping:", len("abc"))


print(Auto.RED, Auto.GREEN, Auto.BLUE, Auto.combined)


class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


try:
    class UsesBadPrepare(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError", e)


class ExoticMapping:
    def __init__(self):
        self.data = {}

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        print("  exotic set", key)
        self.data[key] = value


class ExoticMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return ExoticMapping()

    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns.data)


class Exotic(metaclass=ExoticMeta):
    a = 1
    b = a + 1


print(Exotic.a, Exotic.b, Exotic.__module__, Exotic.__qualname__)
print(type.__prepare__("x", ()), type(type.__prepare__()).__name__)
