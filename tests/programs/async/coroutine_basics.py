"""Compiled coroutine objects: types, predicates, attributes, the protocol."""

import asyncio
import collections.abc
import inspect
import sys
import types


async def add(a, b):
    return a + b


async def waiter():
    value = await Yielder()
    return "got %r" % (value,)


class Yielder:
    def __await__(self):
        sent = yield "from-yielder"
        return sent


def show(label, func):
    try:
        print(label, repr(func()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, e)


print("predicates")
for f in (add, waiter):
    print(
        f.__name__,
        inspect.iscoroutinefunction(f),
        asyncio.iscoroutinefunction(f),
        inspect.isgeneratorfunction(f),
        inspect.isasyncgenfunction(f),
        inspect.isfunction(f),
        f.__code__.co_flags & 0x3A0,
    )

c = add(1, 2)
print(type(c).__name__, isinstance(c, types.CoroutineType), inspect.iscoroutine(c), asyncio.iscoroutine(c))
print(inspect.isawaitable(c), isinstance(c, collections.abc.Coroutine), isinstance(c, collections.abc.Awaitable))
print(c.__name__, c.__qualname__, c.cr_code is add.__code__, c.cr_code.co_name)
print(c.cr_running, c.cr_await, c.cr_origin, getattr(c, "cr_suspended", "n/a"), type(c.cr_frame).__name__)
print(inspect.getcoroutinestate(c))
print(repr(c).startswith("<coroutine object add at 0x"))
show("send", lambda: c.send(None))
print(inspect.getcoroutinestate(c), c.cr_frame)
show("reuse", lambda: c.send(None))
show("close-after", lambda: c.close())

print("by hand with a yielding awaitable")
w = waiter()
show("first", lambda: w.send(None))
print(inspect.getcoroutinestate(w), type(w.cr_await).__name__, getattr(w, "cr_suspended", "n/a"))
try:
    w.send("hello")
except StopIteration as e:
    print("returned", e.value)

print("just-started")
w = waiter()
show("send-non-none", lambda: w.send(1))
w.close()
print(inspect.getcoroutinestate(w))

print("throw")
w = waiter()
w.send(None)
show("throw", lambda: w.throw(ValueError("inside")))
w = waiter()
w.send(None)
show("throw-type", lambda: w.throw(KeyError))


async def catches():
    try:
        await Yielder()
    except ValueError as e:
        return "caught %s" % e


x = catches()
x.send(None)
try:
    x.throw(ValueError("thrown"))
except StopIteration as e:
    print("stop", e.value)


async def ignores():
    while True:
        try:
            await Yielder()
        except GeneratorExit:
            pass


x = ignores()
x.send(None)
show("ignored", x.close)


async def raises_stop():
    raise StopIteration(5)


show("stopiteration", lambda: raises_stop().send(None))

print("await wrapper")
c = add(2, 3)
aw = c.__await__()
print(type(aw).__name__, iter(aw) is aw)
try:
    next(aw)
except StopIteration as e:
    print("wrapper done", e.value)
show("wrapper-again", lambda: next(aw))
w = waiter()
aw = w.__await__()
print(aw.send(None))
show("wrapper-throw", lambda: aw.throw(RuntimeError("x")))
aw.close()

print("origin tracking")
sys.set_coroutine_origin_tracking_depth(2)
c = add(1, 1)
print([(f.rsplit("/", 1)[-1], line, name) for f, line, name in c.cr_origin])
sys.set_coroutine_origin_tracking_depth(0)
c.close()

print(asyncio.run(add(40, 2)))
