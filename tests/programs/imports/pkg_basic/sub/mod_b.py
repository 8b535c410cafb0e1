print("executing pkg_basic/sub/mod_b.py as", __name__, "package", __package__)
from .. import mod_a
from ..mod_a import helper, A_CONST as renamed_const
from . import sibling
from .sibling import SIBLING
from .. import VALUE as parent_value


def too_far():
    try:
        from ... import something  # noqa: F401
    except ImportError as e:
        return "%s: %s" % (type(e).__name__, e)


def describe():
    return mod_a.__name__, helper(), renamed_const, sibling.__name__, SIBLING, parent_value
