# Generator state inspection (gi_suspended is new in 3.11).
import inspect


def gen():
    yield 1
    yield 2


g = gen()
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_running)
next(g)
print(inspect.getgeneratorstate(g), g.gi_suspended)
print(sorted(inspect.getgeneratorlocals(g).items()))
list(g)
print(inspect.getgeneratorstate(g), g.gi_suspended)


def observe():
    yield inspect.getgeneratorstate(self_ref), self_ref.gi_suspended


self_ref = observe()
print(next(self_ref))
g = gen()
next(g)
g.close()
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_frame)
ge = (x for x in "ab")
print(inspect.getgeneratorstate(ge), ge.gi_suspended)
next(ge)
print(inspect.getgeneratorstate(ge))
