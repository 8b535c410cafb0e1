# Implicit exception chaining (__context__), ending with an uncaught chained
# exception so the full "During handling..." traceback is compared.


def show_chain(e):
    parts = []
    while e is not None:
        parts.append("%s(%s)" % (type(e).__name__, e))
        e = e.__context__
    return " <- ".join(parts)


try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["missing"]
except KeyError as e:
    print(show_chain(e), e.__cause__, e.__suppress_context__)

try:
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
    except TypeError:
        raise IndexError("third")
except IndexError as e:
    print(show_chain(e))

try:
    try:
        raise ValueError("in try")
    finally:
        raise KeyError("in finally")
except KeyError as e:
    print(show_chain(e))


def helper():
    raise RuntimeError("from helper")


try:
    try:
        raise OSError("outer")
    except OSError:
        helper()
except RuntimeError as e:
    print(show_chain(e))

err = ValueError("reraised same")
try:
    try:
        raise err
    except ValueError as e:
        raise e
except ValueError as e:
    print("self context avoided:", e.__context__ is None)

try:
    try:
        raise KeyError("a")
    except KeyError as a:
        try:
            raise ValueError("b")
        except ValueError as b:
            raise a
except KeyError as e:
    print("re-raising a with b active:", show_chain(e))

try:
    try:
        raise ValueError("handled")
    except ValueError:
        pass
    raise TypeError("after handler finished")
except TypeError as e:
    print("no context after handler:", e.__context__)


def cycle():
    a = ValueError("a")
    b = TypeError("b")
    try:
        try:
            raise a
        except ValueError:
            raise b
    except TypeError:
        try:
            raise a
        except ValueError as e:
            return e.__context__ is b, b.__context__ is a


print("cycle handling:", cycle())


def process(item):
    try:
        return int(item)
    except ValueError:
        return {"lookup": 1}[item]


def load(items):
    return [process(i) for i in items]


load(["1", "2"])
print("about to fail with chained exception")
load(["3", "oops"])
