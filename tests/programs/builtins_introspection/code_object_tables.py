"""The code object of a compiled function is CPython's own when nothing
after its bytecode is needed (no position without an instruction of it): its line and position tables, equality with
code.replace(), and constants merged across functions as CPython does."""


def add_one(x):
    return x + 1


def add_two(y):
    return y + 2


def with_cell(arg):
    return lambda: arg


def branches(o, flag):
    if flag:
        return o.a
    else:
        return (o.
                b)


def relative_lines(code):
    return [line - code.co_firstlineno for _, _, line in code.co_lines() if line is not None]


for func in (add_one, add_two, with_cell, branches):
    code = func.__code__
    print(func.__name__, code == code.replace(), code == code.replace(co_name="other"))
    print("  lines", relative_lines(code))
    if hasattr(code, "co_positions"):  # 3.11+
        print("  one position per code unit", len(list(code.co_positions())) == len(code.co_code) // 2)
        print("  positions", [p[0] - code.co_firstlineno for p in code.co_positions() if p[0] is not None])
    print("  code", code.co_code == code.replace().co_code, len(code.co_code))

f1, f2 = lambda: ..., lambda: ...
print("merged co_consts", f1.__code__.co_consts is f2.__code__.co_consts)
f1, f2 = lambda: "not a name", lambda: ("not a name",)
f3 = lambda x: x in {("not a name",)}
print("merged tuple", f1.__code__.co_consts[1] is f2.__code__.co_consts[1][0])
print("merged in frozenset", next(iter(f3.__code__.co_consts[1])) is f2.__code__.co_consts[1])
g1 = lambda x: x.y.z
g2 = lambda a: a.b.c
print("merged line table", g1.__code__.co_linetable is g2.__code__.co_linetable)


# The instruction a traceback points at (dis.distb's arrow).
import contextlib
import dis
import io


def divide(a):
    x = a
    return x / 0


try:
    divide(1)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
out = io.StringIO()
with contextlib.redirect_stdout(out):
    dis.distb(tb)
print("arrow at", [line.split() for line in out.getvalue().splitlines() if "-->" in line])
