# A star import may bring any name: nothing in the module is predicted.
def before():
    return len("abc"), isinstance(1, int), max(1, 2)


print(before())
from _builtin_star_helper import *  # noqa: E402,F401,F403

print(before())
print(len("abc"), isinstance(1, int), min(3, 4))
