# sys.excepthook replaced: the custom hook handles the uncaught exception.
import sys


def hook(exc_type, exc, tb):
    frames = []
    while tb:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("custom hook:", exc_type.__name__, exc, frames)


sys.excepthook = hook


def fail():
    raise LookupError("handled by hook")


print("before failure")
fail()
