# with statement: multiple items, __exit__ arguments and suppression,
# exceptions in __enter__/__exit__, contextlib helpers.
import contextlib
import sys


class CM:
    def __init__(self, name, suppress=False, fail_enter=False, fail_exit=False):
        self.name = name
        self.suppress = suppress
        self.fail_enter = fail_enter
        self.fail_exit = fail_exit

    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed: " + self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc),
              tb is not None, "exc_info:", sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)
        if self.fail_exit:
            raise KeyError("exit failed: " + self.name)
        return self.suppress


with CM("a") as a:
    print("body", a)

with CM("a") as a, CM("b") as b:
    print("body", a, b)

with (CM("p1") as p1,
      CM("p2") as p2):
    print("parenthesised", p1, p2)

with CM("suppressor", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")

try:
    with CM("outer"), CM("inner"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

with CM("outer", suppress=True), CM("inner"):
    raise ValueError("suppressed by outer")
print("after outer suppress")

try:
    with CM("ok"), CM("bad", fail_enter=True), CM("never"):
        print("not reached")
except RuntimeError as e:
    print("caught", e)

try:
    with CM("bad exit", fail_exit=True):
        raise ValueError("body error")
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__))


def with_return():
    with CM("returning"):
        return "returned value"


print(with_return())

for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 1:
            break
print("after loop", i)


class TruthyExit:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return "non-empty string is true"


with TruthyExit():
    raise KeyError("swallowed by truthy")
print("truthy exit swallowed")


class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *a):
        pass


for cls in (NoExit, NoEnter, int):
    try:
        with cls():
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


@contextlib.contextmanager
def managed(name):
    print("cm setup", name)
    try:
        yield name * 2
    except ZeroDivisionError as e:
        print("cm handled", e)
    finally:
        print("cm teardown", name)


with managed("x") as v:
    print("cm body", v)
with managed("y"):
    1 / 0
print("after cm")
try:
    with managed("z"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)

with contextlib.suppress(KeyError, IndexError):
    {}["missing"]
print("suppress worked")

with contextlib.ExitStack() as stack:
    for n in range(3):
        stack.enter_context(CM("stack%d" % n))
    stack.callback(print, "callback ran")
    print("in exit stack")

target = None
with CM("target") as target:
    pass
print("target", target)
d = {}
with CM("into dict") as d["key"]:
    pass
print(d)
with CM("tuple target") as (first, *rest):
    print(first, rest)

with contextlib.nullcontext("null") as n:
    print(n)
with open(__file__) as fh:
    print(fh.readline().rstrip())
print(fh.closed)
