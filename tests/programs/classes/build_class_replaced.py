# A class statement calls whatever builtins.__build_class__ is when it runs
# (LOAD_BUILD_CLASS), with the class body as a plain function.
import builtins

orig_bc = builtins.__build_class__
print(orig_bc)


def my_bc(func, name, *bases, **kw):
    print("building", name, bases, kw, type(func).__name__, func.__qualname__)
    return orig_bc(func, name, *bases, **kw)


builtins.__build_class__ = my_bc


class Z:
    pass


class Y(Z, metaclass=type):
    a = 1

    def m(self):
        return __class__

    def n(self):
        return super().__repr__.__name__


print(Y.a, Y().m() is Y, Y().n())


def outer(v):
    class Inner:
        val = v

        def get(self):
            return v

    return Inner


I = outer(5)
print(I.val, I().get(), I.__qualname__)
builtins.__build_class__ = orig_bc


class X:
    pass


print(X.__qualname__)
del builtins.__build_class__
try:

    class W:
        pass

except NameError as e:
    print(type(e).__name__, e)
builtins.__build_class__ = orig_bc


def fake(func, name, *bases, **kw):
    return "fake:%s:%d:%s" % (name, len(bases), sorted(kw))


builtins.__build_class__ = fake


class Q(int, str, x=1):
    pass


print(Q)
builtins.__build_class__ = orig_bc
