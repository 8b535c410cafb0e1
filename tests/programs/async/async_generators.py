"""Compiled async generators: asend/athrow/aclose, ag_* attributes, hooks."""

import asyncio
import collections.abc
import inspect
import sys
import types


async def counter(n):
    try:
        for i in range(n):
            received = yield i
            if received is not None:
                print("received", received)
            await asyncio.sleep(0)
    finally:
        print("counter finally")


async def agen_with_await():
    value = await Pause()
    yield value
    yield "second"


class Pause:
    def __await__(self):
        sent = yield "paused"
        return sent


def drive(awaitable, *sends):
    out = []
    sends = list(sends)
    try:
        value = awaitable.send(None)
        out.append(("yielded", value))
        while sends:
            value = awaitable.send(sends.pop(0))
            out.append(("yielded", value))
    except StopIteration as e:
        out.append(("stop", e.value))
    except BaseException as e:
        out.append((type(e).__name__, str(e)))
    return out


print(inspect.isasyncgenfunction(counter), inspect.iscoroutinefunction(counter), inspect.isgeneratorfunction(counter))
print(counter.__code__.co_flags & 0x3A0)
g = counter(3)
print(type(g).__name__, isinstance(g, types.AsyncGeneratorType), inspect.isasyncgen(g))
print(isinstance(g, collections.abc.AsyncGenerator), isinstance(g, collections.abc.AsyncIterator))
print(g.__name__, g.__qualname__, g.ag_running, g.ag_await, type(g.ag_frame).__name__, g.ag_code.co_name)
print(repr(g).startswith("<async_generator object counter at 0x"))
print(g.__aiter__() is g)
a = g.__anext__()
print(type(a).__name__)
print(drive(a))
print(drive(a))
print(drive(g.asend("hello")))
print(drive(g.athrow(ValueError("boom"))))
print(g.ag_frame is None)
print(drive(g.__anext__()))
print(drive(g.aclose()))

print("await inside")
g = agen_with_await()
print(drive(g.__anext__(), "resumed"))
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(drive(g.__anext__()))

print("aclose while suspended")
g = counter(5)
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(drive(g.aclose()))
print(drive(g.__anext__()))


async def ignores_exit():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")


g = ignores_exit()
print(drive(g.__anext__()))
print(drive(g.aclose()))


async def awaits_in_finally():
    try:
        yield 1
    finally:
        print("cleanup", await Pause())


g = awaits_in_finally()
print(drive(g.__anext__()))
print(drive(g.aclose(), "done"))


async def raises_stop_async():
    yield 1
    raise StopAsyncIteration


g = raises_stop_async()
print(drive(g.__anext__()))
print(drive(g.__anext__()))


async def catches():
    try:
        yield 1
    except KeyError as e:
        yield "caught %r" % e


g = catches()
print(drive(g.__anext__()))
print(drive(g.athrow(KeyError("k"))))
print(drive(g.athrow(KeyError("again"))))
print(drive(g.athrow(KeyError("closed"))))

a = catches().__anext__()
print(drive(a))
print(drive(a))
print(drive(catches().asend(1)))

print("hooks")
events = []
old_hooks = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=lambda gen: events.append(("first", gen.__name__)), finalizer=lambda gen: events.append(("final", gen.__name__)))
g = counter(2)
print(events)
drive(g.__anext__())
print(events)
del g
print(events)
sys.set_asyncgen_hooks(*old_hooks)


print("asyncio")


async def numbers(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        await asyncio.sleep(0)
        print("numbers cleanup")


async def main():
    total = 0
    async for value in numbers(4):
        total += value
    else:
        print("loop else", total)
    async for value in numbers(10):
        if value == 2:
            break
    print("after break", value)
    it = numbers(10)
    print(await it.__anext__(), await anext(it), await anext(it, "default"))
    await it.aclose()
    print(await anext(numbers(0), "default"))
    # Abandoned: finalized by asyncio's shutdown_asyncgens.
    abandoned = numbers(10)
    await abandoned.__anext__()
    global keep
    keep = abandoned


asyncio.run(main())
print("end")
