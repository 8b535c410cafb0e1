# Positional-only parameters and the errors around them.


def call(f, *args, **kwargs):
    try:
        print(f.__name__, args, kwargs, "->", f(*args, **kwargs))
    except TypeError as e:
        print(f.__name__, args, kwargs, "-> TypeError:", e)


def po(a, b, /):
    return (a, b)


def po_default(a, b=2, /, c=3):
    return (a, b, c)


def po_kwargs(a, /, **kwargs):
    return (a, kwargs)


def po_all(a, /, b, *, c):
    return (a, b, c)


def po_star(a, /, *args, b):
    return (a, args, b)


call(po, 1, 2)
call(po, 1)
call(po, 1, b=2)
call(po, a=1, b=2)
call(po, 1, 2, 3)
call(po_default, 1)
call(po_default, 1, 5)
call(po_default, 1, c=9)
call(po_default, 1, 2, 3)
call(po_default, 1, b=2)
call(po_default, a=1)
call(po_default)
call(po_kwargs, 1, a=2)
call(po_kwargs, 1, b=2, c=3)
call(po_kwargs, a=1)
call(po_all, 1, 2, c=3)
call(po_all, 1, b=2, c=3)
call(po_all, a=1, b=2, c=3)
call(po_all, 1, 2, 3)
call(po_all, 1, 2)
call(po_star, 1, 2, 3, b=4)
call(po_star, 1, b=4)
call(po_star, b=4)
call(po_star, 1, 2)
print(po.__code__.co_posonlyargcount, po_default.__code__.co_posonlyargcount)
print(po_default.__defaults__)


class K:
    def method(self, x, /, y):
        return (x, y)

    @classmethod
    def cm(cls, x, /):
        return (cls.__name__, x)

    @staticmethod
    def sm(x, /):
        return x


k = K()
call(k.method, 1, 2)
call(k.method, 1, y=2)
call(k.method, x=1, y=2)
call(K.cm, 1)
call(K.cm, x=1)
call(K.sm, 5)
call(K.sm, x=5)
call(lambda a, /: a, 1)
call(lambda a, /: a, a=1)
import inspect

for f in (po, po_default, po_kwargs, po_all, po_star, K.method):
    print(f.__name__, inspect.signature(f))
print(divmod(7, 2))
try:
    divmod(a=7, b=2)
except TypeError as e:
    print("TypeError", e)
