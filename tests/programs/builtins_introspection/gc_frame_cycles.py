# A frame kept in its own local (a reference cycle) is one object for
# gc.collect(), as in CPython.
import gc, sys
def f():
    frame = sys._getframe()
gc.collect()
f()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
def g():
    frame = sys._getframe()
    return 1
gc.collect()
for i in range(3): g()
print(gc.collect())
