# Zero-argument super() and the __class__ cell in many forms.


class Base:
    def greet(self):
        return "Base.greet(%s)" % type(self).__name__

    @classmethod
    def create(cls):
        return "Base.create(%s)" % cls.__name__

    @staticmethod
    def static():
        return "Base.static"

    @property
    def prop(self):
        return "Base.prop"

    def __repr__(self):
        return "<%s>" % type(self).__name__


class Child(Base):
    def greet(self):
        return "Child>" + super().greet()

    @classmethod
    def create(cls):
        return "Child>" + super().create()

    @staticmethod
    def static():
        try:
            return super().static()
        except RuntimeError as e:
            return "RuntimeError: %s" % e

    @property
    def prop(self):
        return "Child>" + super().prop

    def uses_class_cell(self):
        return __class__.__name__, type(self).__name__

    def in_lambda(self):
        return (lambda: super().greet())()

    def in_comprehension(self):
        return [super().greet() for _ in range(1)]

    def in_generator(self):
        yield super().greet()

    def in_nested_function(self):
        def inner():
            return super().greet()

        try:
            return inner()
        except RuntimeError as e:
            return "RuntimeError: %s" % e

    def explicit(self):
        return super(Child, self).greet()

    def with_reassigned_self(self):
        self = Base()
        try:
            return super().greet()
        except TypeError as e:
            return "TypeError: %s" % e

    def first_arg_deleted(self):
        del self
        try:
            return super().greet()
        except RuntimeError as e:
            return "RuntimeError: %s" % e

    def star_args_only(*args):
        return super().greet()


class GrandChild(Child):
    def greet(self):
        return "GrandChild>" + super().greet()


c = Child()
g = GrandChild()
print(c.greet())
print(g.greet())
print(Child.create(), GrandChild.create())
print(Child.static())
print(c.prop, g.prop)
print(c.uses_class_cell(), g.uses_class_cell())


def attempt(f):
    try:
        return f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(attempt(c.in_lambda), attempt(c.in_comprehension), attempt(lambda: list(c.in_generator())))
print(c.in_nested_function())
print(c.explicit(), g.explicit())
print(c.with_reassigned_self())
print(c.first_arg_deleted())
try:
    print(c.star_args_only())
except RuntimeError as e:
    print("RuntimeError", e)


class UsesClassName:
    def who(self):
        return __class__

    def who_in_closure(self):
        return (lambda: __class__)()


print(UsesClassName().who() is UsesClassName, UsesClassName().who_in_closure() is UsesClassName)
print("__class__" in UsesClassName.who.__code__.co_freevars)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("namespace has __classcell__:", "__classcell__" in ns)
        return super().__new__(mcls, name, bases, ns)


class WithCell(metaclass=Meta):
    def method(self):
        return __class__


class WithoutCell(metaclass=Meta):
    def method(self):
        return 1


print(WithCell().method() is WithCell)


class SuperInit:
    def __init__(self, value):
        self.value = value


class SubInit(SuperInit):
    def __init__(self):
        super().__init__(value="from sub")


print(SubInit().value)


class SuperNew:
    def __new__(cls, *args):
        instance = super().__new__(cls)
        instance.args = args
        return instance


print(SuperNew(1, 2).args)


class SuperAttr(Base):
    def check(self):
        s = super()
        return type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__, s.greet()


print(SuperAttr().check())


class Desc:
    def __get__(self, instance, owner):
        return "Desc.__get__(%s, %s)" % (type(instance).__name__, owner.__name__)


class HasDesc:
    d = Desc()


class SubDesc(HasDesc):
    def get(self):
        return super().d


print(SubDesc().get())


def outside_class():
    try:
        super()
    except RuntimeError as e:
        return "RuntimeError: %s" % e


print(outside_class())


class InitSubclassSuper:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.hooked = True


class Hooked(InitSubclassSuper):
    pass


print(Hooked.hooked)


class Dunder(list):
    def __len__(self):
        return super().__len__() * 10

    def __getitem__(self, i):
        return ("wrapped", super().__getitem__(i))


d = Dunder([1, 2])
print(len(d), d[0])
try:
    super(Child, Base()).greet()
except TypeError as e:
    print("TypeError", e)
print(super(Child, GrandChild).create())
print(super(GrandChild, GrandChild).__repr__ is not None)
