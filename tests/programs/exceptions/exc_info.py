# sys.exc_info() in handlers, nested handlers, called functions, finally,
# generators, after handlers end, and with-statement __exit__.
import sys


def describe():
    t, v, tb = sys.exc_info()
    if t is None:
        return "no exception"
    return "%s(%s) tb_lineno=%s" % (t.__name__, v, tb.tb_lineno if tb else None)


print("at start:", describe())
try:
    raise ValueError("outer")
except ValueError:
    print("in handler:", describe())
    try:
        raise KeyError("inner")
    except KeyError:
        print("nested handler:", describe())
    print("back in outer handler:", describe())
print("after handler:", describe())


def in_called_function():
    return describe()


try:
    raise TypeError("seen by callee")
except TypeError:
    print("callee sees:", in_called_function())

try:
    raise IndexError("in finally")
except IndexError:
    pass
finally:
    print("finally after handled exception:", describe())

try:
    try:
        raise OSError("propagating")
    finally:
        print("finally while propagating:", describe())
except OSError:
    pass


def handler_returns():
    try:
        raise RuntimeError("returned from handler")
    except RuntimeError:
        return describe()


print(handler_returns(), "| after function:", describe())


def handler_then_break():
    for _ in range(1):
        try:
            raise ZeroDivisionError("loop")
        except ZeroDivisionError:
            break
    return describe()


print("after break out of handler:", handler_then_break())


class Exit:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        print("__exit__ args type:", args[0].__name__ if args[0] else None, "exc_info:", describe())
        return True


with Exit():
    raise LookupError("in with")
print("after with:", describe())


def gen():
    yield describe()
    try:
        raise ValueError("in generator")
    except ValueError:
        yield describe()
    yield describe()


g = gen()
print("gen 1:", next(g))
try:
    raise KeyError("caller")
except KeyError:
    print("gen 2 (caller handling KeyError):", next(g))
    print("gen 3 (caller handling KeyError):", next(g))

e_saved = None
try:
    raise ValueError("saved")
except ValueError as e:
    e_saved = e
print("saved exception traceback still there:", e_saved.__traceback__ is not None)
print(sys.exc_info() == (None, None, None))


def reraise_after_other():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError:
            pass
        raise


try:
    reraise_after_other()
except ValueError as e:
    print("bare raise re-raised the right one:", repr(e))
try:
    raise SystemExit(0)
except SystemExit:
    print("SystemExit in exc_info:", describe())
