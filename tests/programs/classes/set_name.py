# __set_name__ on descriptors and other class attributes.


class Field:
    def __init__(self, default=None):
        self.default = default

    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return getattr(instance, self.private, self.default)

    def __set__(self, instance, value):
        print("set", self.name, value)
        setattr(instance, self.private, value)


class Model:
    first = Field("f-default")
    second = Field()
    not_field = 5
    first_alias = first


m = Model()
print(m.first, m.second)
m.first = "changed"
print(m.first, Model.first.name, Model.first.owner, Model.first_alias is Model.first)
print(Model.second.name, Model.first.private)


class Later:
    pass


late_field = Field()
Later.added = late_field
print(hasattr(late_field, "name"))
late_field.__set_name__(Later, "added")
print(late_field.name)


class Failing:
    def __set_name__(self, owner, name):
        raise ValueError("cannot set name " + name)


try:
    class Broken:
        attr = Failing()
except Exception as e:
    print(type(e).__name__, e)
    print("cause:", repr(e.__cause__), "notes:", getattr(e, "__notes__", None))


class NotCallable:
    __set_name__ = None


try:
    class UsesNotCallable:
        attr = NotCallable()
except Exception as e:
    print(type(e).__name__, e, getattr(e, "__notes__", None))


class Recorder:
    calls = []

    def __set_name__(self, owner, name):
        Recorder.calls.append(name)


class Many:
    z = Recorder()
    a = Recorder()
    m = Recorder()


print(Recorder.calls)
Dyn = type("Dyn", (), {"x": Field(1), "y": Field(2)})
print(Dyn().x, Dyn().y, Dyn.x.owner)


class Outer:
    class Inner:
        f = Field()


print(Outer.Inner.f.owner, Outer.Inner.__qualname__)
