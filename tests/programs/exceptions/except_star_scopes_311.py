# try/except* in class bodies, with cell variables, loops with
# break/continue in the try body, return through finally, with blocks,
# invalid types after a handled clause, nested in a plain handler.
import sys
class K:
    try:
        raise ExceptionGroup("k", [ValueError(1)])
    except* ValueError as e:
        seen = repr(e)
    print("class", seen, "e" in dir())

def cells():
    try:
        raise ExceptionGroup("c", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        get = lambda: e
        print("cell", repr(get()))
    except* TypeError as t:
        print(repr(t))
    try:
        get()
    except NameError as err:
        print("NameError", err)

cells()

for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        raise ExceptionGroup("l", [ValueError(i)])
    except* ValueError as e:
        print("loop", i, repr(e))
print("i", i)

def ret():
    try:
        return "from try"
    except* ValueError:
        pass
    finally:
        print("finally in ret")
print(ret())

def nested_fn_return():
    try:
        raise ExceptionGroup("n", [ValueError(1)])
    except* ValueError:
        def inner():
            return 5
        print(inner())

nested_fn_return()
# exception in handler type while a rest exists
def badtype():
    try:
        raise ExceptionGroup("b", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled V")
    except* 1:
        pass
try:
    badtype()
except TypeError as e:
    print("TypeError", e, repr(e.__context__))
# with + except*
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return False
try:
    with CM():
        raise ExceptionGroup("w", [ValueError(1)])
except* ValueError as e:
    print("with", repr(e))
# raise in except* while handling a plain exception outside
try:
    raise KeyError("outer")
except KeyError:
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError as e:
        print(repr(e.__context__), repr(sys.exc_info()[1]))
    print(repr(sys.exc_info()[1]))


# sys.exc_info() while later clause types are evaluated (the last match).
def typ(t):
    print("exc_info while evaluating:", repr(sys.exc_info()[1]))
    return t
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* typ(ValueError) as e:
        raise OSError("in V")
    except* typ(TypeError):
        print("T exc_info", repr(sys.exc_info()[1]))
        raise
    except* typ(IndexError):
        pass
except ExceptionGroup as e:
    print(repr(e), repr(e.exceptions[0].__context__))
