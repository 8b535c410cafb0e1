print("first: start")
from . import second  # noqa: E402

FIRST_VALUE = "first"
print("first: end, second.SECOND_VALUE =", second.SECOND_VALUE)


def uses_second():
    return second.late_function()
