# anyio (structured concurrency on asyncio), sniffio and h11's HTTP/1.1 state
# machine.
import anyio
import h11
import sniffio


async def worker(name, delay, results, send):
    await anyio.sleep(delay)
    results.append(name)
    await send.send((name, sniffio.current_async_library()))


async def main():
    results = []
    send, receive = anyio.create_memory_object_stream(10)
    async with anyio.create_task_group() as tg:
        for i, d in enumerate([0.03, 0.01, 0.02]):
            tg.start_soon(worker, "w%d" % i, d, results, send)
    send.close()
    got = [item async for item in receive]
    print(results, sorted(got))
    with anyio.move_on_after(0.01) as scope:
        await anyio.sleep(1)
    print("cancelled", scope.cancelled_caught)
    try:
        async with anyio.create_task_group() as tg:
            async def fail():
                raise ValueError("boom")
            tg.start_soon(fail)
    except Exception as e:
        print(type(e).__name__, [type(x).__name__ for x in getattr(e, "exceptions", [e])])
    lock = anyio.Lock()
    async with lock:
        print("locked", lock.locked())
    result = await anyio.to_thread.run_sync(sum, [1, 2, 3])
    print("thread", result)


anyio.run(main)

conn = h11.Connection(h11.CLIENT)
data = conn.send(h11.Request(method="GET", target="/", headers=[("Host", "example.org")]))
data += conn.send(h11.EndOfMessage())
print(data)
server = h11.Connection(h11.SERVER)
server.receive_data(data)
print(server.next_event(), server.next_event())
