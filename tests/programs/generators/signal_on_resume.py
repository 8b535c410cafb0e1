# A signal that arrives just before a generator starts or resumes after a
# plain `yield` is handled there (as CPython's RESUME): KeyboardInterrupt is
# raised inside the generator at that point, where it can be caught; not
# when resuming a `yield from` (the innermost generator gets it).
import os
import traceback

import _testcapi


def show(exc):
    for line in traceback.format_exception(exc):
        print(line.replace(os.path.dirname(__file__) + os.sep, ""), end="")


def generator2():
    try:
        yield
    except KeyboardInterrupt:
        return "PASSED"
    else:
        return "FAILED"


def generator1():
    return (yield from generator2())


gen = generator1()
gen.send(None)
try:
    _testcapi.raise_SIGINT_then_send_None(gen)
except BaseException as e:
    print(type(e).__name__, e)


def plain():
    yield 1
    yield 2


g = plain()
next(g)
try:
    _testcapi.raise_SIGINT_then_send_None(g)
except BaseException as e:
    show(e)
print(g.gi_frame)

g = plain()
try:
    _testcapi.raise_SIGINT_then_send_None(g)
except BaseException as e:
    show(e)
print(g.gi_frame)


def catching():
    for i in range(3):
        try:
            yield i
        except KeyboardInterrupt:
            print("caught at", i)


g = catching()
next(g)
print(_testcapi.raise_SIGINT_then_send_None(g))
print(list(g))

# throw() into a just-started generator: the first line, no columns.
g = plain()
try:
    g.throw(KeyError("k"))
except KeyError as e:
    show(e)
