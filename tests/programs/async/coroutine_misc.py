"""Methods, closures, cancellation, exception state across awaits, leaks."""

import asyncio
import gc
import inspect
import sys


class A:
    async def meth(self, y):
        z = y + 1

        def inner():
            return z

        await asyncio.sleep(0)
        return inner()

    @staticmethod
    async def st():
        return "st"

    @classmethod
    async def cm(cls):
        return cls.__name__


async def locals_demo(a):
    b = a * 2
    await asyncio.sleep(0)
    return b


async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
    finally:
        log.append("finally")


async def handler_state(name, log):
    try:
        raise KeyError(name)
    except KeyError:
        await asyncio.sleep(0)
        log.append((name, repr(sys.exc_info()[1])))
    log.append((name, sys.exc_info()[0]))


async def suspended_frame():
    await asyncio.sleep(0)
    return 1


async def main():
    print(await A().meth(1), await A.st(), await A.cm())
    c = locals_demo(3)
    print(inspect.getcoroutinelocals(c))
    print(await c)

    log = []
    task = asyncio.ensure_future(sleeper(log))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append("outer saw cancel")
    print(log, task.cancelled())

    try:
        await asyncio.wait_for(sleeper([]), 0.001)
    except asyncio.TimeoutError:
        print("timeout")

    log = []
    await asyncio.gather(handler_state("a", log), handler_state("b", log))
    print(log)

    c = suspended_frame()
    c.send(None)
    print(c.cr_frame.f_lineno, c.cr_frame.f_code.co_name, inspect.getcoroutinestate(c))
    c.close()

    async def agen():
        try:
            yield 1
            yield 2
        finally:
            await asyncio.sleep(0)
            print("agen finalized")

    a = agen()
    print(await a.__anext__())
    del a
    gc.collect()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main end")


asyncio.run(main())


async def leaf(x):
    await asyncio.sleep(0)
    return x


async def agen2(n):
    for i in range(n):
        yield await leaf(i)


class Mgr:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        return False


async def work():
    s = 0
    for i in range(100):
        s += await leaf(i)
        s += sum([x async for x in agen2(3)])
        async with Mgr():
            pass
    return s


def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value


for i in range(3):
    drive(work())
before = sys.getallocatedblocks()
for i in range(20):
    drive(work())
gc.collect()
print("no leak", sys.getallocatedblocks() - before < 100)
