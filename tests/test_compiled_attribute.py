"""``__compiled__`` on modules and functions (Nuitka extension).

CPython lacks the attribute, so this cannot be a comparison program; the
program prints what it finds and we check both runs.
"""

import os

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_program, run_binary, run_cpython

pytestmark = pytest.mark.compiles

PROGRAM = SPECIAL_PROGRAMS_DIR / "compiled_attribute.py"

CHECKS = [
    "module global",
    "module name lookup",
    "function",
    "nested function",
    "lambda",
    "method via class",
    "bound method",
    "classmethod func",
    "staticmethod",
    "generator function",
    "imported helper module",
]


def parse(stdout):
    result = {}
    for line in stdout.splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            result[key] = value
    return result


def test_program_itself_under_cpython():
    result = run_cpython(PROGRAM)
    assert result.returncode == 0, result.describe()
    values = parse(result.stdout)
    for check in CHECKS:
        assert values.get(check) == "False", (check, result.describe())


def test_compiled_has_compiled_attribute(tmp_path):
    output_dir = tmp_path / "out"
    compiled, binary = compile_program(PROGRAM, output_dir)
    assert compiled.returncode == 0 and binary.exists(), compiled.describe()
    result = run_binary(binary, PROGRAM)
    assert result.returncode == 0, result.describe()
    values = parse(result.stdout)
    # The helper module is imported, not followed, unless --follow-imports is
    # given; the program is compiled with it (see its directive).
    for check in CHECKS:
        assert values.get(check) == "True", (check, result.describe())
    assert os.path.realpath(values["containing_dir"]) == os.path.realpath(
        output_dir
    ), result.describe()
