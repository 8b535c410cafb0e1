# Generator basics: iteration protocol, return values, names, state.


def countdown(n):
    print("starting countdown", n)
    while n > 0:
        yield n
        n -= 1
    print("countdown done")
    return "finished"


g = countdown(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print("nothing printed before first next")
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again StopIteration value:", e.value)
print(list(countdown(2)))
for v in countdown(2):
    print("for got", v)


def no_yield_reached():
    if False:
        yield
    return 5


g = no_yield_reached()
try:
    next(g)
except StopIteration as e:
    print("immediate return", e.value)


def yield_expressions():
    x = yield
    print("received", x)
    y = yield x
    print("received", y)
    z = yield (x, y)
    return z


g = yield_expressions()
print(next(g))
print(g.send("first"))
print(g.send("second"))
try:
    g.send("third")
except StopIteration as e:
    print("return value", e.value)


def yield_in_expressions():
    a = (yield 1) + (yield 2)
    yield a
    yield [(yield "in list"), (yield "also in list")]


g = yield_in_expressions()
print(next(g), g.send(10), g.send(20), g.send(None), g.send("x"), g.send("y"))


def generator_with_args(a, b=2, *args, k=3, **kw):
    yield a
    yield b
    yield args
    yield k
    yield kw


print(list(generator_with_args(1, 5, 6, k=7, z=8)))


class WithGeneratorMethod:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for item in self.items:
            yield item * 2

    def method_gen(self):
        yield from self.items

    @staticmethod
    def static_gen():
        yield "static"

    @classmethod
    def class_gen(cls):
        yield cls.__name__


w = WithGeneratorMethod([1, 2])
print(list(w), list(w.method_gen()), list(WithGeneratorMethod.static_gen()), list(w.class_gen()))
print(w.method_gen().__qualname__)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])


def gen_returning_none():
    yield 1
    return


g = gen_returning_none()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
print(next(iter([]), "default"), next(gen_returning_none()), next(countdown(0), "empty default"))
g1 = countdown(1)
g2 = countdown(1)
print(g1 is g2, g1 == g2, iter(g1) is g1)
print(list(zip(countdown(3), "ab")))
lam_gen = lambda: (yield "from lambda")
print(list(lam_gen()))
import inspect

print(inspect.isgeneratorfunction(countdown), inspect.isgenerator(countdown(1)), inspect.isgeneratorfunction(lam_gen))
print(countdown.__code__.co_flags & inspect.CO_GENERATOR != 0)
