# sys.unraisablehook receives errors from __del__ and generator finalisation.
import sys


def hook(unraisable):
    print("unraisable:", type(unraisable.exc_value).__name__, unraisable.exc_value,
          "| object type:", type(unraisable.object).__name__)


sys.unraisablehook = hook


class D:
    def __del__(self):
        raise KeyError("from __del__")


d = D()
del d


def gen():
    try:
        yield 1
    finally:
        raise OSError("from generator finally")


g = gen()
next(g)
del g
print("done")
