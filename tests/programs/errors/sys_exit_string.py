# sys.exit with a string: printed to stderr, exit code 1, finally blocks run.
import sys


def shutdown():
    try:
        print("shutting down")
        sys.exit("fatal: configuration missing")
    finally:
        print("finally runs before exit")


shutdown()
print("not reached")
