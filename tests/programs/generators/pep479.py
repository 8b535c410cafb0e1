# PEP 479: StopIteration raised inside a generator becomes RuntimeError.


def leaks_stop_iteration():
    yield 1
    raise StopIteration("explicit")


def next_on_exhausted():
    it = iter([])
    yield next(it)


def subclass_of_stop_iteration():
    class MyStop(StopIteration):
        pass

    yield 1
    raise MyStop


def return_is_fine():
    yield 1
    return "value"


for gen_func in (leaks_stop_iteration, next_on_exhausted, subclass_of_stop_iteration, return_is_fine):
    try:
        print(gen_func.__name__, list(gen_func()))
    except RuntimeError as e:
        print(gen_func.__name__, "RuntimeError:", e, "| cause:", repr(e.__cause__),
              "| context is cause:", e.__context__ is e.__cause__, "| suppress:", e.__suppress_context__)


def caught_inside():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside generator"


print(list(caught_inside()))


def stop_in_genexp():
    return list(next(iter([])) for _ in range(1))


try:
    stop_in_genexp()
except RuntimeError as e:
    print("genexp RuntimeError:", e)

try:
    [next(iter([])) for _ in range(1)]
except StopIteration:
    print("list comprehension lets StopIteration through")


def yield_from_stop():
    yield from leaks_stop_iteration()


try:
    list(yield_from_stop())
except RuntimeError as e:
    print("yield from:", e, type(e.__cause__).__name__)


def throw_stop_iteration():
    yield 1
    yield 2


g = throw_stop_iteration()
next(g)
try:
    g.throw(StopIteration("thrown in"))
except RuntimeError as e:
    print("thrown StopIteration:", e)


def stop_async_iteration():
    yield 1
    raise StopAsyncIteration


try:
    list(stop_async_iteration())
except RuntimeError as e:
    print("StopAsyncIteration:", e)
except StopAsyncIteration:
    print("StopAsyncIteration passed through")


def map_with_stop(x):
    raise StopIteration


print(list(map(map_with_stop, [])))
try:
    print(list(map(map_with_stop, [1])))
except StopIteration:
    print("map is not a generator: StopIteration ends the list")
