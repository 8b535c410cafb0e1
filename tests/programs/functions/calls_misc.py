# Calls of all kinds: callable objects, bound methods of builtins, keyword
# order, return forms, functions as values.


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *, times=1):
        return (x + self.n) * times


add3 = Adder(3)
print(add3(1), add3(1, times=2), callable(add3), callable(Adder), callable(3))


def returns_nothing():
    pass


def returns_bare():
    return


def returns_tuple():
    return 1, 2


def returns_starred():
    rest = [3, 4]
    return 1, *rest


def early_return(x):
    if x:
        return "early"
    print("not early")
    return "late"


print(returns_nothing(), returns_bare(), returns_tuple(), returns_starred())
print(early_return(1), early_return(0))

upper = "abc".upper
print(upper(), upper.__name__, upper.__self__, type(upper).__name__)
append = [].append
append(1)
print(append.__self__)
print(str.join("-", ["a", "b"]), list.__len__([1, 2]), dict.fromkeys("ab"))

funcs = {"sq": lambda x: x * x, "neg": lambda x: -x, "str": str}
print({k: f(4) for k, f in funcs.items()})
print(list(map(len, ["a", "bb"])), list(filter(None, [0, 1, "", "x"])))
print(sorted(["b", "A", "c"], key=str.lower), max("abc", key=ord))


def kwargs_order(**kw):
    return list(kw)


print(kwargs_order(z=1, a=2, m=3), kwargs_order(**{"b": 1}, a=2))


def call_with_side_effects():
    order = []

    def arg(name):
        order.append(name)
        return name

    def target(*args, **kwargs):
        return args, kwargs

    target(arg("p1"), arg("p2"), k1=arg("k1"), *[arg("star")], k2=arg("k2"), **{arg("dd"): 1})
    return order


print(call_with_side_effects())


def generator_argument(it):
    return sum(it)


print(generator_argument(x * x for x in range(4)))
print(sum(x for x in range(5)), "".join(c.upper() for c in "hi"))


class Chain:
    def __init__(self):
        self.calls = []

    def step(self, name):
        self.calls.append(name)
        return self


print(Chain().step("a").step("b").step("c").calls)
print((lambda *a, **k: (a, k))(1, x=2))
print(type(print).__name__, type(len).__name__, type(Adder.__call__).__name__, type(add3.__call__).__name__)


def recursive_default_call(n=3):
    return n if n == 0 else recursive_default_call(n - 1)


print(recursive_default_call())
import functools

p = functools.partial(kwargs_order, a=1)
print(p(b=2), p.args, p.keywords, p.func is kwargs_order)
p2 = functools.partial(Adder(10), times=3)
print(p2(1))
print(getattr(add3, "__call__")(2))
result = (yield_is_not_used := returns_tuple())
print(result)
