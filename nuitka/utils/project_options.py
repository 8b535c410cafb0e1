"""Project options: compiler options written as comments in the main file.

Lines that start (in column 0) with ``#`` followed by one of these
directives are read::

    # nuitka-project: --lto=no
    # nuitka-project-if: {OS} == "Linux":
    #    nuitka-project: --clang
    # nuitka-project-else:
    #    nuitka-project: --jobs=1

``nuitka-project-if:`` takes a Python expression (a trailing ``:`` is
optional); the lines indented deeper below it (inside the comment) only count
when it is true, those below a following ``nuitka-project-else:`` at the same
indentation only when it is false.  Before evaluation or use, ``{NAME}`` is
replaced for these names:

=================  ============================================  =============
name               value                                         example
=================  ============================================  =============
``OS``             ``platform.system()``                         ``Linux``
``Arch``           ``platform.machine()``                        ``x86_64``
``Version``        compiler version as a tuple                   ``(0, 1, 0)``
``Commercial``     always ``None``                               ``None``
``MAIN_DIRECTORY`` folder of the file holding the comment        ``/src/app``
``Flavor``         kind of Python (see ``--version``)            ``pyenv``
=================  ============================================  =============

In conditions a name becomes a Python literal (``{OS}`` -> ``'Linux'``); in
option lines it becomes plain text (``{MAIN_DIRECTORY}/x.png``).  Conditions
are evaluated with ``os``, ``sys`` and ``platform`` available: they are code
from the user's own program, like the program itself.
"""

import builtins
import os
import platform
import re
import sys
import tokenize
from pathlib import Path
from typing import Dict, List, Union

from nuitka.utils.version_report import (
    get_arch,
    get_nuitka_version_tuple,
    get_os_name,
    get_python_flavor,
)

_DIRECTIVE_RE = re.compile(r"^nuitka-project(-[a-z]+)?:(.*)$")
_VARIABLE_RE = re.compile(r"\{([A-Za-z_][A-Za-z_0-9]*)\}")


class ProjectOptionsError(ValueError):
    """A project option comment is malformed; the message names file and line."""


def get_project_variables(path: Union[str, Path]) -> Dict[str, object]:
    """The values of the ``{NAME}`` variables for the main file ``path``."""
    return {
        "OS": get_os_name(),
        "Arch": get_arch(),
        "Version": get_nuitka_version_tuple(),
        "Commercial": None,
        "MAIN_DIRECTORY": os.path.dirname(os.path.abspath(str(path))),
        "Flavor": get_python_flavor(),
    }


def _read_lines(path: Path) -> List[str]:
    data = path.read_bytes()
    try:
        encoding, _ = tokenize.detect_encoding(iter(data.splitlines(True)).__next__)
        text = data.decode(encoding, "replace")
    except (SyntaxError, LookupError):
        text = data.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.splitlines()


class _Frame:
    __slots__ = ("indent", "value", "is_else")

    def __init__(self, indent, value, is_else):
        self.indent = indent
        self.value = value
        self.is_else = is_else


