"""A C function that returns NULL without setting an exception: the call
raises SystemError (it used to crash compiled code when the C function was
called directly, as the interpreter's specialised calls do)."""

import sys

try:
    import _testcapi
except ImportError:
    _testcapi = None


def call_noargs():
    try:
        _testcapi.return_null_without_error()
    except SystemError as e:
        return str(e)
    return "no error"


def call_meth_o(frame):
    # PyFrame_GetGenerator() of a frame that no generator owns: NULL, no
    # exception (3.12+).
    try:
        _testcapi.frame_getgenerator(frame)
    except SystemError as e:
        return type(e).__name__
    return "no error"


if _testcapi is None:
    print("no _testcapi")
else:
    print(sorted({call_noargs() for _ in range(20)}))
    if hasattr(_testcapi, "frame_getgenerator"):
        print(sorted({call_meth_o(sys._getframe()) for _ in range(20)}))
    try:
        raise ValueError("still fine afterwards")
    except ValueError as e:
        print(repr(e))
