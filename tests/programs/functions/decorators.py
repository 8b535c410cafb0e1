# Decorators: stacking order, decorators with arguments, class decorators,
# arbitrary decorator expressions and evaluation order.
import functools


def trace(label):
    print("decorator factory", label)

    def decorator(func):
        print("applying", label, "to", getattr(func, "__name__", func))

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            print("enter", label)
            result = func(*args, **kwargs)
            print("exit", label)
            return result

        return wrapper

    return decorator


@trace("outer")
@trace("inner")
def greet(name):
    print("hello", name)
    return name.upper()


print(greet("world"))
print(greet.__name__, greet.__qualname__, greet.__wrapped__.__name__)


def simple(func):
    func.decorated = True
    return func


@simple
def plain():
    return "plain"


print(plain(), plain.decorated)


def replace_with_value(func):
    return 42


@replace_with_value
def gone():
    pass


print(gone)


def register(registry):
    def deco(obj):
        registry.append(obj.__name__)
        return obj

    return deco


registry = []


@register(registry)
class Registered:
    @register(registry)
    def method(self):
        return "method"


print(registry, Registered().method())


def add_attr(cls):
    cls.added = "by class decorator"
    return cls


@add_attr
@register(registry)
class Both:
    pass


print(Both.added, registry)

decorators = {"twice": lambda f: lambda *a: f(f(*a))}


@decorators["twice"]
def inc(x):
    return x + 1


print(inc(5))


@(lambda f: f)
def identity():
    return "identity"


print(identity())


class Holder:
    @staticmethod
    def deco(f):
        return lambda: "wrapped " + f()


@Holder.deco
def held():
    return "held"


print(held())


def counting(func):
    count = 0

    def wrapper(*args):
        nonlocal count
        count += 1
        return func(*args), count

    return wrapper


@counting
def fib(n):
    return n if n < 2 else fib(n - 1)[0] + fib(n - 2)[0]


print(fib(10))


@functools.lru_cache(maxsize=None)
def cached_fib(n):
    return n if n < 2 else cached_fib(n - 1) + cached_fib(n - 2)


print(cached_fib(80), cached_fib.cache_info())


class Prop:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 2

    @classmethod
    @functools.lru_cache()
    def cached_cm(cls, x):
        return "%s-%s" % (cls.__name__, x)


p = Prop()
p.v = 5
print(p.v, Prop.cached_cm(1), Prop.cached_cm(1))


def deco_with_args(*dargs, **dkwargs):
    def deco(func):
        def wrapper(*args, **kwargs):
            return func.__name__, dargs, dkwargs, func(*args, **kwargs)

        return wrapper

    return deco


@deco_with_args(1, 2, key="v")
def target(x):
    return x * 3


print(target(3))
print(target.__name__)


def order(name):
    print("evaluating decorator expression", name)
    return lambda f: (print("calling decorator", name), f)[1]


@order("first")
@order("second")
@order("third")
def ordered():
    pass


def deco_raises(func):
    raise ValueError("decorator refused " + func.__name__)


try:
    @deco_raises
    def refused():
        pass
except ValueError as e:
    print("ValueError", e)
print("refused" in globals())
