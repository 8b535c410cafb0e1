# Several lambdas, comprehensions and functions that share a name and a line
# (before 3.11 code objects have no columns and equal ones are stored once):
# each must get its own variables, defaults, closures and code attributes.
import traceback


def show(f):
    c = f.__code__
    print(f.__qualname__, c.co_varnames, c.co_freevars, c.co_cellvars, c.co_argcount,
          c.co_kwonlyargcount, c.co_firstlineno, f.__defaults__, f.__kwdefaults__)


b = [lambda x: x, lambda y: y * 2, lambda x: x]
for f in b:
    show(f)
print(b[0](x=1), b[1](y=2), b[2](x=3))
print(b[0].__code__ is b[2].__code__, b[0].__code__ == b[2].__code__)

h = lambda a=lambda q: q + 1: a(1)
show(h)
show(h.__defaults__[0])
print(h(), h(lambda r: r * 10))

k = lambda a=lambda b=lambda c: c: b: a
show(k)
show(k())
show(k()())
print(k()()(5))

nested = lambda: lambda: lambda z: z; nested2 = lambda: lambda: lambda w: w
show(nested()())
show(nested2()())
print(nested()()(z=1), nested2()()(w=2))

x = 10
pair = [lambda: x, lambda x=x: x, lambda *, x=x: x, lambda x: (lambda: x)]
for f in pair:
    show(f)
print(pair[0](), pair[1](), pair[2](), pair[3](7)())
show(pair[3](1))


def deco(arg):
    def wrap(f):
        f.tag = arg
        return f
    return wrap


@deco(lambda v: v - 1)
def decorated(p=lambda p: p * 3):
    return p


print(decorated.tag(5), decorated()(5))
show(decorated)
show(decorated.tag)
show(decorated())


def outer1():
    def inner(a):
        return a
    return inner


def outer2():
    def inner(b):
        return b
    return inner


def outer3():
    def inner(a):
        return a
    return inner


for o in (outer1, outer2, outer3):
    show(o())
print(outer1()(a=1), outer2()(b=2), outer3()(a=3))

comps = [[i for i in range(3)], [j * 2 for j in range(3)], [i for i in range(3)]]
print(comps)
gens = (list(a for a in "ab"), list(b + b for b in "cd"), list(a for a in "ef"))
print(gens)
d = {k: v for k, v in [(1, 2)]}, {v: k for k, v in [(1, 2)]}, sorted({k for k in "xy"}), {v for v in "zz"}
print(d)

nest = [[y for y in range(x)] for x in range(3)], [[x for x in range(y)] for y in range(3)]
print(nest)


class A:
    f = lambda self: "A.f"; g = lambda self, o: o
    h = [lambda: 1, lambda: 2]


print(A().f(), A().g(o=1), [f() for f in A.h])
show(A.f)
show(A.g)


def failing():
    return [lambda: 1 / 0, lambda: [][0], lambda: {}["k"]]


for f in failing():
    try:
        f()
    except Exception:
        traceback.print_exc()

try:
    (lambda a: a)(b=1)
except TypeError as e:
    print(e)
try:
    (lambda b: b)(a=1)
except TypeError as e:
    print(e)
