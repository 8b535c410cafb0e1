"""Module docstring of the probe."""
# Prints what the Python flags change; compared with CPython run with the
# same flags (tests/test_python_flags.py).
import os
import sys
import warnings


def function():
    """Function docstring."""
    return 1


class Klass:
    """Class docstring."""

    def method(self):
        """Method docstring."""

    async def coroutine(self):
        "Coroutine docstring."


def run_assert():
    try:
        assert False, "assert ran"
    except AssertionError as e:
        return "AssertionError: %s" % e
    return "no assert"


flags = sys.flags
print("optimize", flags.optimize, "no_site", flags.no_site, "isolated", flags.isolated)
print("ignore_environment", flags.ignore_environment, "no_user_site", flags.no_user_site)
print("safe_path", getattr(flags, "safe_path", "n/a"), "hash_randomization", flags.hash_randomization)
print("__debug__", __debug__)
if __debug__:
    print("in if __debug__")
else:
    print("in else of if __debug__")
print("docs", repr(__doc__), function.__doc__, Klass.__doc__, Klass.method.__doc__, Klass.coroutine.__doc__)
print(run_assert())
print("site imported", "site" in sys.modules)
here = os.path.dirname(os.path.abspath(__file__))
print("sys.path[0] is the script folder", bool(sys.path) and sys.path[0] == here)
print("script folder in sys.path", here in sys.path)
print("warnoptions", sys.warnoptions)
with warnings.catch_warnings(record=True) as caught:
    warnings.warn("a user warning")
    warnings.warn("a deprecation", DeprecationWarning)
print("warnings recorded", len(caught))
warnings.warn("printed unless ignored")
print("hash", hash("stable text"))
# Buffering: print() goes through the sys.stdout buffer, os.write does not.
print("printed first")
sys.stderr.flush()
os.write(1, b"written by os.write\n")
print("end")
