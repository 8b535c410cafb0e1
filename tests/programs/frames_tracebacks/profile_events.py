"""sys.setprofile() sees compiled frames as CPython's: "call" and "return"
events of functions, methods, lambdas, class bodies, generators and
coroutines (each resumption, also by send() and throw(), and through
`yield from`), generator expressions consumed by builtins, the line a frame
is at for each event, the return value, and a profile function that
raises. Events of builtins ("c_call", ...) are left out: compiled code does
not report them; so is a generator that a builtin stops early (3.13 closes
it without running it, compiled code runs it to raise GeneratorExit)."""

import sys

events = []


def profiler(frame, event, arg):
    if event.startswith("c_"):
        return
    code = frame.f_code
    if code.co_name in ("record", "<module>"):
        return
    value = arg if isinstance(arg, (int, str, type(None))) else type(arg).__name__
    events.append((event, code.co_name, frame.f_lineno - code.co_firstlineno, value))


def record(label, func, *args):
    del events[:]
    sys.setprofile(profiler)
    try:
        result = func(*args)
    except Exception as e:
        result = "raised %s" % type(e).__name__
    finally:
        sys.setprofile(None)
    print(label, "->", result)
    for item in events:
        print("   ", item)


def add(a, b):
    return a + b


def outer(n):
    total = 0
    for i in range(n):
        total = add(total, i)
    return total


def recurse(n):
    if n == 0:
        return 0
    return recurse(n - 1) + 1


def fails():
    return 1 / 0


def catches():
    try:
        fails()
    except ZeroDivisionError:
        return "caught"


class Thing:
    def __init__(self, x):
        self.x = x

    def method(self):
        return self.x * 2

    @property
    def prop(self):
        return self.x + 1


def methods():
    t = Thing(3)
    return t.method() + t.prop + (lambda y: y + 1)(1)


def make_class():
    # (On one line: a body that falls off its end is reported at the line
    # of its last statement by CPython 3.13, at the last operation that could
    # fail by compiled code; see the user manual's limitations.)
    class Inner: f = lambda self: 2  # noqa: E701

    return Inner().f()


def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield got


def drive_generator():
    g = gen(3)
    out = [next(g), g.send("sent"), next(g)]
    try:
        g.throw(ValueError("in"))
    except ValueError:
        out.append("thrown")
    return out


def delegating():
    result = yield from gen(2)
    return result


def drive_delegation():
    return list(delegating())


def genexprs(items):
    return sum(x * 2 for x in items), list(x for x in items), "-".join(str(x) for x in items), any(x > 5 for x in items)


async def leaf(x):
    return x + 1


async def coro(x):
    return await leaf(x) + await leaf(x)


def drive_coroutine():
    c = coro(1)
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


def starts_profiling():
    sys.setprofile(profiler)
    return add(1, 2)


def raising_profiler(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "add":
        raise KeyError("from the profiler")


def with_raising_profiler():
    sys.setprofile(raising_profiler)
    try:
        return add(1, 2)
    except KeyError as e:
        return "profiler raised %s, profile now %s" % (e, sys.getprofile())
    finally:
        sys.setprofile(None)


def caller_of_profiler():
    seen = []

    def look(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "add":
            seen.append((sys._getframe(1).f_code.co_name, frame.f_back.f_code.co_name))

    sys.setprofile(look)
    add(1, 2)
    sys.setprofile(None)
    return seen


record("outer", outer, 3)
record("recurse", recurse, 3)
record("fails", fails)
record("catches", catches)
record("methods", methods)
record("make_class", make_class)
record("drive_generator", drive_generator)
record("drive_delegation", drive_delegation)
record("genexprs", genexprs, [1, 2])
record("drive_coroutine", drive_coroutine)
del events[:]
starts_profiling()
sys.setprofile(None)
print("started inside:", events)
print(with_raising_profiler())
print(caller_of_profiler())

if sys.version_info < (3, 12):
    # cProfile uses sys.setprofile's hook before 3.12 (sys.monitoring after).
    import cProfile
    import pstats
    import io

    profile = cProfile.Profile()
    profile.runcall(outer, 4)
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream)
    calls = sorted((func[2], stat[0]) for func, stat in stats.stats.items() if not func[2].startswith("<"))
    print("cProfile:", calls)
