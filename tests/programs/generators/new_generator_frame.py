"""The frame of a generator or coroutine that has not started is where
CPython's is (gi_frame.f_lasti and f_lineno: the "def" line), also when the
compiled function reuses the frame of an earlier run that ended elsewhere."""


def gen():
    yield 1
    yield 2


async def coro():
    return 1


def where(frame, code):
    return frame.f_lineno - code.co_firstlineno, frame.f_lasti


for round in range(3):
    g = gen()
    print("generator", round, where(g.gi_frame, gen.__code__))
    print(list(g), g.gi_frame)
    c = coro()
    print("coroutine", round, where(c.cr_frame, coro.__code__))
    try:
        c.send(None)
    except StopIteration as e:
        print("returned", e.value)

# Suspended in the middle, then a new one.
first = gen()
next(first)
# (Only its line: a suspended compiled generator's f_lasti is not at
# YIELD_VALUE, see doc/compiled-generator-types.md.)
print("suspended", where(first.gi_frame, gen.__code__)[0])
second = gen()
print("new beside it", where(second.gi_frame, gen.__code__))
del first
third = gen()
print("after dropping the suspended one", where(third.gi_frame, gen.__code__))
