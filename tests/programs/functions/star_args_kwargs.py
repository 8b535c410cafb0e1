# *args and **kwargs: what is received, what is passed on, identity of the
# containers, mapping protocols and ordering.


def collect(*args, **kwargs):
    return args, kwargs


print(collect())
print(collect(1, 2, a=3))
print(type(collect(1)[0]).__name__, type(collect(a=1)[1]).__name__)

d = {"x": 1}
_, received = collect(**d)
received["y"] = 2
print(d, received, received is d)
lst = [1, 2]
args, _ = collect(*lst)
print(args, type(args).__name__)


def forward(*args, **kwargs):
    return collect(*args, **kwargs)


print(forward(1, b=2, a=1))
print(forward(*range(3), **dict.fromkeys("cba", 0)))


def positional_and_star(a, b=2, *rest, c, **opts):
    return a, b, rest, c, opts


print(positional_and_star(1, c=3))
print(positional_and_star(1, 2, 3, 4, c=5, d=6))
print(positional_and_star(*[1, 2, 3], **{"c": 4, "z": 0}))
print(positional_and_star(c=1, a=2))


def kwargs_named_like_params(a, **kwargs):
    return a, kwargs


print(kwargs_named_like_params(1, b=2, kwargs=3, self=4))
print(kwargs_named_like_params(**{"a": 1, "args": 2}))


class OrderedMap:
    def __init__(self, items):
        self.items = items

    def keys(self):
        return [k for k, _ in self.items]

    def __getitem__(self, key):
        for k, v in self.items:
            if k == key:
                return v
        raise KeyError(key)


print(collect(**OrderedMap([("z", 1), ("a", 2)])))


class DictSub(dict):
    def __getitem__(self, key):
        return "overridden"

    def keys(self):
        return ["k"]


print(collect(**DictSub(k="real")))
print(dict(**DictSub(k="real")))


def star_only(*, a):
    return a


print(star_only(**{"a": 5}))
try:
    collect(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError", e)
try:
    collect(*1)
except TypeError as e:
    print("TypeError", e)
try:
    collect(**None)
except TypeError as e:
    print("TypeError", e)


class KeysNotCallable:
    keys = 5


try:
    collect(**KeysNotCallable())
except TypeError as e:
    print("TypeError", e)


class BadKeysIter:
    def keys(self):
        return [1]

    def __getitem__(self, k):
        return k


try:
    collect(**BadKeysIter())
except TypeError as e:
    print("TypeError", e)


def count_args(*args):
    return len(args)


print(count_args(*range(1000)))
print(count_args(*"abc", *b"de", *{1: 2}, *(x for x in range(2))))
print(collect(*[], **{}))
big = {"k%d" % i: i for i in range(50)}
print(len(collect(**big)[1]), list(collect(**big)[1])[:3])
print(max(*[3, 1, 2]), max([3, 1, 2]), min(1, 2, key=lambda v: -v))
print("{0}-{1}-{name}".format(*"ab", **{"name": "n"}))


def mutate_kwargs(**kw):
    kw["added"] = True
    return kw


base = {"orig": 1}
print(mutate_kwargs(**base), base)


def modify_args(*args):
    args = args + (99,)
    return args


print(modify_args(1))


# A lone *value: an exact tuple reaches a tp_call unchanged (CPython's
# CALL_FUNCTION_EX), other iterables become a new tuple, and the iterable
# check happens after the keyword arguments are evaluated.
class ReturnsArgs:
    def __call__(self, *a, **k):
        return a


def trace(label, value):
    print("evaluate", label)
    return value


star_tuple = (1, 2, 3)
print("same tuple (Python callee)", ReturnsArgs()(*star_tuple) is star_tuple)
print("list star", ReturnsArgs()(*[1, 2]), ReturnsArgs()(*range(3), k=1))


class TupleSub(tuple):
    pass


print(type(ReturnsArgs()(*TupleSub((1,)))).__name__)
def takes(*a, **k):
    return a


try:
    takes(*trace("star", 5), k=trace("keyword", 1))
except TypeError as e:
    print("TypeError", e)
try:
    takes(*trace("star", None), **trace("mapping", {"a": 1}))
except TypeError as e:
    print("TypeError", e)


def gen_star():
    yield 1
    yield 2


print(ReturnsArgs()(*gen_star()))
