# A program's builtins.__import__ hook sees the imports the program makes,
# and none that the compiled code's runtime needs for class statements,
# class calls, generators, coroutines and async generators (click's
# test_light_imports records every import a module makes).
import builtins

seen = []
real_import = builtins.__import__


def tracking_import(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, tuple(fromlist or ()), level))
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = tracking_import


class Plain:
    pass


class WithInit:
    def __init__(self, x):
        self.x = x


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


print("classes:", seen)
seen.clear()

print(WithInit(3).x, type(WithMeta).__name__)
print("class calls:", seen)
seen.clear()


def gen():
    yield 1


async def coro():
    return 2


async def agen():
    yield 3


print(list(gen()))
c = coro()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine result", e.value)
a = agen()
try:
    a.asend(None).send(None)
except StopIteration as e:
    print("async generator value", e.value)
print("generators:", seen)
seen.clear()

import colorsys

print("own import:", [s for s in seen if s[0] == "colorsys"])
builtins.__import__ = real_import
