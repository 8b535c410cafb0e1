from . import sibling
from .. import core as the_core
from ..core import base


def describe():
    return "%s %s %d" % (sibling.__name__, the_core.__name__, base())
