"""The language test programs (tests/programs) compiled with --standalone,
run without Python (``harness.isolated``) and compared with CPython.

A few programs run by default (``FAST``); all of them with ``-m slow``.
The category folder is copied to a temporary folder first (the checkout is
hidden at run time); CPython runs the copy too.  The standalone run gets
``PYTHONHASHSEED=0`` and the program's ``env=`` directives, like CPython.

Known differences that are normalised: traceback entries name the module
inside the dist folder and show no source lines (no source is shipped), so
the source and caret lines under ``File "...", line N`` entries are dropped
from CPython's output.
"""

import os
import re
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest

from harness import (
    compare_results,
    compile_program,
    discover_programs,
    parse_directives,
    program_id,
    required_python,
    run_cpython,
)
from harness.isolated import isolation_available, run_isolated

FAST = {
    "imports/import_star",
    "exceptions/implicit_chaining",
    "frames_tracebacks/uncaught_in_method",
    "builtins_introspection/builtins_misc",
}


#: Programs that need options in standalone mode: modules they import by a
#: computed name are invisible to the compiler (the documented answer).
EXTRA_ARGS = {
    "imports/import_package_attributes": ["--include-module=pkg_lazy.heavy"],
    # exec("import math")
    "builtins_introspection/exec_eval": ["--include-module=math"],
    "classes/operator_overloading": ["--include-module=math"],
}

#: Programs whose output depends on the compiling Python's environment, not
#: on the program: reason.
KNOWN_DIFFERENCES = {
    "imports/import_relative": "checks hasattr(importlib, 'util'), which the .pth files of "
    "the test machine's site-packages import at start-up; a standalone program has none",
    "exceptions/traceback_format": "prints source lines of its own frames (no source is shipped)",
    "async/never_awaited": "warnings prints the source line of where a coroutine was "
    "created, at the indentation of its File line (no source is shipped)",
    "frames_tracebacks/lineno_after_reraise": "reads its own source file (no source is shipped)",
    "frames_tracebacks/attribute_positions": "prints source lines of its own frames (no source is shipped)",
    "scopes/scope_zoo": "reads its own source file (no source is shipped)",
    "statements/pass_docstrings": "reads its own source file (no source is shipped)",
    "statements/with_statement": "reads its own source file (no source is shipped)",
    "builtins_introspection/code_objects": "inspect.getsource of its own functions (no source is shipped)",
    "builtins_introspection/module_attributes": "prints the name of its folder and json.__file__ "
    "(dist folder, __init__.pyc in the archive)",
}

_FILE_LINE = re.compile(r'^([ |]*)File "[^"]*", line \d+')
_WARNING_LINE = re.compile(r"^\S.*:\d+: \w*Warning: ")
_PREFIX = re.compile(r"^[ |]*")


def _without_source_lines(text):
    """Drop the source (and caret) lines under traceback entries and
    warnings (also in exception group tracebacks, ``  | ``)."""
    out, indent = [], None
    for line in text.splitlines(keepends=True):
        if indent is not None:
            if len(_PREFIX.match(line).group(0)) > indent and not _FILE_LINE.match(line):
                continue
            indent = None
        match = _FILE_LINE.match(line)
        if match:
            indent = len(match.group(1))
        elif _WARNING_LINE.match(line):
            indent = 0
        out.append(line)
    return "".join(out)


def _stdlib_relative(text):
    """Frames of the standard library name it by relative path."""
    stdlib = sysconfig.get_paths()["stdlib"]
    return text.replace('File "%s/' % stdlib, 'File "').replace(
        'File "%s/' % os.path.realpath(stdlib), 'File "')


def _params():
    params = []
    for path in discover_programs():
        directives = parse_directives(path)
        if directives.compile_error or directives.skip:
            continue
        pid = program_id(path, ())
        marks = [pytest.mark.compiles]
        if pid not in FAST or directives.slow:
            marks.append(pytest.mark.slow)
        needed = required_python(path)
        if needed and sys.version_info[:2] < needed:
            marks.append(pytest.mark.skip(reason="needs Python >= %d.%d" % needed))
        if directives.xfail:
            marks.append(pytest.mark.xfail(reason=directives.xfail, strict=False))
        if pid in KNOWN_DIFFERENCES:
            marks.append(pytest.mark.xfail(reason=KNOWN_DIFFERENCES[pid], strict=True))
        params.append(pytest.param(path, id=pid, marks=marks))
    return params


@pytest.mark.skipif(not isolation_available(), reason="needs root and unshare -m")
@pytest.mark.parametrize("path", _params())
def test_standalone_program(path, tmp_path):
    folder = tmp_path / "src"
    shutil.copytree(Path(path).parent, folder, ignore=shutil.ignore_patterns("__pycache__"))
    program = folder / Path(path).name
    directives = parse_directives(program)
    expected = run_cpython(program, directives)
    output_dir = tmp_path / "out"
    extra = EXTRA_ARGS.get(program_id(path, ()), [])
    compiled, _ = compile_program(program, output_dir, directives, ["--standalone", *extra])
    if compiled.returncode != 0:
        pytest.fail("compilation failed:\n" + compiled.describe(), pytrace=False)
    dist = output_dir / (program.stem + ".dist")
    env = {"PYTHONHASHSEED": "0", "LANG": "C.UTF-8", "PYTHON_COLORS": "0", "NO_COLOR": "1"}
    env.update(directives.env or {})
    actual = run_isolated([str(dist / (program.stem + ".bin")), *directives.argv], folder, env=env,
                          stdin=directives.stdin, result_dir=dist)
    for result in (expected, actual):
        result.stdout = _stdlib_relative(_without_source_lines(result.stdout))
        result.stderr = _stdlib_relative(_without_source_lines(result.stderr))
    problems = compare_results(expected, actual, [str(dist), str(folder), str(tmp_path)])
    if problems:
        pytest.fail(problems + "\n" + actual.describe(), pytrace=False)
