"""Reading Python source files the way CPython does (PEP 263, BOM)."""

import importlib.util
import os
import subprocess
import sys
import traceback


class SourceSyntaxError(Exception):
    """The user's program has a syntax error; ``text`` is CPython's report."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


def read_source_bytes(filename):
    with open(filename, "rb") as f:
        return f.read()


def compile_source(source_bytes, filename, optimize=0):
    """Compile with CPython, giving its exact SyntaxError report on failure.

    Returns ``(source_text, code_object)``; the code object tree is the
    reference for variable layout and flags.  ``optimize`` is ``compile()``'s
    level (1: ``--python-flag=no_asserts``, the same code as ``python -O``).
    """
    try:
        code = compile(source_bytes, filename, "exec", dont_inherit=True, optimize=optimize)
        text = importlib.util.decode_source(source_bytes)
    except (SyntaxError, ValueError, UnicodeDecodeError) as e:
        raise SourceSyntaxError(cpython_syntax_error_report(filename, e)) from None
    return text, code


def with_code_filename(code, filename):
    """``code`` and all code objects inside it naming ``filename`` (what
    ``co_filename`` says: the run time path, not the build path)."""
    consts = tuple(
        with_code_filename(c, filename) if isinstance(c, type(code)) else c for c in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=consts)


def format_syntax_error(exc):
    """Format like the interpreter does for ``python prog.py``."""
    lines = traceback.format_exception_only(type(exc), exc)
    return "".join(lines)


def cpython_syntax_error_report(filename, exc):
    """The exact report ``python filename`` prints for a source it cannot compile.

    CPython's C-level printer differs from ``traceback`` in corner cases
    (tabs, undecodable source), so when the file exists we let the
    interpreter itself report: a file that fails to compile runs no code.
    """
    if os.path.isfile(filename):
        result = subprocess.run(
            [sys.executable, "-S", "-E", filename],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=60,
        )
        if result.returncode != 0 and "Error" in result.stderr:
            return result.stderr
    return format_syntax_error(exc)


def absolute_filename(filename):
    return os.path.abspath(filename)


def report_and_exit(error):
    sys.stderr.write(error.text)
    sys.stderr.flush()
    sys.exit(1)
