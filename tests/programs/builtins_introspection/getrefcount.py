# sys.getrefcount() counts the reference of its argument, as the
# interpreter's stack holds one: a local passed to it is not lent. (Counts
# of a value passed on through calls differ between versions, as 3.11+
# moves arguments into the called frame: not compared here.)
import gc
import sys
from sys import getrefcount


def locals_and_items():
    x = object()
    y = [x]
    print(sys.getrefcount(x), getrefcount(x), sys.getrefcount(y[0]), sys.getrefcount(y))
    z = x
    print(sys.getrefcount(x), getrefcount(z))
    del z
    print(sys.getrefcount(x))


locals_and_items()


class Finalization:
    def refcycle(self):
        finalized = False

        def gen():
            nonlocal finalized
            try:
                g = yield
                yield 1
            finally:
                finalized = True

        g = gen()
        next(g)
        g.send(g)
        print(sys.getrefcount(g) > 2, sys.getrefcount(g), finalized)
        del g
        gc.collect()
        print(finalized)


Finalization().refcycle()
