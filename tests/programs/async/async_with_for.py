"""async with / async for: protocol, order of calls, exact errors."""

import asyncio


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await asyncio.sleep(0)
        return self.name.upper()

    async def __aexit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None, value)
        await asyncio.sleep(0)
        return self.suppress


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


class NoExit:
    async def __aenter__(self):
        return 1


class EnterNotAwaitable:
    def __aenter__(self):
        return 42

    async def __aexit__(self, *args):
        return False


class ExitNotAwaitable:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *args):
        return None


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class AiterNoAnext:
    def __aiter__(self):
        return 5


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


class AnextRaises:
    def __aiter__(self):
        return self

    def __anext__(self):
        raise StopAsyncIteration


async def attempt(label, coro):
    try:
        print(label, await coro)
    except Exception as e:
        print(label, "raised", type(e).__name__, e, "| cause:", repr(e.__cause__))


async def with_body(manager, fail=None):
    async with manager as value:
        print("body", value)
        if fail:
            raise fail
        return "returned"


async def nested():
    async with Manager("a") as a, Manager("b") as b:
        print("inside", a, b)
    for name in ("x", "y"):
        async with Manager(name):
            if name == "x":
                continue
            break
    return "nested done"


async def for_loops():
    result = []
    async for i in Ticker(3):
        result.append(i)
    else:
        result.append("else")
    async for i in Ticker(5):
        if i == 2:
            break
        result.append(i)
    else:
        result.append("no else")
    async for i in AnextRaises():
        result.append("never")
    async for a, b in Pairs():
        result.append(a + b)
    return result


class Pairs:
    def __init__(self):
        self.items = [(1, 2), (3, 4)]

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def for_over(obj):
    async for x in obj:
        print("item", x)
    return "for done"


async def main():
    await attempt("ok", with_body(Manager("m")))
    await attempt("fail", with_body(Manager("m"), KeyError("k")))
    await attempt("suppress", with_body(Manager("s", True), KeyError("k")))
    await attempt("nested", nested())
    for obj in (SyncOnly(), NoExit(), EnterNotAwaitable(), ExitNotAwaitable(), 5):
        await attempt(type(obj).__name__, with_body(obj))
    await attempt("loops", for_loops())
    for obj in ([1, 2], AiterNoAnext(), BadAnext(), Ticker(1), None):
        await attempt(type(obj).__name__, for_over(obj))


asyncio.run(main())
