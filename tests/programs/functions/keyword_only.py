# Keyword-only arguments.
import inspect


def call(f, *args, **kwargs):
    try:
        print(f.__name__, args, kwargs, "->", f(*args, **kwargs))
    except TypeError as e:
        print(f.__name__, args, kwargs, "-> TypeError:", e)


def ko(*, a, b=2):
    return a, b


def ko_after_args(x, *args, y, z=0):
    return x, args, y, z


def ko_kwargs(a, *, b, **kw):
    return a, b, kw


def ko_many(*, a, b, c, d=4):
    return a, b, c, d


call(ko, a=1)
call(ko, b=3, a=1)
call(ko)
call(ko, 1)
call(ko, 1, a=2)
call(ko, a=1, c=2)
call(ko_after_args, 1, 2, 3, y=4)
call(ko_after_args, 1, y=4, z=5)
call(ko_after_args, 1, 2)
call(ko_after_args, y=1)
call(ko_kwargs, 1, b=2, c=3, d=4)
call(ko_kwargs, 1, 2)
call(ko_kwargs, a=1, b=2)
call(ko_kwargs, 1, **{"b": 2, "zz": 9})
call(ko_many)
call(ko_many, a=1)
call(ko_many, b=1)
call(ko_many, 1, 2)
call(ko_many, a=1, b=2, c=3)
print(ko.__kwdefaults__, ko_many.__kwdefaults__, ko_kwargs.__kwdefaults__)
print(ko.__code__.co_kwonlyargcount, ko_after_args.__code__.co_kwonlyargcount)
for f in (ko, ko_after_args, ko_kwargs, ko_many):
    sig = inspect.signature(f)
    print(f.__name__, sig, [(p.name, p.kind.name) for p in sig.parameters.values()])


class C:
    def m(self, *, key):
        return key

    def __init__(self, *, size=1):
        self.size = size

    def __repr__(self):
        return "C(size=%r)" % self.size


call(C().m, key="v")
call(C().m, "v")
call(C, size=3)
call(C, 3)
print(sorted([3, 1, 2], key=lambda v: -v, reverse=True))
try:
    sorted([1], lambda v: v)
except TypeError as e:
    print("TypeError", e)
