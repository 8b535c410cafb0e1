"""``__compiled__`` on modules and functions (Nuitka extension).

CPython lacks the attribute, so this cannot be a comparison program; the
program prints what it finds and we check both runs.
"""

import os

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_program, run_binary, run_cpython

PROGRAM = SPECIAL_PROGRAMS_DIR / "compiled_attribute.py"

MAIN_CHECKS = [
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
]
HELPER_CHECK = "imported helper module"


def parse(stdout):
    result = {}
    for line in stdout.splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            result[key] = value
    return result


def compile_and_run(tmp_path, *extra_args):
    output_dir = tmp_path / "out"
    compiled, binary = compile_program(PROGRAM, output_dir, extra_args=extra_args)
    if compiled.returncode != 0 and "is not supported" in compiled.stderr:
        pytest.xfail(compiled.stderr.strip().splitlines()[-1])
    assert compiled.returncode == 0 and binary.exists(), compiled.describe()
    result = run_binary(binary, PROGRAM)
    assert result.returncode == 0, result.describe()
    return output_dir, result, parse(result.stdout)


def test_program_itself_under_cpython():
    result = run_cpython(PROGRAM)
    assert result.returncode == 0, result.describe()
    values = parse(result.stdout)
    for check in MAIN_CHECKS + [HELPER_CHECK]:
        assert values.get(check) == "False", (check, result.describe())
    assert "containing_dir" not in values


@pytest.mark.compiles
def test_compiled_main_module_and_functions(tmp_path):
    output_dir, result, values = compile_and_run(tmp_path)
    for check in MAIN_CHECKS:
        assert values.get(check) == "True", (check, result.describe())
    # Not followed: the helper is imported from source, so not compiled.
    assert values.get(HELPER_CHECK) == "False", result.describe()
    assert os.path.realpath(values["containing_dir"]) == os.path.realpath(
        output_dir
    ), result.describe()


@pytest.mark.compiles
def test_compiled_followed_module(tmp_path):
    _, result, values = compile_and_run(tmp_path, "--follow-imports")
    for check in MAIN_CHECKS + [HELPER_CHECK]:
        assert values.get(check) == "True", (check, result.describe())
