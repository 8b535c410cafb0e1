# sys.exit with an int from nested code; atexit handlers run in reverse
# registration order; the exit code is preserved.
import atexit
import sys

atexit.register(print, "atexit: registered first, runs last")


@atexit.register
def second():
    print("atexit: registered second, runs first")


def deep(n):
    if n == 0:
        try:
            sys.exit(3)
        except SystemExit as e:
            print("caught SystemExit with code", e.code, "- re-raising")
            raise
    return deep(n - 1)


try:
    deep(3)
finally:
    print("module-level finally")
