# Exceptions raised in atexit callbacks are printed but do not change the
# exit code of a normal exit.
import atexit


def failing():
    print("failing callback runs")
    raise RuntimeError("atexit callback failed")


def fine():
    print("fine callback runs")


atexit.register(fine)
atexit.register(failing)
print("main done")
