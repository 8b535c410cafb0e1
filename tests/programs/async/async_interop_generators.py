"""Async generators across compiled and uncompiled code."""

import asyncio

namespace = {"asyncio": asyncio}
exec(
    """
async def plain_agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("plain_agen finally")

async def plain_consumer(agen):
    result = [x async for x in agen]
    async for x in agen:
        result.append("never")
    return result

async def plain_partial(agen):
    first = await agen.__anext__()
    await agen.aclose()
    return first
""",
    namespace,
)


async def compiled_agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i * 10
    finally:
        print("compiled_agen finally")


async def main():
    print([x async for x in namespace["plain_agen"](3)])
    async for x in namespace["plain_agen"](5):
        if x == 1:
            break
    print(await namespace["plain_consumer"](compiled_agen(3)))
    print(await namespace["plain_partial"](compiled_agen(3)))
    print(await namespace["plain_partial"](namespace["plain_agen"](3)))
    agen = compiled_agen(2)
    print(await agen.asend(None), await agen.asend("ignored"))
    try:
        await agen.asend(None)
    except StopAsyncIteration:
        print("exhausted")


asyncio.run(main())
