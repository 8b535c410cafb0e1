"""await between compiled and uncompiled code, and GET_AWAITABLE's rules."""

import asyncio
import types

# Uncompiled coroutines (made by exec), awaited by compiled code and
# awaiting compiled code.
namespace = {"asyncio": asyncio}
exec(
    """
async def plain_double(x):
    await asyncio.sleep(0)
    return x * 2

async def plain_calls(coro_func, x):
    first = await coro_func(x)
    second = await coro_func(first)
    return first, second

async def plain_raises():
    await asyncio.sleep(0)
    raise KeyError("from plain")
""",
    namespace,
)
plain_double = namespace["plain_double"]
plain_calls = namespace["plain_calls"]
plain_raises = namespace["plain_raises"]


async def compiled_triple(x):
    await asyncio.sleep(0)
    return x * 3


async def compiled_uses_plain(x):
    value = await plain_double(x)
    try:
        await plain_raises()
    except KeyError as e:
        print("caught", repr(e))
    return value + 1


async def main():
    print(await compiled_uses_plain(5))
    print(await plain_calls(compiled_triple, 2))
    print(await asyncio.gather(compiled_triple(1), plain_double(1), compiled_uses_plain(0)))
    task = asyncio.ensure_future(compiled_triple(7))
    print(await task, task.done())
    print(await asyncio.wait_for(compiled_triple(3), 10))


asyncio.run(main())


# Generator-based coroutines.
@types.coroutine
def gen_based():
    value = yield "gen-yield"
    return value


async def awaits_gen_based():
    return await gen_based()


c = awaits_gen_based()
print(c.send(None))
try:
    c.send("sent")
except StopIteration as e:
    print("stop", e.value)


class Custom:
    def __await__(self):
        yield 1
        yield 2
        return "custom done"


class BadIter:
    def __await__(self):
        return 42


class ReturnsCoro:
    def __await__(self):
        return compiled_triple(1)


class AwaitRaises:
    def __await__(self):
        raise ValueError("no await for you")


async def await_it(obj):
    return await obj


def drive(coro):
    results = []
    try:
        while True:
            results.append(coro.send(None))
    except StopIteration as e:
        results.append(("return", e.value))
    except Exception as e:
        results.append((type(e).__name__, str(e)))
    return results


print(drive(await_it(Custom())))
for obj in (1, "text", None, BadIter(), ReturnsCoro(), AwaitRaises(), gen_based):
    print(drive(await_it(obj)))


def plain_generator():
    yield 1


print(drive(await_it(plain_generator())))

# A coroutine awaited twice at the same time, and awaited after it finished.
async def pauses():
    await Custom()


p = pauses()
first = await_it(p)
print(first.send(None))
print(drive(await_it(p)))
first.close()
done = compiled_triple(2)
print(drive(await_it(done)))
print(drive(await_it(done)))


# Compiled coroutines driven from uncompiled code by hand.
exec(
    """
def drive_plain(coro):
    out = []
    while True:
        try:
            out.append(coro.send(None))
        except StopIteration as e:
            out.append(e.value)
            return out
""",
    namespace,
)
print(namespace["drive_plain"](await_it(Custom())))
