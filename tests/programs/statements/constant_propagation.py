# Rewrites fed by the optimizer's variable traces (nuitka/optimization/
# traces.py, propagation.py): constant propagation, branch prediction,
# unreachable code, exception scope reduction; and the cases where they must
# not apply (loops, handlers, closures, del, locals()/exec, frames).
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def lines(e):
    tb = e.__traceback__
    result = []
    while tb is not None:
        result.append(tb.tb_lineno)
        tb = tb.tb_next
    return result


def propagated():
    a = 7
    b = "text"
    c = (1, 2.5, None, b"x", (True,))
    d = -0.0
    return a + 1, b * 2, c, d, str(d), a == 7


show("propagated", propagated)


def identity():
    x = 100000
    y = x
    t = (1, 2, 3)
    u = t
    return x is y, t is u, id(t) == id(u)


show("identity", identity)


def predicted(flag):
    k = 3
    if k > 2:
        r = "yes"
    else:
        r = "no"
    if not k:
        r += "!"
    while True:
        k += 1
        if k == 6:
            break
    if False:
        def never():
            return 1
    return r, k


show("predicted", lambda: predicted(1))


def after_return():
    return "early"
    print("not printed")
    x = 1 / 0


show("after_return", after_return)


def after_raise():
    try:
        raise KeyError("k")
        print("not printed")
    except KeyError as e:
        return "caught", e.args, lines(e)[:1]


show("after_raise", after_raise)


def loop_changed(n):
    x = 1
    out = []
    for i in range(n):
        out.append(x)
        x = x + 1
    return out, x


show("loop_changed", lambda: loop_changed(4))


def while_changed():
    x = 0
    while x < 3:
        x += 1
        if x == 2:
            continue
    return x


show("while_changed", while_changed)


def handler_changed(v):
    x = 1
    try:
        x = 2
        int(v)
        x = 3
    except ValueError:
        return "handler", x
    return "body", x


show("handler_changed ok", lambda: handler_changed("5"))
show("handler_changed bad", lambda: handler_changed("z"))


def finally_changed():
    x = 1
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            x = 10 + i
    return x


show("finally_changed", finally_changed)


def closure_changed():
    x = 1

    def bump():
        nonlocal x
        x = 42

    bump()
    return x


show("closure_changed", closure_changed)


def closure_read():
    x = 1
    f = lambda: x
    x = 2
    return f(), x


show("closure_read", closure_read)


def deleted():
    x = 1
    del x
    return x


show("deleted", deleted)


def maybe_unbound(flag):
    if flag:
        x = 5
    return x


show("maybe_unbound 1", lambda: maybe_unbound(1))
show("maybe_unbound 0", lambda: maybe_unbound(0))


def exec_in_function():
    x = 1
    exec("x = 2")
    return x, sorted(k for k in locals() if k == "x")


show("exec_in_function", exec_in_function)


def setter():
    frame = sys._getframe(1)
    try:
        frame.f_locals["x"] = 99
    except Exception as e:
        print("  f_locals write:", type(e).__name__)


def frame_write():
    # Python 3.13 (PEP 667): writes through to the variable; before: no effect.
    x = 1
    setter()
    return x


show("frame_write", frame_write)


class Truthy:
    def __bool__(self):
        setter()
        return True


def truth_write(b):
    x = 1
    if b:
        return x
    return None


def setter2():
    sys._getframe(2).f_locals["x"] = 98


Truthy.__bool__ = lambda self: (setter2(), True)[1]
show("truth_write", lambda: truth_write(Truthy()))


def gen():
    x = 1
    yield x
    yield x


g = gen()
print("gen", next(g))
try:
    g.gi_frame.f_locals["x"] = 5
except Exception as e:
    print("gi_frame write", type(e).__name__)
print("gen", next(g))


class Body:
    x = 1
    locals()["x"] = 2
    y = x
    if x == 1:
        z = "one"
    else:
        z = "other"


print("class body", Body.x, Body.y, Body.z)

x = 1
globals()["x"] = 3
print("module", x)


def try_reduced():
    try:
        a = 1
        b = "two"
        c = [a, b][2]
    except IndexError as e:
        return "caught", a, b, lines(e)
    return "no"


show("try_reduced", try_reduced)


def try_removed():
    try:
        a = 1
        pass
    except Exception:
        return "never"
    else:
        a += 1
    finally:
        a += 10
    return a


show("try_removed", try_removed)


def error_line():
    a = 0
    b = 1
    if b:
        return b / a


try:
    error_line()
except ZeroDivisionError as e:
    print("error_line", e, lines(e))


def walrus(v):
    if (n := 3) > 2:
        r = n * 2
    return r, [y := 5, y + n]


show("walrus", lambda: walrus(0))


def deleted_in_loop(n):
    out = []
    for i in range(n):
        x = i
        if i % 2:
            del x
        try:
            out.append(x)
        except NameError as e:
            out.append(type(e).__name__)
    return out


show("deleted_in_loop", lambda: deleted_in_loop(4))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def lifetimes():
    a = Noisy("a")
    k = 1
    if k:
        a = Noisy("b")
        print("  rebound")
    print("  end")


show("lifetimes", lifetimes)
