# PEP 695: generic functions and classes, type aliases, annotation scopes.
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "raised", type(e).__name__, e)


def deco(f):
    print("decorating", f.__qualname__, f.__type_params__)
    return f


@deco
def first[T, *Ts, **P](a: T, *args: *Ts, b: int = 4, **kw: P.kwargs) -> T:
    return (a, args, b, kw)


print(first(1, 2, 3, b=5, x=6), first.__defaults__, first.__kwdefaults__)
print(sorted(first.__annotations__), first.__name__, first.__qualname__)
print([type(t).__name__ for t in first.__type_params__])


class Base:
    pass


class Holder:
    Bound = int
    Other = "class attribute"

    def method[T: Bound](self, x: T) -> T:
        return x

    class Inner[U: Other, V: (str, bytes)](Base):
        attr = 1

        def get(self):
            return U, V

    type Alias[K] = dict[K, Bound]
    type Plain = list[Other]


Holder.Bound = float   # the bound is evaluated lazily, seeing the class dict
print(Holder.method.__type_params__[0].__bound__)
print(Holder.method.__qualname__, Holder().method(3))
I = Holder.Inner
print(I.__qualname__, I.__type_params__, I.__bases__, I.__orig_bases__, I.__mro__)
print(I.__type_params__[0].__bound__, I.__type_params__[1].__constraints__)
print(I().get(), "__type_params__" in I.__dict__)
print(Holder.Alias, Holder.Alias.__value__, Holder.Alias.__type_params__, Holder.Plain.__value__)
print(Holder.Alias[str], type(Holder.Alias).__name__, Holder.Alias.__name__)
print(sorted(k for k in Holder.__dict__ if k.startswith("__class")))

type Simple = int | str
type Recursive = list[Recursive] | int
type Broken = 1 / 0
print(Simple, Simple.__value__, Simple.__type_params__, Recursive.__value__)
show("broken", lambda: Broken.__value__)
print(Simple.__module__)


def lazy[T: undefined_name]():
    pass


show("lazy bound", lambda: lazy.__type_params__[0].__bound__)
undefined_name = "now defined"
show("lazy bound later", lambda: lazy.__type_params__[0].__bound__)


def outer():
    captured = "captured"

    def inner[T](x: T) -> T:
        def nested():
            return (T, captured, x)
        return nested()

    class Gen[S]:
        def who(self):
            return (S, captured)

    return inner(1), Gen().who(), inner.__qualname__, Gen.__qualname__


print(outer())


def counter():
    n = 0

    def bump[T]():
        nonlocal n
        n += 1
        return n

    bump()
    bump()
    return n


print(counter())


class WithGeneric[T]:
    pass


try:
    from typing import Generic

    class Twice[T](Generic[T]):
        pass
except TypeError as e:
    print("TypeError", e)

print(WithGeneric[int], WithGeneric.__parameters__)


async def agen[T](x: T) -> T:
    return x


coro = agen(5)
try:
    coro.send(None)
except StopIteration as e:
    print("async generic", e.value, agen.__type_params__)


def shadow():
    T = "outer T"

    def f[T]():
        return T

    return f(), T


print(shadow())


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta", name, sorted(k for k in ns if k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)


class WithMeta[T](Base, metaclass=Meta, flag=1):
    """Doc."""
    x = 1


print(WithMeta.__doc__, WithMeta.__type_params__)


def fails[T]():
    raise ValueError(T)


try:
    fails()
except ValueError as e:
    print("fails", e)


def modules[T, *Ts, **P](): pass
type WithParams[X] = int
for t in modules.__type_params__ + WithParams.__type_params__:
    print(t, t.__module__)
print(WithParams.__module__, WithParams.__qualname__ if hasattr(WithParams, "__qualname__") else "-")


class Foo[__T]:
    param = __T

    def meth[__U](self, x: __U) -> __T:
        return __U


print(Foo.param, Foo.param.__name__, Foo.__type_params__, Foo().meth(1), Foo.meth.__type_params__)


class BadBase[T](1):
    pass
