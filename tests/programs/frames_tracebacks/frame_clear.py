# frame.clear() and traceback.clear_frames() on frames of running functions
# must not touch their variables ("cannot clear an executing frame"), as
# unittest's assertRaises does with the frames of the traceback it caught.
import sys
import traceback


class Swallow:
    def __enter__(self):
        return self

    def __exit__(self, tp, value, tb):
        self.tp = tp
        traceback.clear_frames(tb)
        return True


def needs_two(a, b):
    return a + b


def caller(arg):
    local = "kept"
    with Swallow() as cm:
        needs_two(1)
    print("after clear_frames:", arg, local, cm.tp.__name__)


caller("arg")


def clear_self():
    value = [1, 2]
    frame = sys._getframe()
    try:
        frame.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("value still there:", value)


clear_self()


def outer():
    inner_value = "outer's"

    def inner():
        try:
            sys._getframe(1).clear()
        except RuntimeError as e:
            print("caller frame:", e)

    inner()
    print(inner_value)


outer()


def finished():
    x = "gone after clear"
    return sys._getframe()


frame = finished()
print(sorted(frame.f_locals))
frame.clear()
print(sorted(frame.f_locals))


def gen():
    y = 1
    yield sys._getframe()
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("generator:", e)
    yield y


g = gen()
next(g)
print(next(g))
