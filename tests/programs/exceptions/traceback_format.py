# traceback module used from handlers: format_exc, print_exc to stdout,
# extract_tb/extract_stack contents, format_exception_only.
import sys
import traceback


def inner(x):
    return 10 / x


def middle(x):
    return inner(x) + 1


def outer(x):
    return middle(x) * 2


try:
    outer(0)
except ZeroDivisionError:
    print(traceback.format_exc(), end="")

try:
    outer(0)
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)

try:
    outer(0)
except ZeroDivisionError as e:
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, repr(fs.line))
    print(traceback.format_exception_only(type(e), e))
    print("".join(traceback.format_exception(e)), end="")
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("innermost frame", tb.tb_frame.f_code.co_name, tb.tb_lineno, sorted(tb.tb_frame.f_locals))


def stack_here():
    return [(fs.name, fs.lineno, fs.line) for fs in traceback.extract_stack()]


def calls_stack():
    return stack_here()


for entry in calls_stack():
    print(entry)
print(traceback.format_stack()[-1], end="")
print(traceback.format_exc(), end="")
te = traceback.TracebackException.from_exception(KeyError("standalone"))
print(list(te.format()))


class Custom(Exception):
    pass


try:
    try:
        raise Custom("first")
    except Custom as c:
        raise ValueError("second") from c
except ValueError:
    lines = traceback.format_exc().splitlines()
    print(len(lines), lines[0], lines[-1])

try:
    exec("x = 1\ny = x +\n", {})
except SyntaxError:
    print(traceback.format_exc(), end="")

try:
    eval("undefined_in_eval + 1")
except NameError:
    print(traceback.format_exc(), end="")
traceback.print_stack(file=sys.stdout)