def read_project_options(path: Union[str, Path]) -> List[str]:
    """Read the ``# nuitka-project:`` options of a main file.

    Args:
        path: the Python file (for a package directory, its ``__init__.py``
            is read when present, else nothing).

    Returns:
        The options that apply, in file order, each one command line
        argument (``--name`` or ``--name=value``).  An option line with a
        space and no ``=`` (``--jobs 2``) gives two arguments.

    Raises:
        ProjectOptionsError: malformed directive, unknown variable, a
            condition that cannot be evaluated, or a line that is not an
            option.  The message starts with ``file:line:``.
        OSError: the file cannot be read.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "__init__.py"
        if not path.is_file():
            return []

    variables = get_project_variables(path)
    result: List[str] = []
    stack: List[_Frame] = []

    for lineno, line in enumerate(_read_lines(path), start=1):
        if not line.startswith("#"):
            continue
        comment = line[1:].expandtabs(8)
        body = comment.strip()
        if not body.startswith("nuitka-project"):
            continue

        where = "%s:%d" % (path, lineno)
        match = _DIRECTIVE_RE.match(body)
        if match is None:
            raise ProjectOptionsError(
                "%s: malformed project option comment %r; write "
                "'# nuitka-project: --option', '# nuitka-project-if: condition:' "
                "or '# nuitka-project-else:'" % (where, body)
            )
        kind, value = match.group(1) or "", match.group(2).strip()
        indent = len(comment) - len(comment.lstrip())

        last_closed = None
        while stack and stack[-1].indent >= indent:
            last_closed = stack.pop()
        active = all(frame.value for frame in stack)

        if kind == "":
            if not value:
                raise ProjectOptionsError(
                    "%s: empty 'nuitka-project:' comment; give an option like "
                    "'--lto=no' or remove the line" % where
                )
            if active:
                result.extend(_option_arguments(value, variables, where))
        elif kind == "-if":
            if value.endswith(":"):
                value = value[:-1].rstrip()
            if not value:
                raise ProjectOptionsError(
                    "%s: 'nuitka-project-if:' needs a condition, e.g. "
                    "'{OS} == \"Linux\":'" % where
                )
            condition = _evaluate_condition(value, variables, where) if active else False
            stack.append(_Frame(indent, bool(condition), False))
        elif kind == "-else":
            if value not in ("", ":"):
                raise ProjectOptionsError(
                    "%s: 'nuitka-project-else:' takes no condition; use a nested "
                    "'nuitka-project-if:' instead" % where
                )
            if last_closed is None or last_closed.indent != indent or last_closed.is_else:
                raise ProjectOptionsError(
                    "%s: 'nuitka-project-else:' without a 'nuitka-project-if:' "
                    "at the same indentation before it" % where
                )
            stack.append(_Frame(indent, not last_closed.value, True))
        else:
            raise ProjectOptionsError(
                "%s: unknown directive 'nuitka-project%s:'; known are "
                "'nuitka-project:', 'nuitka-project-if:' and 'nuitka-project-else:'"
                % (where, kind)
            )

    return result


def _expand(text: str, variables: Dict[str, object], where: str, literal: bool) -> str:
    def replace(match):
        name = match.group(1)
        if name not in variables:
            if literal:
                # Maybe a set/dict literal in a condition: leave it alone.
                return match.group(0)
            raise ProjectOptionsError(
                "%s: unknown variable {%s} in project option; known are %s"
                % (where, name, ", ".join("{%s}" % key for key in variables))
            )
        value = variables[name]
        if literal:
            return repr(value)
        if isinstance(value, tuple):
            return ".".join(str(part) for part in value)
        return str(value)

    return _VARIABLE_RE.sub(replace, text)


def _evaluate_condition(expression: str, variables, where: str) -> bool:
    code = _expand(expression, variables, where, literal=True)
    namespace = {"__builtins__": builtins, "os": os, "sys": sys, "platform": platform}
    try:
        return bool(eval(code, namespace))  # pylint: disable=eval-used
    except Exception as exc:  # any error in user code is reported, not raised
        raise ProjectOptionsError(
            "%s: cannot evaluate 'nuitka-project-if:' condition %r: %s: %s"
            % (where, code, type(exc).__name__, str(exc).replace("\n", " "))
        ) from None


def _option_arguments(value: str, variables, where: str) -> List[str]:
    text = _expand(value, variables, where, literal=False)
    if not text.startswith("-"):
        raise ProjectOptionsError(
            "%s: project option %r is not an option; write it like "
            "'# nuitka-project: --lto=no'" % (where, text)
        )
    name, sep, _ = text.partition("=")
    if not sep and len(text.split(None, 1)) == 2:
        option, argument = text.split(None, 1)
        return [option, argument.strip()]
    if sep and (" " in name or "\t" in name):
        raise ProjectOptionsError(
            "%s: project option %r has a space before '='; write it like "
            "'--option=value'" % (where, text)
        )
    return [text]
