# trio: structured concurrency, a nursery, memory channels, timeouts.
import trio


async def producer(send):
    async with send:
        for i in range(5):
            await send.send(i)
            await trio.sleep(0)


async def main():
    send, receive = trio.open_memory_channel(0)
    results = []
    async with trio.open_nursery() as nursery:
        nursery.start_soon(producer, send)
        async with receive:
            async for value in receive:
                results.append(value * value)
    print(results)
    with trio.move_on_after(0.01) as scope:
        await trio.sleep(1)
    print("cancelled", scope.cancelled_caught)
    try:
        async with trio.open_nursery() as nursery:
            async def fail():
                raise ValueError("boom")
            nursery.start_soon(fail)
    except BaseException as error:
        print(type(error).__name__, [type(e).__name__ for e in getattr(error, "exceptions", [error])])


trio.run(main)
