# A re-raise at the end of a finally/with/except block (RERAISE) uses the
# traceback saved when the block was entered (3.10), or the exception's
# current __traceback__ (3.11+); changing __traceback__ inside tells them apart.
import sys
import traceback


def show(label, func):
    print("--", label)
    try:
        func()
    except Exception as e:
        traceback.print_exc(file=sys.stdout)
        print(e.__traceback__ is not None)


def finally_clears():
    try:
        raise ValueError("finally clears")
    finally:
        sys.exc_info()[1].__traceback__ = None


def finally_with_traceback():
    try:
        raise ValueError("finally with_traceback")
    finally:
        exc = sys.exc_info()[1]
        exc.with_traceback(None)


def helper():
    raise KeyError("helper")


def nested_catch_in_finally():
    try:
        helper()
    finally:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        sys.exc_info()


def unmatched_except():
    try:
        helper()
    except TypeError:
        pass


def unmatched_except_modifies():
    try:
        try:
            helper()
        finally:
            sys.exc_info()[1].__traceback__ = None
    except TypeError:
        pass


class CM:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        val.__traceback__ = None
        return False


def with_exit_clears():
    with CM():
        raise ValueError("with exit clears")


def bare_raise_after_clear():
    try:
        helper()
    except KeyError as e:
        e.__traceback__ = None
        raise


def finally_in_generator():
    def gen():
        try:
            yield 1
            raise ValueError("gen finally")
        finally:
            sys.exc_info()[1].__traceback__ = None
    for _ in gen():
        pass


def finally_return_path():
    for i in range(2):
        try:
            if i:
                raise ValueError("loop")
        finally:
            if sys.exc_info()[1] is not None:
                sys.exc_info()[1].__traceback__ = None


for name, func in list(globals().items()):
    if callable(func) and name not in ("show", "helper", "CM", "gen") and getattr(func, "__module__", None) == "__main__":
        show(name, func)
