# __init_subclass__ with keyword arguments, chaining, implicit classmethod.


class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, **kwargs):
        print("Plugin.__init_subclass__", cls.__name__, name, kwargs)
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls


class Alpha(Plugin, name="alpha-plugin"):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta, name="gamma"):
    pass


print(sorted(Plugin.registry), Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

try:
    class Delta(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)


class Mixin:
    def __init_subclass__(cls, **kwargs):
        print("Mixin.__init_subclass__", cls.__name__, kwargs)
        cls.mixed = True
        super().__init_subclass__(**kwargs)


class Tagged:
    def __init_subclass__(cls, tag="none", **kwargs):
        print("Tagged.__init_subclass__", cls.__name__, tag)
        cls.tag = tag
        super().__init_subclass__(**kwargs)


class Combined(Mixin, Tagged, tag="combo"):
    pass


print(Combined.mixed, Combined.tag)


class Validator:
    required = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [name for name in cls.required if not hasattr(cls, name)]
        if missing:
            raise TypeError("%s is missing %s" % (cls.__name__, ", ".join(missing)))


class GoodImpl(Validator):
    required = ("run",)

    def run(self):
        pass


try:
    class BadImpl(Validator):
        required = ("run", "stop")

        def run(self):
            pass
except TypeError as e:
    print("TypeError", e)
print("BadImpl" in globals())


class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print("Meta.__new__ kwargs", kwargs)
        return super().__new__(mcls, name, bases, ns, **kwargs)


class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, **kwargs):
        print("WithMeta.__init_subclass__", cls.__name__, kwargs)


class ChildOfMeta(WithMeta, option=1):
    pass


class Counter:
    subclasses = []

    @classmethod
    def __init_subclass__(cls):
        Counter.subclasses.append(cls.__name__)


class One(Counter):
    pass


class Two(One):
    pass


print(Counter.subclasses)

Dyn = type("Dyn", (Plugin,), {}, name="dynamic")
print(Dyn.plugin_name, sorted(Plugin.registry))


class Orderly:
    def __init_subclass__(cls, **kwargs):
        print("init_subclass sees attribute:", cls.__dict__.get("attr"), "and __set_name__ already ran:",
              getattr(cls, "set_name_ran", False))


class Descriptor:
    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        owner.set_name_ran = True


class Observed(Orderly):
    attr = "value"
    d = Descriptor()
