# Exiting with code 0 from inside a with-statement and a generator.
import sys


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("__exit__ sees", exc[0].__name__)
        return False


def gen():
    try:
        yield 1
        sys.exit(0)
    finally:
        print("generator finally")


with CM():
    for value in gen():
        print("value", value)
print("not reached")
