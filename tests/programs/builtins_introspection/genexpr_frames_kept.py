# The frame of a generator expression consumed by a builtin, kept after it
# finished (sys._getframe(), a traceback): its f_back as a finished
# generator frame has it (None before 3.12, the caller from 3.12 on).
import sys
def kept():
    return list(sys._getframe() for _ in "ab")
print(kept()[0].f_back)
def kept2():
    g = (sys._getframe() for _ in "ab")
    a = next(g)
    return a, g
a, g = kept2()
print(a.f_back)
def k3():
    try:
        list(1/0 for _ in "a")
    except Exception as e:
        return e.__traceback__.tb_next.tb_frame
print(k3().f_back)
