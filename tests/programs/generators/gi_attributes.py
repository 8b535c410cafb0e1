# gi_frame, gi_running, gi_code, gi_yieldfrom and frame details of
# suspended generators.
import sys


def show_frame(label, gen):
    frame = gen.gi_frame
    if frame is None:
        print(label, "frame: None")
    else:
        print(label, "f_lineno:", frame.f_lineno, "co_name:", frame.f_code.co_name,
              "locals:", sorted(frame.f_locals.items()))


def worker(n):
    total = 0
    for i in range(n):
        total += i
        yield total
    tail = "done"
    yield tail


g = worker(3)
print(g.gi_code.co_name, g.gi_code.co_filename == __file__, g.gi_code.co_firstlineno, g.gi_code is worker.__code__)
print(g.gi_code.co_varnames[:3], g.gi_code.co_argcount)
show_frame("before start", g)
print("running before start:", g.gi_running)
next(g)
show_frame("after first next", g)
next(g)
next(g)
show_frame("third", g)
next(g)
show_frame("tail", g)
for _ in g:
    pass
show_frame("exhausted", g)
print("gi_running after exhaustion", g.gi_running, "gi_yieldfrom", g.gi_yieldfrom)


def sub():
    yield "sub-1"
    yield "sub-2"


def delegating():
    yield "own"
    yield from sub()
    yield "own again"


d = delegating()
print(d.gi_yieldfrom)
next(d)
print(d.gi_yieldfrom)
next(d)
inner = d.gi_yieldfrom
print(type(inner).__name__, inner.__name__, inner.gi_frame.f_code.co_name, inner.gi_frame.f_lineno)
print("outer frame line while delegating", d.gi_frame.f_lineno)
next(d)
next(d)
print(d.gi_yieldfrom)


def introspect_self():
    frame = sys._getframe()
    yield frame.f_code.co_name, frame.f_back.f_code.co_name
    yield me.gi_running, me.gi_frame is sys._getframe()


me = introspect_self()
print(next(me))
print(next(me))


def caller_frames():
    yield sys._getframe(1).f_code.co_name


def consume():
    return next(caller_frames())


print(consume())


def gen_locals(a, b=2):
    c = a + b
    yield
    d = c * 2
    yield


g = gen_locals(1)
print(sorted(g.gi_frame.f_locals))
next(g)
print(sorted(g.gi_frame.f_locals.items()))
next(g)
print(sorted(g.gi_frame.f_locals.items()))
print(g.gi_frame.f_globals is globals(), g.gi_frame.f_code.co_filename == __file__)
g.close()
print(g.gi_frame)


class Container:
    def items(self):
        yield self


c = Container()
gen = c.items()
print(gen.__qualname__, gen.gi_code.co_qualname if hasattr(gen.gi_code, "co_qualname") else "n/a")
print(gen.gi_frame.f_locals["self"] is c)
ge = (x for x in range(3))
print(ge.gi_code.co_name, ge.gi_frame.f_lineno, sorted(ge.gi_frame.f_locals))
next(ge)
print(sorted(ge.gi_frame.f_locals))
