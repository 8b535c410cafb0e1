"""An extension module made by --module."""
import sys

CALLS = []


def add(a, b=2, *, scale=1):
    CALLS.append((a, b))
    return (a + b) * scale


class Thing:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return "Thing(%r)" % (self.value,)


def gen(n):
    yield from range(n)


def nested_is_compiled():
    def inner():
        pass

    return hasattr(inner, "__compiled__")


class Made:
    def __init__(self):
        self.compiled = nested_is_compiled()


def fails():
    raise ValueError("from compiled module")


print("extmod executing as", __name__)
