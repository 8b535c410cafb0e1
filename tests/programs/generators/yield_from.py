# yield from: values, return values, delegation of send/throw/close.


def inner():
    print("  inner start")
    received = yield "inner-1"
    print("  inner received", received)
    received = yield "inner-2"
    print("  inner received", received)
    return "inner-result"


def outer():
    result = yield from inner()
    print("  outer got", result)
    yield "outer-after"
    return "outer-result"


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("outer returned", e.value)


def from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(2)
    yield from {"k": 1}
    yield from (x * 10 for x in range(2))
    r = yield from []
    yield r


print(list(from_iterables()))


def catching_inner():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            print("  inner handled", repr(e))
            yield "handled"


def delegator():
    try:
        yield from catching_inner()
    finally:
        print("  delegator finally")


g = delegator()
next(g)
print(g.throw(KeyError("k")))
print(next(g))
try:
    g.throw(ValueError("not handled by inner"))
except ValueError as e:
    print("propagated through delegator", e)


def closable_inner():
    try:
        yield 1
        yield 2
    finally:
        print("  inner closed")


def closing_delegator():
    try:
        yield from closable_inner()
    finally:
        print("  outer closed")


g = closing_delegator()
next(g)
g.close()
print("closed")


class IterOnly:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("iterator value")
        return self.n


def from_iterator():
    result = yield from IterOnly()
    yield ("result", result)


print(list(from_iterator()))

g = (lambda: (yield from [1]))()
print(list(g))


def send_to_non_generator():
    yield from iter([1, 2])


g = send_to_non_generator()
next(g)
try:
    g.send("x")
except AttributeError as e:
    print("AttributeError", e)


class Throwable:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def throw(self, *args):
        print("  Throwable.throw called", [type(a).__name__ for a in args][:1])
        return "thrown-value"

    def close(self):
        print("  Throwable.close called")


def deleg_custom():
    yield from Throwable()


g = deleg_custom()
print(next(g))
print(g.throw(KeyError("x")))
g.close()


def chain(*gens):
    for gen in gens:
        value = yield from gen
        print("  sub returned", value)


def sub(n):
    yield n
    return n * 100


print(list(chain(sub(1), sub(2))))


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1


g = deep(5)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)


def yield_from_gen_with_stopiteration_value():
    def gen():
        yield 1
        return StopIteration("odd return value")

    r = yield from gen()
    yield type(r).__name__, r.args


print(list(yield_from_gen_with_stopiteration_value()))
try:
    def bad():
        yield from 5
    list(bad())
except TypeError as e:
    print("TypeError", e)
