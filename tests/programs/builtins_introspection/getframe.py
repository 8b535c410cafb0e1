# sys._getframe() and inspect frame access from (compiled) functions.
import inspect
import os
import sys


def where(depth=1):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno


def level3():
    frame = sys._getframe()
    chain = []
    f = frame
    while f is not None:
        chain.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return chain


def level2():
    return level3()


def level1():
    return level2()


for entry in level1():
    print(entry)


def locals_visible(a, b="two"):
    c = a * 2
    return sys._getframe().f_locals


print(sorted(locals_visible(1).items()))


def caller_locals():
    secret = "caller's secret"
    return callee_reads_caller()


def callee_reads_caller():
    frame = sys._getframe(1)
    return frame.f_locals.get("secret"), frame.f_code.co_name, frame.f_globals is globals()


print(caller_locals())


def line_tracking():
    lines = [sys._getframe().f_lineno]
    lines.append(sys._getframe().f_lineno)
    x = (
        sys._getframe().f_lineno
    )
    lines.append(x)
    return lines


print(line_tracking())
print(where(1), where.__code__.co_name)
print(sys._getframe().f_code.co_name, sys._getframe().f_back, sys._getframe().f_globals is globals())
print(sys._getframe().f_locals is globals())
print(os.path.basename(sys._getframe().f_code.co_filename))
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)


class Meth:
    def method(self):
        return where(1), sys._getframe().f_locals["self"] is self

    @property
    def prop(self):
        return sys._getframe().f_code.co_name

    def __repr__(self):
        return "Meth()"


print(Meth().method(), Meth().prop)


def uses_inspect():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    outer = inspect.getouterframes(frame)[1]
    return info.function, info.lineno, os.path.basename(info.filename), outer.function, outer.lineno


print(uses_inspect())


def stack_names():
    return [fi.function for fi in inspect.stack()]


def through_lambda():
    return (lambda: stack_names())()


print(through_lambda())
print([stack_names() for _ in range(1)][0][:2])


def gen_frames():
    yield sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name


print(next(gen_frames()))


def frame_after_return():
    return sys._getframe()


fr = frame_after_return()
print(fr.f_code.co_name, fr.f_back is None or fr.f_back.f_code.co_name)


def modify_global_through_frame():
    sys._getframe().f_globals["set_via_frame"] = "yes"


modify_global_through_frame()
print(set_via_frame)


def class_body_frame():
    class Inside:
        name = sys._getframe().f_code.co_name
        back = sys._getframe(1).f_code.co_name
        local_keys = sorted(k for k in sys._getframe().f_locals if not k.startswith("__"))

    return Inside.name, Inside.back, Inside.local_keys


print(class_body_frame())
print(sys._getframe(0).f_lasti >= 0, type(sys._getframe()).__name__)
