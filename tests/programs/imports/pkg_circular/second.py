print("second: start")
from . import first  # noqa: E402

print("second: sees partially initialised first, has FIRST_VALUE:", hasattr(first, "FIRST_VALUE"))
SECOND_VALUE = "second"
try:
    from .first import FIRST_VALUE  # noqa: F401
except ImportError as e:
    print("second: ImportError:", str(e).split(" (")[0])


def late_function():
    return "late call sees " + first.FIRST_VALUE
