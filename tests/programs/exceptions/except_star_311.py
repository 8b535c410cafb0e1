# try/except* (PEP 654): splitting, naked exception wrapping, binding,
# sys.exc_info() inside clauses, else/finally, re-raise, raise inside a
# clause, nested except*, type validation errors, clauses in functions and
# generators. Ends with an uncaught group (the printed tree is compared).
import sys
import traceback


def show(label, eg):
    print(label, type(eg).__name__, repr(eg))


def tree(eg, indent=0):
    pad = "  " * indent
    if isinstance(eg, BaseExceptionGroup):
        print("%s%s(%r) notes=%r cause=%r context=%r" % (
            pad, type(eg).__name__, eg.message, getattr(eg, "__notes__", None),
            type(eg.__cause__).__name__, type(eg.__context__).__name__))
        for e in eg.exceptions:
            tree(e, indent + 1)
    else:
        print("%s%r context=%r" % (pad, e_repr(eg), type(eg.__context__).__name__))


def e_repr(e):
    return "%s(%s)" % (type(e).__name__, ", ".join(map(repr, e.args)))


# Naked exceptions are wrapped, sys.exc_info() is the match.
try:
    raise ValueError(1)
except* ValueError as e:
    show("naked", e)
    print("traceback", e.__traceback__, "exc_info is match", sys.exc_info()[1] is e)
    print("wrapped is the original", e.exceptions[0].args)
print("after", sys.exc_info(), "e" in dir())

# A naked BaseException is wrapped in a BaseExceptionGroup.
try:
    try:
        raise KeyboardInterrupt("ki")
    except* KeyboardInterrupt as e:
        show("naked base", e)
        raise
except BaseExceptionGroup as e:
    print("re-raised naked:", repr(e))

# Splitting over several clauses, else/finally.
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), ValueError(4)])
except* ValueError as e:
    show("V", e)
except* (TypeError, KeyError) as e:
    show("TK", e)
    print("exc_info", repr(sys.exc_info()[1]))
except* OSError:
    print("never")
else:
    print("else not run")
finally:
    print("finally run")

try:
    pass
except* ValueError:
    print("never")
else:
    print("else run")
finally:
    print("finally run 2")

# Unmatched parts go on.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("handled", e)
except ExceptionGroup as rest:
    show("rest", rest)
    print("rest traceback kept", rest.__traceback__ is not None)

# Nothing matches: the original object goes on unchanged.
orig = ExceptionGroup("orig", [TypeError(5)])
try:
    try:
        raise orig
    except* ValueError:
        print("never")
except ExceptionGroup as e:
    print("same object", e is orig)

# Re-raise of everything gives the original back.
try:
    try:
        raise orig
    except* TypeError:
        raise
except ExceptionGroup as e:
    print("same object after reraise", e is orig)

# Raising inside a clause: a new group with the raised one and the rest.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        raise RuntimeError("from V")
    except* TypeError as e:
        raise
except BaseExceptionGroup as e:
    tree(e)
    print([type(x).__name__ for x in e.exceptions])

# raise ... from ... in a clause
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise KeyError("k") from e
except Exception as e:
    # (3.11.4+ raise a single new exception as it is, not in a group)
    print(type(e).__name__, type(e.__cause__).__name__, type(e.__context__).__name__)
    print("cause is the match", e.__cause__ is e.__context__)

# Naked exception, new exception raised: it replaces it (no wrapping).
try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("new")
except Exception as e:
    print("naked then new:", type(e).__name__, repr(e), type(e.__context__).__name__)

# Nested except*
try:
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
except* ValueError as e:
    show("nested V", e)
    try:
        raise ExceptionGroup("in clause", [KeyError(4), IndexError(5)])
    except* KeyError as k:
        show("inner K", k)
        print("exc_info inner", repr(sys.exc_info()[1]))
    except* IndexError as i:
        show("inner I", i)
    print("exc_info back", repr(sys.exc_info()[1]))
except* TypeError as e:
    show("nested T", e)

# Notes survive splitting.
eg = ExceptionGroup("noted", [ValueError(1), TypeError(2)])
eg.add_note("a note")
try:
    try:
        raise eg
    except* ValueError as e:
        print("match notes", e.__notes__)
except ExceptionGroup as e:
    print("rest notes", e.__notes__)

# Type validation
for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), 42, (ValueError, 1), "x"):
    try:
        try:
            raise ValueError(0)
        except* bad:
            print("never")
    except TypeError as e:
        print("TypeError:", e, "| context:", type(e.__context__).__name__)

# Later clauses' types are evaluated even when everything matched already.
def typ(t, name):
    print("evaluating", name, "exc_info:", repr(sys.exc_info()[1]))
    return t


try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* typ(ValueError, "first"):
    print("first clause")
except* typ(TypeError, "second"):
    print("never")

# Deleting the name in the clause body is fine.
try:
    raise ValueError(1)
except* ValueError as gone:
    del gone
print("gone" in dir())


# Functions and generators.
def func(excs):
    result = []
    try:
        raise ExceptionGroup("f", excs)
    except* ValueError as e:
        result.append(("V", len(e.exceptions)))
    except* TypeError as e:
        result.append(("T", len(e.exceptions)))
    return result


print(func([ValueError(1), TypeError(2), ValueError(3)]))
try:
    func([KeyError(1), ValueError(2)])
except ExceptionGroup as e:
    show("func rest", e)


def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield ("in clause", repr(e), repr(sys.exc_info()[1]))
        yield "still"
    except* TypeError as e:
        yield ("T clause", repr(e))
    yield "end"


g = gen()
for value in g:
    print("gen", value, sys.exc_info())

# Exception groups raised from a function, caught with except*, traceback
# printing of the match.
def fails():
    raise ExceptionGroup("from fails", [ValueError("deep")])


try:
    fails()
except* ValueError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))

print("end")
try:
    raise ExceptionGroup("final", [ValueError(1), TypeError(2), OSError(3)])
except* ValueError:
    raise KeyError("in handler")
except* TypeError:
    pass
