# Direct calls (nuitka/optimization/direct_calls.py): calls of module
# functions and methods of this module enter the compiled function straight
# behind a run-time guard. Every way the guess can be wrong must take the
# generic call and behave exactly as CPython: globals rebound through
# globals() or setattr(module), __code__/__defaults__ replaced, decorated
# functions, methods replaced on the class or shadowed on the instance,
# frames and tracebacks across direct calls, recursion errors.
import sys
import traceback


def add(a, b):
    return a + b


def other_add(a, b):
    return ("other", a, b)


def with_default(a, b=10):
    return (a, b)


def run_add():
    return add(1, 2)


def run_with_default():
    return with_default(1, 2), with_default(5)


print("plain", run_add(), run_with_default())
original_add = add

# Rebound through globals() and setattr(module): the guard sees another object.
globals()["add"] = other_add
print("globals()", run_add())
setattr(sys.modules[__name__], "add", lambda a, b: ("lambda", a, b))
print("setattr", run_add())
globals()["add"] = len
try:
    run_add()
except TypeError as e:
    print("builtin", e)
del globals()["add"]
try:
    run_add()
except NameError as e:
    print("deleted", e)


globals()["add"] = original_add
print("restored", run_add())


# __code__ replaced: the new code runs (in the interpreter).
def target(a, b):
    return ("target", a, b)


def replacement(a, b):
    return ("replacement", b, a)


def run_target():
    return target(3, 4)


print("code", run_target())
target.__code__ = replacement.__code__
print("code replaced", run_target())


# __defaults__ replaced: a call passing every parameter does not use them,
# one that does sees the new ones.
def defaults(a, b=1):
    return (a, b)


def run_defaults():
    return defaults(1, 2), defaults(1)


print("defaults", run_defaults())
defaults.__defaults__ = (99,)
print("defaults replaced", run_defaults())
defaults.__defaults__ = None
try:
    run_defaults()
except TypeError as e:
    print("defaults removed", e)


# __kwdefaults__ (keyword-only parameters never take the direct path).
def kwonly(a, *, k=1):
    return (a, k)


def run_kwonly():
    return kwonly(1)


kwonly.__kwdefaults__ = {"k": 42}
print("kwdefaults", run_kwonly())


# Decorated: the name is bound to what the decorator returned.
def logged(func):
    def wrapper(*args):
        return ("logged", func(*args))

    return wrapper


registry = []


def register(func):
    registry.append(func.__name__)
    return func


@logged
def decorated(a, b):
    return a - b


@register
def registered(a, b):
    return a - b


def run_decorated():
    return decorated(5, 3), registered(5, 3)


print("decorated", run_decorated(), registry)


# Wrong argument counts are not direct; errors as CPython's.
def two(a, b):
    return a, b


def run_two_wrong():
    try:
        two(1)
    except TypeError as e:
        print("too few", e)
    try:
        two(1, 2, 3)
    except TypeError as e:
        print("too many", e)


run_two_wrong()


# Frames and tracebacks across direct calls.
def inner(x):
    frame = sys._getframe()
    return (
        frame.f_code.co_name,
        frame.f_back.f_code.co_name,
        frame.f_back.f_back.f_code.co_name,
        sorted(frame.f_back.f_locals),
        frame.f_back.f_locals["y"],
        x,
    )


def middle(y):
    z = y + 1
    return inner(z)


def outer():
    return middle(1)


print("frames", outer())


def fails(v):
    return 1 / v


def calls_fails(v):
    w = v
    return fails(w)


def run_fails():
    try:
        calls_fails(0)
    except ZeroDivisionError:
        tb = sys.exc_info()[2]
        print("traceback", [(f.name, f.lineno, f.line) for f in traceback.extract_tb(tb)])
        frames = []
        while tb is not None:
            frames.append((tb.tb_frame.f_code.co_name, sorted(tb.tb_frame.f_locals)))
            tb = tb.tb_next
        print("traceback frames", frames)


run_fails()
run_fails()


kept = []


def keeps_frame(a):
    kept.append(sys._getframe())
    return a


def run_keeps():
    return keeps_frame(1), keeps_frame(2)


print("kept", run_keeps(), [f.f_locals for f in kept], kept[0] is not kept[1])
print("kept back", [f.f_back.f_code.co_name for f in kept])


# Recursion: RecursionError still raised, and calls work afterwards.
def recurse(n):
    return recurse(n + 1)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


try:
    recurse(0)
except RecursionError as e:
    print("recursion", type(e).__name__)
print("after recursion", depth(100))


# Closures and cells in directly called functions.
def makes_closure(a, b):
    def get():
        return a + b

    b = b * 10
    return get()


def run_closure():
    return makes_closure(1, 2)


print("closure", run_closure())


# Generators and coroutines entered directly.
def gen(a, b):
    yield a
    yield b


def run_gen():
    g = gen(1, 2)
    return g.gi_frame.f_code.co_name, g.gi_frame.f_locals, list(g), g.gi_frame


print("generator", run_gen())


async def coro(a):
    return a * 2


async def awaits(a):
    return await coro(a) + await coro(a + 1)


def run_coro():
    c = awaits(3)
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


print("coroutine", run_coro())


# Methods: direct while the method found is this class's function.
class Point:
    def __init__(self, x):
        self.x = x

    def moved(self, dx):
        return self.x + dx


def run_method(p):
    return p.moved(1)


p = Point(10)
print("method", run_method(p))
p.moved = lambda dx: ("instance", dx)
print("instance attribute", run_method(p))
del p.moved
print("instance attribute removed", run_method(p))
original_moved = Point.moved
Point.moved = lambda self, dx: ("class replaced", dx)
print("class attribute", run_method(p))
Point.moved = original_moved
print("restored", run_method(p))
Point.moved.__code__ = (lambda self, dx: ("method code", dx)).__code__
print("method code replaced", run_method(p))
Point.moved = staticmethod(lambda dx: ("static", dx))
print("staticmethod", run_method(p))


# (Made by type(): a second "def moved" in a class body would make the
# name ambiguous, and nothing would be guessed.)
Other = type("Other", (), {"moved": lambda self, dx: ("other", dx)})


print("other class", run_method(Other()))


class Dynamic:
    def __getattr__(self, name):
        return lambda dx: ("getattr", name, dx)


print("getattr", run_method(Dynamic()))


# Errors inside a direct method call show the method's frame.
class Failing:
    def broken(self, v):
        return v.missing


def run_broken():
    try:
        Failing().broken(1)
    except AttributeError as e:
        print("method error", e, [f.name for f in traceback.extract_tb(e.__traceback__)])


run_broken()
