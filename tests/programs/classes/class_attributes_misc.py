# Class and instance attributes, __dict__, type(), class decorators,
# __new__ vs __init__, __class__ assignment, instance method binding.


class Sample:
    """Sample docstring."""

    class_var = [1]

    def __init__(self, v):
        self.v = v

    def method(self):
        return self.v


s1, s2 = Sample(1), Sample(2)
print(Sample.__name__, Sample.__qualname__, Sample.__module__, Sample.__doc__)
print(sorted(k for k in Sample.__dict__ if not k.startswith("__")), type(Sample.__dict__).__name__)
print(vars(s1), s1.__dict__ is vars(s1), s1.class_var is s2.class_var)
s1.class_var.append(2)
print(s2.class_var)
s1.class_var = "instance shadows"
print(s1.class_var, s2.class_var, Sample.class_var)
del s1.class_var
print(s1.class_var)
s1.__dict__["dynamic"] = "via dict"
print(s1.dynamic)
Sample.added_later = "class attribute added later"
print(s2.added_later)
Sample.method_later = lambda self: "late method %s" % self.v
print(s2.method_later())
try:
    Sample.__dict__["x"] = 1
except TypeError as e:
    print("TypeError", e)


class New:
    def __new__(cls, *args, **kwargs):
        print("__new__", cls.__name__, args, kwargs)
        return super().__new__(cls)

    def __init__(self, *args, **kwargs):
        print("__init__", args, kwargs)


New(1, k=2)


class ReturnsOther:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


print(ReturnsOther())


class ReturnsSubclassInstance:
    def __new__(cls):
        return object.__new__(Child)

    def __init__(self):
        print("__init__ called on", type(self).__name__)


class Child(ReturnsSubclassInstance):
    pass


print(type(ReturnsSubclassInstance()).__name__)


class InitReturns:
    def __init__(self):
        return 5


try:
    InitReturns()
except TypeError as e:
    print("TypeError", e)


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


obj = A()
obj.__class__ = B
print(obj.who(), type(obj).__name__, isinstance(obj, B))
try:
    obj.__class__ = int
except TypeError as e:
    print("TypeError", e)

Made = type("Made", (A,), {"x": 1, "__doc__": "made doc", "__qualname__": "Custom.Qual"})
print(Made().who(), Made.x, Made.__doc__, Made.__qualname__, Made.__name__)
Made.__name__ = "Renamed"
print(Made.__name__, repr(Made).startswith("<class '__main__.Custom.Qual"))
try:
    Made.__name__ = 5
except TypeError as e:
    print("TypeError", e)


def decorate(cls):
    cls.decorated = True
    orig = cls.__init__

    def __init__(self, *args):
        orig(self, *args)
        self.init_wrapped = True

    cls.__init__ = __init__
    return cls


@decorate
class Decorated:
    def __init__(self, v):
        self.v = v


dd = Decorated(1)
print(dd.decorated, dd.init_wrapped, dd.v, Decorated.__init__.__qualname__)


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        type(self).per_class = getattr(type(self), "per_class", 0) + 1


class SubCounter(Counter):
    pass


Counter()
Counter()
SubCounter()
print(Counter.instances, Counter.per_class, SubCounter.per_class, SubCounter.instances)
print(type(Sample.method).__name__, type(s1.method).__name__)
print(s1.method.__func__ is Sample.method, s1.method.__self__ is s1, s1.method == s1.method, s1.method is s1.method)
print(Sample.__init__.__name__, object.__init__.__name__, type(object.__init__).__name__, type(Sample.__init__).__name__)
print(Sample.__bases__, Sample.__base__, Sample.__mro__, Sample.__class__)
print(type(s1) is Sample, s1.__class__ is Sample, type(Sample) is type)


class WithClassAttrFunction:
    func = len


print(WithClassAttrFunction().func("abc"))


class WithRepr:
    def __repr__(self):
        return "WithRepr()"


print(WithRepr(), [WithRepr()], str(WithRepr()), "%r" % WithRepr())


class Nested:
    class Inner:
        class Deepest:
            pass


print(Nested.Inner.Deepest.__qualname__, Nested.Inner.Deepest.__name__, Nested.Inner.Deepest.__module__)
