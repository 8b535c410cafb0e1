"""What ``--python-flag`` does, per flag and per compilation mode.

The canonical flag names come from ``PYTHON_FLAG_ALIASES`` in
:mod:`nuitka.options`.  Each flag acts at compile time (on the code generated
for the compiled modules), at run time (on the interpreter configuration the
compiled program starts with, ``nuitka/runtime/python_flags.c``), or both:

==============  =========================================  =====================================
flag            compile time                               run time (programs only)
==============  =========================================  =====================================
no_asserts      asserts dropped, ``__debug__`` False       ``sys.flags.optimize`` 1 (like ``-O``)
no_docstrings   docstrings None                            ``sys.flags.optimize`` 2 with no_asserts
no_site         --                                         ``site`` not imported (``-S``)
unbuffered      --                                         stdout/stderr unbuffered (``-u``)
isolated        --                                         ``-I``: isolated mode, no sys.path[0]
safe_path       --                                         ``-P``: no sys.path[0]
no_warnings     --                                         warnings ignored (``-W ignore``)
static_hashes   --                                         ``PYTHONHASHSEED=0``
no_annotations  annotations neither evaluated nor stored   --
==============  =========================================  =====================================

``package_mode`` (``-m``) is refused with a message (a compiled program is
always run as a script).  In ``--module`` mode the interpreter is the
importing one, so only the compile-time flags apply; the others are refused
with an error.
"""

from typing import Iterable, Optional, Tuple

#: Bits of ``nuitka_python_flags`` in ``__program.c``; the same numbers are
#: in ``nuitka/runtime/include/nuitka/python_flags.h``.
RUNTIME_FLAG_BITS = {
    "no_asserts": 1,
    "no_docstrings": 2,
    "no_site": 4,
    "unbuffered": 8,
    "isolated": 16,
    "safe_path": 32,
    "no_warnings": 64,
    "static_hashes": 128,
}

#: Flags whose effect is in the generated code (the only ones --module takes).
COMPILE_TIME_FLAGS = ("no_asserts", "no_docstrings", "no_annotations")

#: Flags that are refused everywhere, with the reason.
REFUSED_FLAGS = {
    "package_mode": "a compiled program always runs as a script, never as "
    "'python -m'; compile the package's __main__.py (or use --module)",
}


def compile_settings(flags: Iterable[str]) -> Tuple[int, bool, bool]:
    """``(optimize, strip_docstrings, no_annotations)`` for the frontend.

    ``optimize`` is ``compile()``'s level: 2 for no_asserts with
    no_docstrings (``-OO``), 1 for no_asserts alone, else 0 (no_docstrings
    alone strips docstrings but keeps the asserts)."""
    flags = set(flags)
    optimize = 0
    if "no_asserts" in flags:
        optimize = 2 if "no_docstrings" in flags else 1
    return optimize, "no_docstrings" in flags, "no_annotations" in flags


def runtime_bits(flags: Iterable[str]) -> int:
    """The ``nuitka_python_flags`` value of a program."""
    bits = 0
    for flag in flags:
        bits |= RUNTIME_FLAG_BITS.get(flag, 0)
    return bits


def flags_problem(flags: Iterable[str], module_mode: bool) -> Optional[str]:
    """A usage error message for the flags in this mode, or None."""
    flags = list(flags)
    for flag in flags:
        if flag in REFUSED_FLAGS:
            return "--python-flag=%s is not supported: %s" % (flag, REFUSED_FLAGS[flag])
    if module_mode:
        runtime_only = [flag for flag in flags if flag not in COMPILE_TIME_FLAGS]
        if runtime_only:
            return (
                "--python-flag=%s cannot be used with --module: an extension module "
                "runs in the interpreter that imports it, whose flags it cannot change "
                "(only %s apply); give the flag to that interpreter instead"
                % (",".join(runtime_only), ", ".join(COMPILE_TIME_FLAGS))
            )
    return None

