# gi_yieldfrom / cr_await are None while the generator runs (also when it
# drives its sub-iterator), and a generator lambda returns its body's value.
import inspect
import types

def a():
    print("a running:", gen_b.gi_yieldfrom, inspect.getgeneratorstate(gen_b))
    yield 1
    print("a again:", gen_b.gi_yieldfrom)

def b():
    print("b start:", gen_b.gi_yieldfrom)
    r = yield from a()
    print("b after:", gen_b.gi_yieldfrom, r)
    yield 2

gen_b = b()
print(gen_b.gi_yieldfrom)
print(next(gen_b))
print("suspended:", gen_b.gi_yieldfrom.__name__)
print(next(gen_b))
print(gen_b.gi_yieldfrom)

@types.coroutine
def sleeper():
    print("sleeper sees cr_await:", co.cr_await)
    yield "s"

async def c():
    print("c sees cr_await:", co.cr_await)
    await sleeper()

co = c()
print(co.cr_await)
print(co.send(None))
print(co.cr_await.__name__)
try:
    co.send(None)
except StopIteration:
    print("done", co.cr_await)

def lam_gen():
    f = lambda: (yield 1)
    def g(): return (yield 1)
    f2 = lambda: (yield from g())
    f3 = lambda: (yield from f())
    for fn in (f, g, f2, f3):
        gen = fn()
        print(next(gen))
        try:
            gen.send(2)
        except StopIteration as e:
            print("value", e.value)
lam_gen()
