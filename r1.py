import sys
def raiser():
    raise KeyError(1)
def a():
    try:
        raiser()
    except KeyError:
        raise
def b():
    try:
        raiser()
    except ValueError:
        pass
def c():
    with open(__file__):
        raiser()
for fn in (a, b, c):
    try:
        fn()
    except KeyError as e:
        tb = e.__traceback__.tb_next
        print(fn.__name__, tb.tb_lineno, tb.tb_frame.f_lineno)
