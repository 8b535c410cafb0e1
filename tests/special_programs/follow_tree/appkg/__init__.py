"""A package with a module-level __getattr__."""
from . import core

VALUE = core.base() + 1


def __getattr__(name):
    if name == "lazy_value":
        return "lazy " + __name__
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
