# Exception notes (add_note, __notes__), ending with an uncaught exception
# carrying notes.


def enrich(func, *args):
    try:
        return func(*args)
    except Exception as e:
        e.add_note("while calling %s%r" % (func.__name__, args))
        raise


try:
    enrich(int, "abc")
except ValueError as e:
    print(repr(e), e.__notes__)

e = KeyError("k")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError", err)
e.__notes__ = ["replaced"]
print(e.__notes__)
import traceback

print("".join(traceback.format_exception_only(e)), end="")
e2 = ValueError("with note list mutated")
e2.add_note("note a")
e2.__notes__.append("note b")
print("".join(traceback.format_exception_only(e2)), end="")


def level2():
    raise RuntimeError("deep failure")


def level1():
    try:
        level2()
    except RuntimeError as exc:
        exc.add_note("added in level1")
        exc.add_note("multi\nline note")
        raise


level1()
