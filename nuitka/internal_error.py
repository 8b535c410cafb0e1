"""Reporting a bug of the compiler itself.

A failure of the compiler (not of the user's program or options) must not
show the user a bare traceback: one line says it is an internal error, where
in the user's program it happened and how to report it; the full traceback
goes to a file (and to stderr with ``--verbose``).
"""

import os
import sys
import traceback

from nuitka.version import __version__

CRASH_REPORT_NAME = "nuitka-crash-report.txt"


class InternalCompilerError(Exception):
    """A compiler bug while compiling ``filename`` (at ``line`` if known)."""

    def __init__(self, filename, line, error):
        super().__init__("%s: %s" % (type(error).__name__, error))
        self.filename = filename
        self.line = line
        self.error = error


def locate(error, filename):
    """Wrap ``error`` (raised while compiling ``filename``) with its place
    in the user's program, as the frontend and codegen recorded it."""
    line = getattr(error, "nuitka_line", None)
    return InternalCompilerError(filename, line, error)


def report(error, report_dir, verbose):
    """Write the crash report, print the one line; returns the exit code."""
    original = error.error if isinstance(error, InternalCompilerError) else error
    text = "".join(traceback.format_exception(type(original), original, original.__traceback__))
    where = ""
    if isinstance(error, InternalCompilerError):
        where = " while compiling '%s'%s" % (
            error.filename,
            " line %d" % error.line if error.line else "",
        )
    path = os.path.join(str(report_dir), CRASH_REPORT_NAME)
    try:
        os.makedirs(str(report_dir), exist_ok=True)
        with open(path, "w") as f:
            f.write("nuitka %s, Python %s\n" % (__version__, sys.version.split()[0]))
            f.write("command line: %s\n\n" % " ".join(sys.argv))
            f.write(text)
        saved = "the traceback in '%s'" % path
    except OSError:
        saved = "the traceback that --verbose prints"
    if verbose:
        sys.stderr.write(text)
    message = str(original).splitlines()[0] if str(original) else ""
    sys.stderr.write(
        "nuitka: internal error in the compiler%s (%s%s); this is a bug of the compiler, "
        "please report it with your program and %s\n"
        % (where, type(original).__name__, ": " + message[:200] if message else "", saved)
    )
    sys.stderr.flush()
    return 1
