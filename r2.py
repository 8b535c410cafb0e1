import sys
def raiser():
    raise KeyError(1)
def d():
    try:
        raiser()
    finally:
        x = 1
        y = 2
def e():
    try:
        raiser()
    except KeyError:
        x = 1
        raise
    finally:
        y = 2
def f():
    try:
        raiser()
    except ValueError:
        pass
    else:
        pass
def g():
    with open(__file__):
        try:
            raiser()
        finally:
            z = 3
for fn in (d, e, f, g):
    try:
        fn()
    except KeyError as e:
        tb = e.__traceback__.tb_next
        print(fn.__name__, tb.tb_lineno, tb.tb_frame.f_lineno)
