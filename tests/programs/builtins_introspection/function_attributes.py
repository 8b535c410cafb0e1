# Function attributes look like those of ordinary Python functions.
import types


def plain(a, b=1, *args, c, d=4, **kwargs) -> "ret":
    """Plain docstring."""
    return a


def no_doc():
    pass


def outer():
    def inner(x: int = 5):
        return x

    return inner


lam = lambda q, r=2: q


class Cls:
    def method(self, x=1):
        "method doc"
        return x

    @classmethod
    def cm(cls):
        pass

    @staticmethod
    def sm():
        pass

    class Nested:
        def deep(self):
            pass


for f in (plain, no_doc, outer(), lam, Cls.method, Cls.cm, Cls.sm, Cls.Nested.deep, Cls().method):
    print(f.__name__, "|", f.__qualname__, "|", f.__module__, "|", f.__doc__, "|", f.__defaults__, "|",
          getattr(f, "__kwdefaults__", "n/a"), "|", f.__annotations__)

print(plain.__kwdefaults__, plain.__dict__, type(plain).__name__, isinstance(plain, types.FunctionType))
plain.custom = "attribute"
plain.__dict__["other"] = 2
print(plain.custom, plain.other, sorted(plain.__dict__))
plain.__doc__ = "changed doc"
plain.__name__ = "renamed"
plain.__qualname__ = "Renamed.qual"
plain.__module__ = "fake.module"
print(plain.__doc__, plain.__name__, plain.__qualname__, plain.__module__)
print(repr(plain).startswith("<function Renamed.qual at 0x"))
try:
    plain.__name__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    plain.__qualname__ = None
except TypeError as e:
    print("TypeError", e)
try:
    del plain.__name__
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
plain.__dict__ = {"fresh": True}
print(plain.__dict__)
try:
    plain.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
plain.__annotations__ = {"new": int}
print(plain.__annotations__)
del plain.__annotations__
print(plain.__annotations__)
print(plain.__globals__ is globals(), plain.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else plain.__builtins__ is __builtins__)
print(outer().__closure__, outer.__closure__)
print(sorted(n for n in dir(no_doc) if not n.startswith("_")), "__code__" in dir(no_doc))
print(Cls.cm.__self__ is Cls, Cls.cm.__func__.__qualname__, type(Cls.cm).__name__, type(Cls.sm).__name__)
print(Cls().method.__func__ is Cls.method, Cls().method.__name__, Cls().method.__doc__)
print(callable(plain), plain.__call__.__name__, type(plain.__get__).__name__)
print(no_doc.__type_params__ if hasattr(no_doc, "__type_params__") else "no __type_params__ (pre 3.12)")
print(hash(no_doc) == hash(no_doc), no_doc == no_doc, no_doc != outer)
