# Walking tracebacks and frames by hand: tb_lineno, tb_frame, f_lineno of
# each frame during a multi-line statement, f_back chain at the raise site.
import sys


def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
        tb = tb.tb_next
    return out


def raiser(kind):
    if kind == 1:
        raise KeyError("one")
    elif kind == 2:
        {}["two"]
    else:
        [][3]


def calls(kind):
    value = (
        1,
        raiser(kind),
    )
    return value


for kind in (1, 2, 3):
    try:
        calls(kind)
    except LookupError as e:
        print(type(e).__name__, walk(e.__traceback__))


def capture_frames():
    frames = []
    f = sys._getframe()
    while f:
        frames.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return frames


def multi_line_call():
    return [
        "first",
        capture_frames(),
    ]


print(multi_line_call())


def handler_frame_lineno():
    try:
        raise ValueError
    except ValueError:
        return sys._getframe().f_lineno, sys.exc_info()[2].tb_lineno


print(handler_frame_lineno())


def loop_lines():
    lines = []
    for i in range(2):
        lines.append(sys._getframe().f_lineno)
    while len(lines) < 4:
        lines.append(sys._getframe().f_lineno)
    return lines


print(loop_lines())


def with_lines():
    class CM:
        def __enter__(self):
            return sys._getframe(1).f_lineno

        def __exit__(self, *a):
            print("exit sees caller line", sys._getframe(1).f_lineno)

    with CM() as line:
        pass
    return line


print(with_lines())
try:
    exec("def from_exec():\n    raise RuntimeError('exec')\nfrom_exec()\n", {})
except RuntimeError as e:
    print(walk(e.__traceback__))
try:
    eval("1/0")
except ZeroDivisionError as e:
    print(walk(e.__traceback__))


def tb_after_reraise():
    try:
        raiser(1)
    except KeyError:
        raise


try:
    tb_after_reraise()
except KeyError as e:
    print(walk(e.__traceback__))
    print(e.__traceback__.tb_frame is sys._getframe())
