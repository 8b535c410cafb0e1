# Behaviour whose details differ between Python versions (each compiled
# program is compared with its own interpreter): re-raise tracebacks, frame
# links, cell arguments in locals(), generator states, same-line scopes.
import contextlib
import inspect
import sys
import traceback


def fail(n):
    raise KeyError(n)


def reraise_after_nested_raise():
    try:
        fail(1)
    except KeyError as e:
        try:
            raise e
        except KeyError:
            pass
        raise


try:
    reraise_after_nested_raise()
except KeyError:
    print("".join(traceback.format_exc()).replace(__file__, "FILE"))


@contextlib.contextmanager
def managed(name):
    try:
        yield name
    except ValueError:
        print("cleanup", name)
        raise


def use_managed():
    with managed("m"):
        raise ValueError("inside")


try:
    use_managed()
except ValueError:
    print(traceback.format_exc().replace(__file__, "FILE"))


def cell_args(a, b, *rest, k=5):
    def inner():
        return a, k
    c = 1
    return list(locals()), inner()


print(cell_args(1, 2, 3))
print(cell_args.__code__.co_cellvars, cell_args.__code__.co_varnames)


def kept_frame():
    return sys._getframe()


f = kept_frame()
print(f.f_code.co_name, f.f_back is not None and f.f_back.f_code.co_name, f.f_lineno)


def counter(n):
    for i in range(n):
        yield i


for _ in range(3):
    g = counter(2)
    print(inspect.getgeneratorstate(g), end=" ")
    next(g)
    print(inspect.getgeneratorstate(g), g.gi_frame.f_back, end=" ")
    list(g)
    print(inspect.getgeneratorstate(g), g.gi_frame)


def gen_frame_back():
    yield sys._getframe().f_back.f_code.co_name


def caller():
    return next(gen_frame_back())


print(caller())

pair = (lambda x: x + 1, lambda y, z: y * z)
print(pair[0](1), pair[1](2, 3), pair[0].__code__.co_varnames, pair[1].__code__.co_varnames)
print([k for k in "ab"], [k for k in "ab"], {k: 1 for k in "c"}, [m * 2 for m in (1, 2)])


def handled():
    try:
        raise TypeError("t")
    except TypeError:
        return sys.exc_info()[0].__name__


print(handled(), sys.exc_info())
try:
    raise OSError("outer")
except OSError:
    print(handled(), sys.exc_info()[0].__name__)


class NoEnter:
    pass


try:
    with NoEnter():
        pass
except Exception as e:
    print(type(e).__name__, e)


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)
print("done")
fail("uncaught")
