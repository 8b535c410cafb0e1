"""A for loop keeps no reference to the value it assigned to its target:
objects die when CPython frees them (weakref states), enumerate and zip
reuse their result tuple, and `del target` in the body frees the value.
Also in comprehensions and generator expressions (more_itertools'
islice_extended tests this)."""
import weakref
from collections import deque


class Obj:
    pass


class Source:
    def __init__(self, n):
        self.data = deque(Obj() for _ in range(n))
        self.refs = [weakref.ref(o) for o in self.data]

    def __iter__(self):
        return self

    def __next__(self):
        if not self.data:
            raise StopIteration
        return self.data.popleft()

    def state(self):
        return "".join("1" if r() is not None else "0" for r in self.refs)


def states(make):
    src = Source(4)
    g = make(src)
    out = [src.state()]
    while True:
        try:
            next(g)
            out.append(src.state())
        except StopIteration:
            out.append(src.state())
            break
    return " ".join(out)


def plain(it):
    for item in it:
        yield item is not None


def unpacked(it):
    for index, item in enumerate(it):
        yield index


def cached(it):
    cache = deque([next(it)], maxlen=1)
    for index, item in enumerate(it):
        yield cache.popleft() is not None
        cache.append(item)


def deleted(it):
    for item in it:
        del item
        yield 1


def zipped(it):
    for a, b in zip(it, range(10)):
        yield b


def nested(it):
    for i in range(2):
        for index, item in enumerate(it):
            yield index
            break


class AsyncSource:
    def __init__(self, src):
        self.src = src

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            return next(self.src)
        except StopIteration:
            raise StopAsyncIteration from None


async def async_for(src, out):
    async for item in AsyncSource(src):
        del item
        out.append(src.state())


for make in (plain, unpacked, cached, deleted, zipped, nested):
    print(make.__name__, states(make))

src, out = Source(3), []
try:
    async_for(src, out).send(None)
except StopIteration:
    print("async for", out, src.state())
print("genexp", states(lambda it: (index for index, item in enumerate(it))))

src = Source(4)
print("listcomp", [src.state() for index, item in enumerate(src)], src.state())
src = Source(3)
print("dictcomp", {index: src.state() for index, item in enumerate(src)}, src.state())
src = Source(3)
print("nested comp", [(i, src.state()) for i in range(1) for index, item in enumerate(src)])
