# raise with classes and instances, raise from, from None, and bad raises.


def show(func):
    try:
        func()
    except BaseException as e:
        print(type(e).__name__, repr(e), "cause:", repr(e.__cause__), "context:", repr(e.__context__),
              "suppress:", e.__suppress_context__)


def raise_class():
    raise ValueError


def raise_instance():
    raise ValueError("instance", 2)


def raise_from():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e


def raise_from_none():
    try:
        {}["k"]
    except KeyError:
        raise ValueError("hidden") from None


def raise_from_class():
    raise ValueError("v") from KeyError


def raise_from_outside_handler():
    raise TypeError("direct") from IndexError("explicit cause")


def raise_non_exception():
    raise 42


def raise_non_exception_class():
    raise int


def raise_from_non_exception():
    raise ValueError("x") from 5


def raise_none():
    raise None


def bare_raise_without_active():
    raise


def raise_exception_class_failing_init():
    class Bad(Exception):
        def __init__(self):
            raise RuntimeError("init failed")

    raise Bad


def raise_returning_non_exception():
    class Weird(Exception):
        def __new__(cls, *args):
            return 5

    raise Weird


def raise_in_finally_after_return():
    try:
        return 1
    finally:
        raise OSError(2, "No such file")


def raise_base_exception_subclasses():
    raise KeyboardInterrupt("ki")


def raise_stop_iteration():
    raise StopIteration(7)


def raise_system_exit():
    raise SystemExit("bye")


for f in (raise_class, raise_instance, raise_from, raise_from_none, raise_from_class,
          raise_from_outside_handler, raise_non_exception, raise_non_exception_class,
          raise_from_non_exception, raise_none, bare_raise_without_active,
          raise_exception_class_failing_init, raise_returning_non_exception,
          raise_in_finally_after_return, raise_base_exception_subclasses,
          raise_stop_iteration, raise_system_exit):
    print(f.__name__, end=": ")
    show(f)

try:
    raise ValueError("a") from None
except ValueError as e:
    e.__suppress_context__ = False
    print("suppress toggled", e.__suppress_context__, e.__cause__)
e = ValueError("manual")
e.__cause__ = KeyError("set manually")
print(e.__suppress_context__)
try:
    raise e
except ValueError as caught:
    print(caught.__cause__, caught.__suppress_context__)
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print("TypeError", err)
try:
    e.__context__ = 5
except TypeError as err:
    print("TypeError", err)
