# Assorted special methods: __repr__/__str__ fallbacks, __bool__/__len__,
# __iter__ = None, __reversed__, __missing__, __length_hint__, __del__,
# __init__ failures, __index__ in various places, context of __repr__ errors.


class NoStr:
    def __repr__(self):
        return "NoStr-repr"


class NoRepr:
    pass


print(str(NoStr()), repr(NoStr()), f"{NoStr()}", [NoStr()], "%s" % NoStr())
print(repr(NoRepr()).startswith("<__main__.NoRepr object at 0x"))


class BadRepr:
    def __repr__(self):
        return 5


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)


class BadStr:
    def __str__(self):
        return None


try:
    str(BadStr())
except TypeError as e:
    print("TypeError", e)


class NotIterable:
    __iter__ = None


try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError", e)
try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print("TypeError", e)


class NoContains:
    __contains__ = None

    def __iter__(self):
        return iter([1])


try:
    1 in NoContains()
except TypeError as e:
    print("TypeError", e)


class Rev:
    def __reversed__(self):
        return iter("reversed!")


print(list(reversed(Rev())))


class NotReversible:
    def __len__(self):
        return 1

    __reversed__ = None


try:
    reversed(NotReversible())
except TypeError as e:
    print("TypeError", e)


class Hint:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration

    def __length_hint__(self):
        return 7


import operator

print(operator.length_hint(Hint()), list(Hint()))


class Finalized:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


def scope():
    f = Finalized("local")
    print("leaving scope")


scope()
x = Finalized("rebound")
x = None
print("after rebinding")
lst = [Finalized("in list")]
del lst
print("after del list")


class FailingInit:
    def __init__(self):
        raise ValueError("init failed")

    def __del__(self):
        print("__del__ of partially initialised object")


try:
    FailingInit()
except ValueError as e:
    print("ValueError", e)


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


for n in (0, 3):
    print(n, bool(Sized(n)), len(Sized(n)), "truthy" if Sized(n) else "falsy")
try:
    len(Sized(-1))
except ValueError as e:
    print("ValueError", e)
try:
    len(Sized("3"))
except TypeError as e:
    print("TypeError", e)


class Idx:
    def __index__(self):
        return 2


print([0, 1, 2, 3][Idx()], hex(Idx()), range(Idx()), "abcd"[:Idx()], (1, 2, 3) * Idx(), int(Idx()))


class Missing(dict):
    def __missing__(self, key):
        self[key] = len(self)
        return self[key]


m = Missing()
print(m["a"], m["b"], m["a"], m, m.get("c"), "c" in m)


class Ordered:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "O(%d)" % self.v


print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max(Ordered(1), Ordered(5)), min([Ordered(4), Ordered(2)]))
import functools


@functools.total_ordering
class Total:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(Total(1) <= Total(2), Total(3) >= Total(2), Total(1) > Total(1))


class Copyable:
    def __init__(self):
        self.items = [1]

    def __copy__(self):
        print("__copy__")
        new = Copyable()
        new.items = self.items
        return new

    def __deepcopy__(self, memo):
        print("__deepcopy__")
        new = Copyable()
        new.items = list(self.items)
        return new


import copy

c = Copyable()
print(copy.copy(c).items is c.items, copy.deepcopy(c).items is c.items)


class WithGetstate:
    def __init__(self):
        self.a = 1
        self.b = "secret"

    def __getstate__(self):
        return {"a": self.a}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.b = "restored"


import pickle

w = pickle.loads(pickle.dumps(WithGetstate()))
print(w.a, w.b)


class Sizeof:
    def __sizeof__(self):
        return 1000


import sys

print(sys.getsizeof(Sizeof()) >= 1000)
print("end of program")
