from .. import core


def core_value():
    return core.base()
