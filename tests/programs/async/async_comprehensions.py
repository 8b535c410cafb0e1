"""Async comprehensions, async generator expressions, await in comprehensions."""

import asyncio
import inspect


async def arange(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def double(x):
    await asyncio.sleep(0)
    return x * 2


class Bad:
    pass


async def main():
    print([x async for x in arange(4)])
    print({x % 2 async for x in arange(5)})
    print({x: x * x async for x in arange(3)})
    print([x + y async for x in arange(3) for y in (10, 20) if y > 10])
    print([(x, y) for x in range(2) async for y in arange(2)])
    print([await double(x) for x in range(3)])
    print([await double(x) async for x in arange(3) if await double(x) > 0])
    print({x: await double(x) for x in "ab"})
    gen = (x * 3 async for x in arange(3))
    print(type(gen).__name__, inspect.isasyncgen(gen))
    print([y async for y in gen])
    gen2 = (await double(x) for x in range(3))
    print(type(gen2).__name__, [y async for y in gen2])
    nested = [[y async for y in arange(x)] async for x in arange(3)]
    print(nested)
    try:
        print([x async for x in Bad()])
    except TypeError as e:
        print("TypeError", e)
    try:
        print([x async for x in arange(3) if 1 / (x - 1)])
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    outer = 5
    print([x + outer async for x in arange(2)])


asyncio.run(main())
