# The asend/athrow/aclose awaitables of async generators as of Python 3.13:
# "already running" and "cannot reuse" on send/throw/close, close() throwing
# GeneratorExit in, and the RuntimeWarning for one dropped unawaited.
import gc
import sys
import types
import warnings


def showwarning(message, category, filename, lineno, file=None, line=None):
    print("  warning:", category.__name__, message, "line", lineno)


warnings.showwarning = showwarning
warnings.simplefilter("always")


def unraisable(u):
    print("  unraisable:", u.exc_type.__name__, u.exc_value, u.err_msg, type(u.object).__name__)


sys.unraisablehook = unraisable


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except BaseException as e:
        print(label, "!!", type(e).__name__, e)


@types.coroutine
def _async_yield(v):
    return (yield v)


class MyExc(Exception):
    pass


print("-- awaitables made while another one runs the generator")


async def spinning():
    while True:
        try:
            await _async_yield(None)
        except MyExc:
            pass
    yield


ag = spinning()
a = ag.asend(None)
a.send(None)
b = ag.asend(None)
show("asend send", lambda: b.send(None))
show("asend send again", lambda: b.send(None))
show("asend throw again", lambda: b.throw(MyExc))
del b
for make in (lambda: ag.athrow(MyExc), ag.aclose):
    c = make()
    show("send", lambda: c.send(None))
    show("send again", lambda: c.send(None))
    del c
    c = make()
    show("throw", lambda: c.throw(MyExc))
    show("throw again", lambda: c.throw(MyExc))
    del c
    c = make()
    show("close", lambda: c.close())
    show("send after close", lambda: c.send(None))
    del c
c = ag.asend(None)
show("asend throw", lambda: c.throw(MyExc))
show("asend close", lambda: c.close())
show("asend send after close", lambda: c.send(None))
del c
show("running asend throw", lambda: a.throw(MyExc))
show("ag_running", lambda: ag.ag_running)
show("running asend close", lambda: a.close())
show("running asend send", lambda: a.send(None))
show("ag_running", lambda: ag.ag_running)
del a, ag
gc.collect()

print("-- dropped without being awaited")


async def one():
    yield 1


def drop():
    one().asend(None)


print("asend")
drop()
print("athrow")
one().athrow(MyExc)
print("aclose")
one().aclose()
print("__anext__")
one().__anext__()
print("anext with default")
anext(one(), 5)
for name, make in [("asend", lambda g: g.asend(None)), ("athrow", lambda g: g.athrow(MyExc)), ("aclose", lambda g: g.aclose())]:
    x = make(one())
    show(name + " close unstarted", lambda: x.close())
    del x
x = one().aclose()
show("aclose throw unstarted", lambda: x.throw(MyExc))
del x
x = one().athrow()
show("athrow() send", lambda: x.send(None))
del x
x = one().athrow(MyExc)
show("athrow send 1", lambda: x.send(1))
print("dropping it")
del x
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    g = one()
    g.asend(None)
    print("recorded", len(w), w[0].category.__name__, w[0].message, w[0].source is g)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        raise KeyError(1)
    except KeyError:
        g.aclose()
        print("handled still", repr(sys.exception()))
del g
gc.collect()

print("-- the same awaitable thrown into twice")


async def two():
    yield 1
    yield 2


for kind, exc in [("aclose", GeneratorExit), ("aclose", MyExc), ("athrow", MyExc)]:
    it = two()
    nxt = it.aclose() if kind == "aclose" else it.athrow(MyExc)
    show(kind + " throw " + exc.__name__, lambda: nxt.throw(exc))
    show("throw again", lambda: nxt.throw(exc))
    show("send again", lambda: nxt.send(None))
    show("close", lambda: nxt.close())
    show("ag_running", lambda: it.ag_running)
    show("anext", lambda: it.__anext__().send(None))

it = two()
x = it.asend(None)
show("asend throw unstarted", lambda: x.throw(MyExc))
show("asend throw again", lambda: x.throw(MyExc))
show("ag_running", lambda: it.ag_running)
it = two()
show("asend send", lambda: it.asend(None).send(None))
x = it.asend(None)
show("asend throw suspended", lambda: x.throw(MyExc))
show("ag_running", lambda: it.ag_running)
del x, it

print("-- close() of a running awaitable")


async def awaits_in_except():
    try:
        await _async_yield(None)
    except GeneratorExit:
        await _async_yield(None)
    return
    yield


ag = awaits_in_except()
gen = ag.asend(None)
gen.send(None)
show("asend close", lambda: gen.close())
show("ag_running", lambda: ag.ag_running)
show("asend close again", lambda: gen.close())


async def awaits_after_throw():
    try:
        yield
    except MyExc:
        try:
            await _async_yield(None)
        except GeneratorExit:
            await _async_yield(None)


ag2 = awaits_after_throw()
show("first", lambda: ag2.asend(None).send(None))
gen2 = ag2.athrow(MyExc)
show("athrow send", lambda: gen2.send(None))
show("athrow close", lambda: gen2.close())
show("ag_running", lambda: ag2.ag_running)


async def returns_on_exit():
    try:
        await _async_yield(1)
    except GeneratorExit:
        return
    yield


ag3 = returns_on_exit()
gen3 = ag3.asend(None)
gen3.send(None)
show("asend close, generator returns", lambda: gen3.close())
show("ag_running", lambda: ag3.ag_running)
show("send after", lambda: gen3.send(None))
ag4 = returns_on_exit()
show("aclose close unstarted", lambda: ag4.aclose().close())
ag5 = returns_on_exit()
gen5 = ag5.asend(None)
gen5.send(None)
gen6 = ag5.aclose()
show("aclose close while running", lambda: gen6.close())
show("aclose send after", lambda: gen6.send(None))
show("finish", lambda: gen5.throw(GeneratorExit))


async def yields_on_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


ag7 = yields_on_exit()
show("first", lambda: ag7.asend(None).send(None))
show("aclose throw GeneratorExit", lambda: ag7.aclose().throw(GeneratorExit))
show("ag_running", lambda: ag7.ag_running)
ag8 = yields_on_exit()
show("first", lambda: ag8.asend(None).send(None))
show("asend close", lambda: ag8.asend(None).close())
show("ag_running", lambda: ag8.ag_running)

print("-- anext of itself")


async def anext_self():
    try:
        await anext(me)
    except RuntimeError as e:
        print("inner", e)
    yield 123


me = anext_self()
an = me.__anext__()
show("outer", lambda: an.__next__())
show("outer again", lambda: an.send(None))
gc.collect()
print("done")
