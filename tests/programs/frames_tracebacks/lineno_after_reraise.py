# f_lineno of a frame an exception left through bare raise, finally blocks,
# with statements and unmatched handlers (CPython's RERAISE positions).
import sys


def raiser():
    raise KeyError(1)


def bare_raise():
    try:
        raiser()
    except KeyError:
        raise


def unmatched():
    try:
        raiser()
    except ValueError:
        pass


def with_exit():
    with open(__file__):
        raiser()


def finally_block():
    try:
        raiser()
    finally:
        x = 1
        y = 2


def handler_then_finally():
    try:
        raiser()
    except KeyError:
        x = 1
        raise
    finally:
        y = 2


def with_finally():
    with open(__file__):
        try:
            raiser()
        finally:
            z = 3


def except_as():
    try:
        raiser()
    except KeyError as e:
        x = e
        raise


for fn in (bare_raise, unmatched, with_exit, finally_block, handler_then_finally, with_finally, except_as):
    try:
        fn()
    except KeyError as e:
        tb = e.__traceback__.tb_next
        print(fn.__name__, tb.tb_lineno, tb.tb_frame.f_lineno)
