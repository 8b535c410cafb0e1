"""Errors raised by the build stage.

Every failure the user can do something about (no C compiler, no Python
headers, no SCons, C code that does not compile) is reported as a
:class:`BuildError` whose message is a single line saying what went wrong and
what to do about it.  The command line driver prints ``str(error)`` and exits
non-zero; it never shows a traceback for a :class:`BuildError`.
"""


class BuildError(Exception):
    """The C build failed; ``str(self)`` is a one-line actionable message."""

    def __init__(self, message):
        # Enforce the "one line" promise even if a caller passes compiler output.
        message = " ".join(str(message).split("\n")).strip()
        super().__init__(message)
