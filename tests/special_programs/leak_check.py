# Reference leak check: call compiled functions, methods, closures and
# generators a million times and report whether memory stayed flat.
import gc
import sys


def rss_pages():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1])


def plain(a, b=2, *args, c=3, **kwargs):
    return a + b + c + len(args) + len(kwargs)


def make_closure(n):
    def closure(x):
        return x + n

    return closure


def counter_closure():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


def gen(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    return total


def delegating(n):
    result = yield from gen(n)
    return result


class Thing:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def method(self, x):
        return self.value + x

    @property
    def prop(self):
        return self.value * 2

    @classmethod
    def cm(cls, x):
        return cls(x)

    @staticmethod
    def sm(x):
        return x

    def __add__(self, other):
        return Thing(self.value + other.value)


class Base:
    def hello(self):
        return "base"


class Derived(Base):
    def hello(self):
        return super().hello() + "!"


class MyError(Exception):
    pass


def raiser(i):
    raise MyError("error %d" % i)


class Slots:
    pass


def unpackings(i):
    # The optimizer's lowered forms (nuitka/optimization/unpacking.py).
    a, b = i, i + 1
    a, b = b, a
    c, d, e = (a, b, i)
    f, *g = [c, d, e]
    h, j = iter((f, e))
    o, k = Slots(), {}
    o.x, k["y"], (m, n) = (a, [b], "mn")
    try:
        p, q = [1, 2, 3]
    except ValueError:
        p = q = 0
    return a + b + c + d + e + f + len(g) + h + j + o.x + len(k["y"]) + len(m + n) + p + q


async def coro(n):
    return n + 1


def await_once(i):
    try:
        coro(i).send(None)
    except StopIteration as stop:
        return stop.value


def one_round(i):
    total = plain(i)
    total += unpackings(i) + await_once(i)
    total += plain(i, 1, 2, 3, c=4, d=5)
    total += make_closure(i)(1)
    inc = counter_closure()
    inc()
    total += inc()
    t = Thing(i)
    total += t.method(1) + t.prop + Thing.cm(i).value + Thing.sm(i)
    total += (t + t).value
    total += len(Derived().hello())
    g = gen(3)
    total += next(g)
    total += g.send(5)
    g.close()
    d = delegating(3)
    for v in d:
        total += v
    total += sum(x * 2 for x in range(3))
    total += len([x for x in range(3)]) + len({x: x for x in range(2)})
    total += (lambda q: q + 1)(i)
    try:
        raiser(i)
    except MyError as e:
        total += len(e.args)
    s = "%d-%s" % (i, "x")
    total += len(s) + len(f"{i}{s!r}")
    return total


def run(n):
    total = 0
    for i in range(n):
        total += one_round(i)
    return total


WARMUP = 20000
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000

run(WARMUP)
gc.collect()
blocks_before = sys.getallocatedblocks()
rss_before = rss_pages()

run(ROUNDS)
gc.collect()
blocks_after = sys.getallocatedblocks()
rss_after = rss_pages()

# A leak of one object per call over ROUNDS rounds shows up as hundreds of
# thousands of blocks; allow a little noise (caches, interned strings).
blocks_grew = blocks_after - blocks_before
rss_grew_kib = (rss_after - rss_before) * 4
print("blocks grew by", blocks_grew, file=sys.stderr)
print("rss grew by KiB", rss_grew_kib, file=sys.stderr)
print("blocks flat:", blocks_grew < 2000)
print("rss flat:", rss_grew_kib < 8 * 1024)
