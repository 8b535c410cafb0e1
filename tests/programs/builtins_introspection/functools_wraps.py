# functools.wraps / update_wrapper / __wrapped__ and friends.
import functools
import inspect


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc (replaced)"""
        return ("logged", func(*args, **kwargs))

    return wrapper


@logged
def add(a: int, b: int = 2) -> int:
    """Add two numbers."""
    return a + b


add.extra_attr_on_wrapper = True
print(add(1), add.__name__, add.__qualname__, add.__doc__, add.__module__, add.__annotations__)
print(add.__wrapped__.__name__, add.__wrapped__(1, 1), inspect.signature(add), inspect.unwrap(add).__name__)
print(sorted(add.__dict__))


def tagged(func):
    func.tag = "tagged"
    return func


@logged
@tagged
def tagged_func():
    pass


print(tagged_func.tag, tagged_func.__wrapped__.tag, inspect.unwrap(tagged_func) is tagged_func.__wrapped__)


def double_wrap(func):
    @functools.wraps(func)
    def w(*a):
        return func(*a) * 2

    return w


@double_wrap
@double_wrap
def three():
    return 3


print(three(), three.__wrapped__(), three.__wrapped__.__wrapped__(), inspect.unwrap(three)())


def manual(func):
    def w(*a):
        return func(*a)

    functools.update_wrapper(w, func, assigned=("__name__",), updated=())
    return w


@manual
def documented():
    "doc kept?"


print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__wrapped__.__name__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


class Decorator:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.__wrapped__(*args)


@Decorator
def counted(x):
    """counted doc"""
    return x * 10


print(counted(1), counted(2), counted.calls, counted.__name__, counted.__doc__, type(counted).__name__)
print(inspect.signature(counted))


@functools.lru_cache(maxsize=2)
def cached(x):
    """cached doc"""
    return x


print(cached.__name__, cached.__doc__, cached.__wrapped__.__name__, cached(1), cached.cache_info())


@functools.singledispatch
def dispatch(arg):
    return "default"


@dispatch.register
def _(arg: int):
    return "int"


@dispatch.register(list)
def _list(arg):
    return "list"


print(dispatch(1), dispatch([]), dispatch("s"), dispatch.__name__, sorted(k.__name__ for k in dispatch.registry))
p = functools.partial(add.__wrapped__, 10)
print(p(5), p.func.__name__, inspect.signature(p))


class WithCachedMethod:
    @functools.cached_property
    def value(self):
        """cached property doc"""
        return 42


print(WithCachedMethod().value, WithCachedMethod.value.__doc__, WithCachedMethod.value.attrname)
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], "init"))
