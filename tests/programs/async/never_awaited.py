"""'coroutine ... was never awaited' warnings (stderr is compared)."""

import gc
import sys
import warnings


async def job(x):
    return x


async def other():
    await job(1)


job(1)
print("after module level")


def make_and_drop():
    c = job(2)
    print("made", c.__qualname__)


make_and_drop()

c = other()
c.close()
print("closed: no warning")

c = other()
try:
    c.send(None)
except StopIteration:
    print("ran: no warning")
del c

sys.set_coroutine_origin_tracking_depth(3)
job(3)
sys.set_coroutine_origin_tracking_depth(0)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    job(4)
    gc.collect()
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    job(5)
print("error filter: reported as unraisable")


class Holder:
    pass


h = Holder()
h.self = h
h.coro = job(6)
del h
gc.collect()
print("end")

# Still referenced at exit: warned while the interpreter shuts down.
leftover = [job(7), job(8)]
