# Handler edge cases: handler expressions evaluated lazily, exceptions
# inside handler matching, `as` target deletion, tracebacks kept alive,
# exceptions raised in __exit__ and in else/finally blocks.
import sys


def handler_class(name):
    print("  evaluating handler expression", name)
    return {"value": ValueError, "key": KeyError}[name]


try:
    raise KeyError("k")
except handler_class("value"):
    print("no")
except handler_class("key") as e:
    print("matched second handler:", repr(e))

try:
    try:
        raise ValueError("original")
    except handler_class("missing"):
        pass
except KeyError as e:
    print("error while evaluating handler:", repr(e), "context:", repr(e.__context__))


def as_target_deleted():
    e = "outer binding"
    try:
        raise ValueError
    except ValueError as e:
        pass
    return "e" in locals()


print("as target removed from locals:", not as_target_deleted())


def as_target_kept_by_copy():
    saved = None
    try:
        raise ValueError("kept")
    except ValueError as e:
        saved = e
    return saved, saved.__traceback__.tb_frame.f_code.co_name


print(as_target_kept_by_copy())


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise RuntimeError("from __exit__")


try:
    with ExitRaises():
        pass
except RuntimeError as e:
    print("no body exception:", e, repr(e.__context__))
try:
    with ExitRaises():
        raise KeyError("body")
except RuntimeError as e:
    print("body exception becomes context:", repr(e.__context__))


def else_and_finally_raise():
    try:
        try:
            pass
        except Exception:
            pass
        else:
            raise ValueError("from else")
        finally:
            print("  finally sees:", sys.exc_info()[0].__name__)
    except ValueError as e:
        return repr(e)


print(else_and_finally_raise())


def exception_in_finally_during_return():
    try:
        return "return value"
    finally:
        try:
            raise KeyError("inside finally, handled")
        except KeyError:
            pass


print(exception_in_finally_during_return())


def nested_handlers_restore():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        return repr(sys.exc_info()[1])


print(nested_handlers_restore())


def handler_in_loop_with_continue():
    seen = []
    for i in range(3):
        try:
            if i == 1:
                raise IndexError(i)
        except IndexError:
            seen.append("handled %d" % i)
            continue
        finally:
            seen.append("finally %d" % i)
        seen.append("body end %d" % i)
    return seen


print(handler_in_loop_with_continue())
try:
    raise ValueError("x")
except (ValueError, TypeError) as e:
    print(type(e).__name__, e.args)
