# Positions of attribute accesses and method calls spread over lines:
# CPython reports the line (and column) of the attribute name.
import traceback


class Boom:
    def method(self):
        raise ValueError("in method")

    @property
    def prop(self):
        raise ValueError("in prop")


def report(label, f):
    try:
        f()
    except Exception as e:
        tb = e.__traceback__.tb_next
        lines = []
        while tb is not None:
            lines.append(tb.tb_lineno - f.__code__.co_firstlineno)
            tb = tb.tb_next
        print(label, type(e).__name__, lines)
        # The source line and carets of the function's own frame (3.11+).
        print("".join(traceback.format_tb(e.__traceback__.tb_next, limit=1)[0].splitlines(True)[1:]), end="")
        print("".join(traceback.format_exception_only(type(e), e)).strip())


def load_missing():
    (None
        .method
    )()


def load_missing_plain():
    x = (None
        .attribute
    )
    return x


def call_raises():
    b = Boom()
    (b
        .method
    )()


def call_raises_args():
    b = Boom()
    b.method(
        1
    )


def call_raises_args2():
    b = Boom()
    (b.
     method)(
    )


def prop_raises():
    b = Boom()
    return (b
            .prop)


def store_fails():
    (None
        .attribute) = 5


def del_fails():
    del (None
        .attribute)


def nested_chain():
    b = Boom()
    return (b
            .method
            .missing)


def augmented():
    (None
        .attribute) += 1


for name, f in list(globals().items()):
    if callable(f) and getattr(f, "__module__", None) == "__main__" and name not in ("report", "Boom"):
        report(name, f)
