# A finished generator's heap struct of temporaries is kept for the next
# generator of the same function, and a finished generator skips the
# finalizer call at deallocation. Generators abandoned while temporaries are
# live across a yield, finished by an exception, closed, or never started
# must leave nothing behind for the next one.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


def combine(*parts):
    return "+".join(str(p) for p in parts)


def gen(tag, fail=False):
    # Temporaries (Noisy(...) and the first argument) are live across each yield.
    r = combine(Noisy(tag + "-a"), (yield 1), (yield 2), Noisy(tag + "-b"))
    if fail:
        raise ValueError(tag)
    yield r


g = gen("one")
print(next(g), g.send("x"), g.send("y"))
print(next(g, "end"), next(g, "end"))

g = gen("abandoned")
print(next(g), g.send("x"))
del g
gc.collect()

g = gen("closed")
next(g)
g.close()
print("closed")

g = gen("never")
del g

g = gen("fails", fail=True)
next(g)
g.send(1)
try:
    g.send(2)
except ValueError as e:
    print("ValueError", e)

for i in range(3):
    g2 = gen("it%d" % i)
    print([next(g2), g2.send(i), g2.send(-i)])
    del g2
gc.collect()


async def coro(n, fail=False):
    if fail:
        raise KeyError(n)
    return n * 2


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
    except KeyError as e:
        return "KeyError %s" % e


print([run(coro(i, fail=i % 2 == 1)) for i in range(6)])
c = coro(9)
del c  # never awaited: RuntimeWarning as in CPython
gc.collect()
print(run(coro(10)))
