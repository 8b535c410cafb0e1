# Conditional expressions and lambdas (defaults, closures, late binding).


def v(x):
    print("eval", x)
    return x


print(v("yes") if v(1) else v("no"))
print(v("yes") if v(0) else v("no"))
print("a" if 0 else "b" if 0 else "c" if 1 else "d")
print(("x" if True else "y") + ("z" if False else "w"))
x = 3
sign = "neg" if x < 0 else "zero" if x == 0 else "pos"
print(sign)
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
print((lambda: 1 if 1 else 2)())

add = lambda a, b=10, *args, c=5, **kw: (a, b, args, c, kw)
print(add(1))
print(add(1, 2, 3, 4, c=6, d=7))
print(add.__name__, add.__qualname__, add.__defaults__, add.__kwdefaults__)
print((lambda *a: a)(1, 2), (lambda **k: sorted(k))(b=1, a=2), (lambda: None)())
print((lambda x, /, y: (x, y))(1, y=2))

fns = [lambda: i for i in range(3)]
print([fn() for fn in fns])
fns = [lambda i=i: i for i in range(3)]
print([fn() for fn in fns])


def make_adder(n):
    return lambda x: x + n


add5 = make_adder(5)
print(add5(1), add5.__closure__[0].cell_contents, add5.__qualname__)

counter = 0
inc = lambda: globals().__setitem__("counter", counter + 1)
inc()
inc()
print(counter)

fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, lambda y: y * 2)(21))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda p: p[0] * p[1], zip(range(4), range(4, 8)))))
print((lambda: (yield))().__class__.__name__)

default_list = lambda acc=[]: (acc.append(len(acc)), acc)[1]
print(default_list(), default_list(), default_list([9]))

try:
    (lambda a, b: 0)(1)
except TypeError as e:
    print("TypeError", e)
try:
    (lambda: 0)(1)
except TypeError as e:
    print("TypeError", e)
try:
    (lambda *, k: 0)()
except TypeError as e:
    print("TypeError", e)

nested = lambda a: lambda b: lambda c: a + b + c
print(nested(1)(2)(3), nested.__qualname__, nested(1).__qualname__, nested(1)(2).__qualname__)
