"""Tracebacks through await chains, async for/with, and async generators."""

import asyncio
import traceback


async def leaf(x):
    await asyncio.sleep(0)
    return 1 / x


async def middle(x):
    value = await leaf(x)
    return value


class BadExit:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        raise RuntimeError("exit failed")


class BadNext:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("next failed")


async def agen():
    yield 1
    raise IndexError("agen failed")


async def uses_with():
    async with BadExit():
        pass


async def uses_with_error():
    async with BadExit():
        raise KeyError("body failed")


async def uses_for():
    async for x in BadNext():
        pass


async def uses_agen():
    async for x in agen():
        pass


def show(coro_func, *args):
    try:
        asyncio.run(coro_func(*args))
    except Exception:
        lines = traceback.format_exc().splitlines()
        # Only the frames of this file (asyncio's are the same anyway).
        keep = True
        for line in lines:
            if line.startswith("  File"):
                keep = "async_tracebacks" in line
            elif not line.startswith("    "):
                keep = True
            if keep:
                print(line)


def by_hand():
    coro = middle(0)
    try:
        coro.send(None)
        coro.send(None)
    except ZeroDivisionError:
        traceback.print_exc()


show(middle, 0)
show(uses_with)
show(uses_with_error)
show(uses_for)
show(uses_agen)
by_hand()


async def main():
    await middle(0)


asyncio.run(main())
