# Bare raise, re-raising after modification, tracebacks preserved.
import sys
import traceback


def tb_lines(e):
    return [(fs.name, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)]


def fail():
    raise ValueError("original")


def reraise_bare():
    try:
        fail()
    except ValueError:
        raise


def reraise_named():
    try:
        fail()
    except ValueError as e:
        raise e


def reraise_modified():
    try:
        fail()
    except ValueError as e:
        e.args = ("modified",) + e.args
        raise


def reraise_with_traceback():
    try:
        fail()
    except ValueError as e:
        raise e.with_traceback(None)


for f in (reraise_bare, reraise_named, reraise_modified, reraise_with_traceback):
    try:
        f()
    except ValueError as e:
        print(f.__name__, repr(e), tb_lines(e))


def reraise_in_finally():
    try:
        try:
            fail()
        finally:
            print("  finally during propagation")
    except ValueError:
        raise


try:
    reraise_in_finally()
except ValueError as e:
    print("reraise_in_finally", tb_lines(e))


def bare_raise_in_nested_function():
    def helper():
        raise

    try:
        fail()
    except ValueError:
        helper()


try:
    bare_raise_in_nested_function()
except ValueError as e:
    print("helper re-raised active exception:", repr(e), tb_lines(e))


def raise_saved_later():
    saved = None
    try:
        fail()
    except ValueError as e:
        saved = e
    print("  raising saved exception later")
    raise saved


try:
    raise_saved_later()
except ValueError as e:
    print("saved", tb_lines(e))

try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)


def reraise_different_type():
    try:
        fail()
    except ValueError as e:
        raise TypeError("converted") from e


try:
    reraise_different_type()
except TypeError as e:
    print(repr(e), repr(e.__cause__), tb_lines(e), tb_lines(e.__cause__))


def exc_info_reraise():
    try:
        fail()
    except ValueError:
        t, v, tb = sys.exc_info()
    raise v.with_traceback(tb)


try:
    exc_info_reraise()
except ValueError as e:
    print("exc_info reraise", tb_lines(e))


def deep_reraise(n):
    try:
        if n == 0:
            fail()
        deep_reraise(n - 1)
    except ValueError:
        raise


try:
    deep_reraise(3)
except ValueError as e:
    print("deep", tb_lines(e))
print("now uncaught:")
reraise_modified()
