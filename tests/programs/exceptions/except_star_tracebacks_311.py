# try/except*: tracebacks of groups raised and re-raised through several
# functions, errors of the clause types, bare raise from a called function,
# sys.exc_info() in generators. Ends with an uncaught group whose printed
# tree (with the frames that CPython leaves out for except* re-raises)
# must match.
import sys
import traceback


def fmt(exc):
    return "".join(traceback.format_exception(exc)).replace(__file__, "FILE")


def leaf(n):
    raise ValueError("leaf %d" % n)


def gather():
    errors = []
    for n in range(3):
        try:
            leaf(n)
        except ValueError as e:
            errors.append(e)
    raise ExceptionGroup("gathered", errors)


def handle_some():
    try:
        gather()
    except* ValueError as e:
        if len(e.exceptions) == 3:
            raise TypeError("replaced")


try:
    handle_some()
except Exception as e:
    print(fmt(e))


def reraise_from_helper():
    # A bare raise in a called function re-raises sys.exc_info(): the match.
    print("helper sees", repr(sys.exc_info()[1]))
    raise


def uses_helper():
    try:
        raise ExceptionGroup("h", [ValueError(1), KeyError(2)])
    except* ValueError:
        reraise_from_helper()


try:
    uses_helper()
except ExceptionGroup as e:
    print(fmt(e))


def bad_type():
    return 5


def check_bad_type():
    try:
        raise ExceptionGroup("b", [ValueError(1)])
    except* bad_type():
        pass


try:
    check_bad_type()
except TypeError as e:
    print(fmt(e))


def gen():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    except* TypeError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


g = gen()
print(next(g))
try:
    raise KeyError("outside")
except KeyError:
    print(next(g))
print(next(g))
print(next(g))


def gen_raises():
    try:
        yield 1
        raise ExceptionGroup("gr", [ValueError(1), OSError(2)])
    except* OSError:
        yield 2
        raise


try:
    for value in gen_raises():
        print("gen_raises", value)
except ExceptionGroup as e:
    print(fmt(e))


def level3():
    raise ExceptionGroup("deep", [ValueError("v"), ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])


def level2():
    try:
        level3()
    except* TypeError as e:
        e.add_note("seen by level2")
        raise
    except* KeyError:
        raise OSError("from level2")


def level1():
    try:
        level2()
    except* ValueError:
        pass


level1()
