# frame.clear() on the frame of a compiled generator, coroutine or async
# generator closes it as CPython does (3.10-3.12: finalize; 3.13: RuntimeError
# for a suspended one), and raises while it runs.
import sys
import types
import warnings

warnings.simplefilter("always")


def gen():
    x = "local"
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")


g = gen()
print(next(g))
f = g.gi_frame
try:
    f.clear()
    print("cleared")
except RuntimeError as e:
    print("RuntimeError", e)
print(g.gi_frame is None)
print(sorted(f.f_locals))
print(list(g))

g2 = gen()
f2 = g2.gi_frame
f2.clear()
print("unstarted cleared", g2.gi_frame, list(g2))


def holder():
    yield sys._getframe()
    yield "second"


h = holder()
fr = next(h)
try:
    fr.clear()
    print("cleared via _getframe")
except RuntimeError as e:
    print("RuntimeError", e)
print(list(h))


def self_clear():
    yield 1
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("inside:", e)
    yield 2


print(list(self_clear()))


async def coro():
    return 1


c = coro()
cf = c.cr_frame
cf.clear()
print("coroutine cleared", c.cr_frame is cf)
c.close()


@types.coroutine
def awaitable():
    yield "x"


async def coro2():
    try:
        await awaitable()
    finally:
        print("coro2 finally")


c2 = coro2()
print(c2.send(None))
try:
    c2.cr_frame.clear()
    print("coroutine 2 cleared")
except RuntimeError as e:
    print("RuntimeError", e)
c2.close()


async def agen():
    try:
        yield 1
    finally:
        print("agen finally")


a = agen()
print(a.asend(None).send(None) if False else "skip")
af = a.ag_frame
af.clear()
print("agen cleared", a.ag_frame)


# unittest's case: traceback.clear_frames on a traceback through a
# generator that caught the exception and is suspended.
import traceback


def catcher():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    try:
        yield err
        yield "after"
    finally:
        print("catcher finally")


cg = catcher()
caught = next(cg)
traceback.clear_frames(caught.__traceback__)
print("after clear_frames", list(cg))


# The frame of a generator that delegates to the one running.
def inner_gen():
    try:
        sys._getframe(1).clear()
    except RuntimeError as e:
        print("outer while delegating:", e)
    yield "inner"


def outer_gen():
    yield from inner_gen()
    yield "outer"


print(list(outer_gen()))
