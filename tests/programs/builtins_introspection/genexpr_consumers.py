# Generator expressions consumed by builtins (tuple, list, set, frozenset,
# sorted, sum, any, all, min, max, "sep".join) run without a generator
# object when the name is the builtin: results, the builtins' own errors,
# errors raised inside the genexpr body (traceback with its <genexpr>
# frame), frames seen from inside, short-circuit of any/all, and the
# generator path when the name was replaced.
import builtins
import sys
import traceback


def show_error(function):
    try:
        result = function()
    except Exception as e:
        print("raised", type(e).__name__, e)
        for entry in traceback.extract_tb(e.__traceback__)[1:]:
            print("   ", entry.name, entry.lineno, entry.line,
                  getattr(entry, "colno", None), getattr(entry, "end_colno", None))
    else:
        print("result", repr(result))


def results():
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    print(tuple(x * 2 for x in data), list(x for x in data if x > 2))
    print(sorted(set(x % 4 for x in data)), frozenset(x % 3 for x in data) == frozenset({0, 1, 2}))
    print(sorted(-x for x in data), "-".join(str(x) for x in data), "".join(c for c in "abc" if c != "b"))
    print(list((x, y) for x in range(3) for y in range(x) if y % 2 == 0 if x > 0))
    print(sum(x for x in data), sum((x for x in data), 100), sum((x / 2 for x in data), 0.5))
    print(sum((x for x in [[1], [2, 3]]), []), sum(x for x in ()), sum((x for x in ()), 7.5))
    print(any(x > 8 for x in data), any(x > 9 for x in data), all(x > 0 for x in data), all(x > 1 for x in data))
    print(min(x for x in data), max(x for x in data), min(s for s in ["b", "a", "c"]), max(x for x in [1, 2.5, 2]))
    print(tuple(x for x in ()), list(x for x in ""), set(x for x in []), any(x for x in ()), all(x for x in ()))
    # Which of equal items min/max keep, as the builtins.
    items = [(1, "a"), (1, "b")]
    print(min(t[0] for t in items), max((t for t in items), default=None) if False else max(t for t in items))


def sizes():
    # list() and sorted() of a generator leave the list allocated as
    # list_extend does (room for 8 first, then cut back).
    for n in (0, 1, 3, 5, 8, 9, 17, 100):
        print(n, sys.getsizeof(list(x for x in range(n))), sys.getsizeof(sorted(-x for x in range(n))))
    print([sum(x * y for x in range(3)) for y in range(3)], [list(y + x for x in range(2)) for y in range(2)])


def sums():
    big = sys.maxsize
    print(sum(x for x in [big, big, 1]), sum(x for x in [-big, -big, -2]))
    print(sum(x for x in [1, 2.5, 3]), sum(x for x in [True, True, 3]), sum(x for x in [1, 2, 3.5, 10**30]))
    print(sum(x for x in [0.1] * 10), sum(x for x in [1e100, 1.0, -1e100, 1.0]), sum(x for x in [-0.0, -0.0]))
    print(sum((x for x in [-0.0]), -0.0), sum(x for x in [1.0, float("inf"), 1.0]), sum(x for x in [float("inf"), -float("inf")]))
    print(sum(x for x in [1.5, 10**30, 2.5]), sum(x for x in [1.5, True, 2]), sum((x for x in [1, 2]), 10**30))

    class MyInt(int):
        def __add__(self, other):
            return 1000

        __radd__ = __add__

    print(sum(x for x in [1, MyInt(2), 3]), sum(x for x in [1.5, MyInt(2), 3]))
    print(sum((x for x in [1j, 2]), 0), sum((x for x in [(1,), (2,)]), ()))


def builtin_errors():
    show_error(lambda: set([x] for x in range(3)))
    show_error(lambda: frozenset({x} for x in range(3)))
    show_error(lambda: sum(x for x in [1, "a"]))
    show_error(lambda: sum(x for x in [1.5, "a"]))
    show_error(lambda: sum((x for x in ["a", "b"]), "c"))
    show_error(lambda: sum((x for x in [b"a"]), b""))
    show_error(lambda: min(x for x in []))
    show_error(lambda: max(x for x in ()))
    show_error(lambda: min(x for x in [1, "a"]))
    show_error(lambda: sorted(x for x in [1, "a"]))
    show_error(lambda: ",".join(x for x in ["a", 2]))
    show_error(lambda: any(x for x in [[], NoTruth()]))
    show_error(lambda: tuple(x for x in 5))
    show_error(lambda: list(x for x in None))


