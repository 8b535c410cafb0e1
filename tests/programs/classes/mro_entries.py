# __mro_entries__ on non-class bases (PEP 560), __orig_bases__, resolve_bases.
import types


class Real:
    def hello(self):
        return "hello from Real"


class Fake:
    def __mro_entries__(self, bases):
        print("__mro_entries__ called with", [getattr(b, "__name__", type(b).__name__) for b in bases])
        return (Real,)


fake = Fake()


class UsesFake(fake):
    pass


print(UsesFake.__bases__, UsesFake.__orig_bases__ == (fake,), UsesFake().hello())


class Mixin:
    pass


class MultipleEntries:
    def __mro_entries__(self, bases):
        return (Real, Mixin)


class UsesMultiple(MultipleEntries(), object):
    pass


print([b.__name__ for b in UsesMultiple.__bases__], [k.__name__ for k in UsesMultiple.__mro__])


class EmptyEntries:
    def __mro_entries__(self, bases):
        return ()


class UsesEmpty(EmptyEntries()):
    pass


print(UsesEmpty.__bases__)


class NoOrigBases(Real):
    pass


print(hasattr(NoOrigBases, "__orig_bases__"), "__orig_bases__" in NoOrigBases.__dict__)

print(types.resolve_bases((fake, Mixin)))
Made = types.new_class("Made", (fake,), {}, lambda ns: ns.update({"x": 1}))
print(Made.__bases__, Made.x, Made.__orig_bases__ == (fake,))


class BadEntries:
    def __mro_entries__(self, bases):
        return [Real]


try:
    class UsesBad(BadEntries()):
        pass
except TypeError as e:
    print("TypeError", e)


class NotABase:
    pass


try:
    class UsesInstance(NotABase()):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    type("Direct", (fake,), {})
except TypeError as e:
    print("TypeError", e)

import typing

T = typing.TypeVar("T")


class G(typing.Generic[T], Real):
    pass


print([k.__name__ for k in G.__mro__], G.__orig_bases__)
from collections import namedtuple


class NT(namedtuple("NT", "a b")):
    def total(self):
        return self.a + self.b


print(NT(1, 2).total(), NT.__bases__[0].__name__)
