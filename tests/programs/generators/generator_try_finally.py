# Generators with try/except/finally and with-blocks around yields.
import contextlib
import sys


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  enter", self.name)
        return self

    def __exit__(self, *exc):
        print("  exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


def with_around_yield():
    with CM("outer"):
        yield 1
        with CM("inner"):
            yield 2
        yield 3


print(list(with_around_yield()))
g = with_around_yield()
next(g)
next(g)
g.close()
print("closed mid-with")


def try_except_around_yield():
    for i in range(3):
        try:
            yield i
        except ValueError as e:
            print("  handled", e, "exc_info:", sys.exc_info()[0].__name__)
            yield "after handling %s" % e
        finally:
            print("  finally", i)


g = try_except_around_yield()
print(next(g))
print(g.throw(ValueError("v1")))
print(next(g))
print(next(g))
print(list(g))


def exc_info_across_yield():
    try:
        raise KeyError("active")
    except KeyError:
        print("  before yield:", sys.exc_info()[0].__name__)
        yield "in handler"
        print("  after resume:", sys.exc_info()[0].__name__)
    print("  after handler:", sys.exc_info()[0])


g = exc_info_across_yield()
print(next(g))
print("caller sees exc_info:", sys.exc_info()[0])
try:
    raise IndexError("caller's exception")
except IndexError:
    try:
        next(g)
    except StopIteration:
        print("caller exc_info after generator finished:", sys.exc_info()[0].__name__)


def yield_in_finally():
    try:
        yield "body"
    finally:
        yield "from finally"


print(list(yield_in_finally()))


def return_in_finally():
    try:
        yield 1
        yield 2
    finally:
        return "overrides"


g = return_in_finally()
next(g)
try:
    g.throw(KeyError("swallowed by return in finally"))
except StopIteration as e:
    print("StopIteration", e.value)


def generator_context_in_throw():
    try:
        yield
    except ZeroDivisionError as e:
        print("  context of thrown:", repr(e.__context__))
        raise


g = generator_context_in_throw()
next(g)
try:
    try:
        raise KeyError("outer context")
    except KeyError:
        g.throw(ZeroDivisionError("thrown"))
except ZeroDivisionError as e:
    print("caught", repr(e), "context", repr(e.__context__))


@contextlib.contextmanager
def cm_gen():
    print("  setup")
    try:
        yield "resource"
    except Exception as e:
        print("  cm saw", type(e).__name__)
        raise
    finally:
        print("  teardown")


try:
    with cm_gen() as r:
        print("  using", r)
        raise OSError("in body")
except OSError as e:
    print("propagated", e)


def break_continue_with_yield():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            yield i
        finally:
            yield "finally %d" % i


print(list(break_continue_with_yield()))


def nested_gen_exceptions():
    try:
        try:
            yield 1
            raise ValueError("inner")
        finally:
            yield "inner finally"
    except ValueError as e:
        yield "caught %s" % e


print(list(nested_gen_exceptions()))
