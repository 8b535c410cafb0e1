# PEP 667 (3.13): locals() in functions is a fresh snapshot each call,
# frame.f_locals a write-through proxy; class __static_attributes__ and
# __firstlineno__.
import sys


def snapshots():
    x = 1
    a = locals()
    x = 2
    b = locals()
    a["x"] = 99
    return a["x"], b["x"], x, a is b


print(snapshots())


def proxy():
    x = 1
    f = sys._getframe()
    fl = f.f_locals
    fl["x"] = 42
    print(type(fl).__name__, x, fl["x"], "x" in fl, sorted(fl.keys()))
    fl["new"] = 5
    print(fl["new"], sorted(fl))
    try:
        del fl["x"]
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
    return x


print(proxy())


def closure():
    cell = "cell"

    def inner():
        return cell

    fl = sys._getframe().f_locals
    fl["cell"] = "changed"
    return inner(), sorted(locals())


print(closure())


def in_comprehension():
    y = 3
    return [sorted(locals()) for _ in range(1)], sorted(locals())


print(in_comprehension())


def exec_locals():
    z = 1
    exec("z = 2")
    return z, eval("z")


print(exec_locals())


@staticmethod
def decorated():
    pass


class Attrs:
    def __init__(self):
        self.a = 1
        self.b: int = 2
        (self.c, self.d) = (3, 4)
        other = self
        other.not_counted = 5

    def method(self):
        self.e = 5
        self.a += 1

    @classmethod
    def cm(cls):
        cls.f = 6


print(Attrs.__static_attributes__, Attrs.__firstlineno__)


@lambda c: c
class Decorated:
    pass


print(Decorated.__firstlineno__, Decorated.__static_attributes__)
