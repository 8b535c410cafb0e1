# types.coroutine on compiled generator functions: flagged in place like
# plain functions (CO_ITERABLE_COROUTINE in __code__), awaited by compiled and
# uncompiled coroutines and asyncio, yield from coroutines inside, tracebacks.
import asyncio
import inspect
import sys
import traceback
import types


@types.coroutine
def sleeper(n):
    got = yield ("tick", n)
    return ("slept", n, got)


@types.coroutine
def delegating(n):
    # yield from a coroutine object: allowed in an iterable coroutine.
    r = yield from inner(n)
    return ("delegated", r)


async def inner(n):
    return await sleeper(n)


@types.coroutine
def failing():
    yield "before"
    raise ValueError("boom")


async def user():
    a = await sleeper(1)
    b = await delegating(2)
    return a, b


def drive(coro):
    out = []
    try:
        v = coro.send(None)
        while True:
            out.append(v)
            v = coro.send(len(out))
    except StopIteration as e:
        out.append(e.value)
    return out


print(drive(user()))
print(inspect.isawaitable(sleeper(0)), inspect.isgenerator(sleeper(0)), type(sleeper(0)).__name__)
print(bool(sleeper.__code__.co_flags & 0x100), bool(sleeper(0).gi_code.co_flags & 0x100))
print(inspect.iscoroutinefunction(sleeper), inspect.isgeneratorfunction(sleeper))
print(types.coroutine(sleeper) is sleeper)
print(sleeper.__name__, sleeper.__qualname__)


def plain_gen():
    yield 1


print(inspect.isawaitable(plain_gen()))
try:
    async def bad():
        await plain_gen()
    bad().send(None)
except TypeError as e:
    print("TypeError", e)


def nongen():
    return 42


w = types.coroutine(nongen)
print(w is nongen, type(w).__name__)

# Uncompiled coroutine awaiting a compiled iterable coroutine.
ns = {"sleeper": sleeper, "delegating": delegating}
exec("async def outer():\n    return await sleeper(5), await delegating(6)\n", ns)
print(drive(ns["outer"]()))


async def with_asyncio():
    @types.coroutine
    def nap():
        yield from asyncio.sleep(0).__await__()
        return "napped"
    r = await nap()
    return r


print(asyncio.run(with_asyncio()))


async def fails():
    await failing()


try:
    drive(fails())
except ValueError:
    traceback.print_exc(file=sys.stdout)

try:
    types.coroutine(3)
except TypeError as e:
    print("TypeError", e)


def use_plain_yield_from():
    yield from inner(1)


try:
    list(use_plain_yield_from())
except TypeError as e:
    print("TypeError", e)
