"""A package made into one extension module."""
from . import util
from .sub import leaf

TOTAL = util.double(leaf.LEAF)


def __getattr__(name):
    if name == "dynamic":
        from . import late

        return late.LATE
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
