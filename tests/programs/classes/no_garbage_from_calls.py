"""Calling classes and functions of the program leaves no cyclic garbage
behind for the next gc.collect() to find: the runtime must not make helper
objects (classes, functions) on the way (test_gc's callback test counts
them)."""
import gc


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


def make(n):
    return [Point(i, y=i) for i in range(n)]


gc.disable()
gc.collect()
Point(1)
Slotted(2)
make(3)
print("collected after first calls:", gc.collect())
loop = Point(5)
loop.me = loop
del loop
print("collected with one cycle:", gc.collect())
gc.enable()