class NoTruth:
    def __bool__(self):
        raise ValueError("no truth")


def inner_errors():
    show_error(lambda: tuple(1 // x for x in [1, 0]))
    show_error(lambda: sum(int(s) for s in ["1", "x"]))

    def nested(rows):
        return list(r[0] + c for r in rows for c in r[1])

    show_error(lambda: nested([("a", "bc"), (1, "d")]))

    def deep(n):
        return any(
            undefined_name if x > 1 else False
            for x in range(n)
        )

    show_error(lambda: deep(5))
    # PEP 479: StopIteration leaving the body is a RuntimeError; raised by
    # the builtin's own step it stays a StopIteration.
    show_error(lambda: sum(next(iter([])) for _ in range(2)))
    show_error(lambda: any(x for x in [StopTruth()]))
    show_error(lambda: set(x for x in [StopHash()]))
    try:
        list(next(iter([])) for _ in "a")
    except RuntimeError as e:
        print(type(e.__cause__).__name__, e.__suppress_context__, e.__context__ is e.__cause__)


class StopTruth:
    def __bool__(self):
        raise StopIteration("from bool")


class StopHash:
    def __hash__(self):
        raise StopIteration("from hash")


def frames():
    def callee():
        return [f.f_code.co_name for f in (sys._getframe(1), sys._getframe(2))]

    def user():
        return list(callee() for _ in range(1)), tuple(sys._getframe().f_back.f_code.co_name for _ in "a")

    print(user())
    print(list(sys._getframe().f_code.co_name for _ in "ab"))
    print(sum(sys._getframe().f_lineno for _ in "a") > 0)

    def kept():
        return list(sys._getframe() for _ in "ab")

    first, second = kept()
    print(first is second, first.f_code.co_name, first.f_back)


def inlined_inside():
    rows = [[1, 2], [3], []]
    print(sum(len([y for y in r if y]) for r in rows), list({y: y for y in r} for r in rows if r))
    print(sum(sum(y for y in r) for r in rows), any(all(y > 1 for y in r) for r in rows))


def short_circuit():
    seen = []

    def note(x):
        seen.append(x)
        return x

    print(any(note(x) > 2 for x in range(10)), seen)
    seen.clear()
    print(all(note(x) < 4 for x in range(10)), seen)

    class Iter:
        def __init__(self):
            self.i = 0

        def __iter__(self):
            return self

        def __next__(self):
            self.i += 1
            return self.i

        def __del__(self):
            print("iterator released at", self.i)

    print(any(x > 3 for x in Iter()))
    print("after any")
    print(all(x < 2 for x in Iter()))
    print("after all")


def closures():
    base = 10

    def f(items):
        return tuple(base + x for x in items), sum(x * base for x in items), list((lambda: x)() for x in items)

    print(f([1, 2]))
    print([g() for g in list(lambda: x for x in range(3))])
    print(sorted(x for x in set(y for y in range(5) if y % 2)))


def not_builtins():
    def consume(gen):
        return type(gen).__name__, list(gen)

    print(consume(x for x in range(3)))

    class Obj:
        def join(self, gen):
            return type(gen).__name__

    print(Obj().join(x for x in "ab"))


def fallbacks():
    original_tuple, original_sum, original_any = builtins.tuple, builtins.sum, builtins.any

    def fake(name):
        def call(gen, *rest):
            return "fake %s got %s %s %s" % (name, type(gen).__name__, list(gen), rest)

        return call

    def run():
        return (tuple(x for x in range(2)), sum((x for x in range(3)), 5), any(x for x in [0, 1]),
                list(x for x in "a"))

    print(run())
    globals()["tuple"] = fake("tuple")
    print(run())
    del globals()["tuple"]
    builtins.sum = fake("sum")
    try:
        print(run())
    finally:
        builtins.sum = original_sum
    builtins.any = fake("any")
    try:
        print(run())
    finally:
        builtins.any = original_any
    print(run(), builtins.tuple is original_tuple)


results()
sizes()
sums()
builtin_errors()
inner_errors()
frames()
inlined_inside()
short_circuit()
closures()
not_builtins()
fallbacks()
