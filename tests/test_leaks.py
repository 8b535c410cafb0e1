"""Compiled code must not leak references or memory (slow)."""

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_program, run_binary, run_cpython

PROGRAM = SPECIAL_PROGRAMS_DIR / "leak_check.py"

EXPECTED = "blocks flat: True\nrss flat: True\n"

pytestmark = pytest.mark.slow


def test_leak_program_is_flat_under_cpython():
    # Sanity check of the program itself, fewer rounds to save time.
    result = run_cpython(PROGRAM, directives=None)
    assert result.returncode == 0, result.describe()
    assert result.stdout == EXPECTED, result.describe()


@pytest.mark.compiles
def test_compiled_code_does_not_leak(tmp_path):
    output_dir = tmp_path / "out"
    compiled, binary = compile_program(PROGRAM, output_dir)
    assert compiled.returncode == 0 and binary.exists(), compiled.describe()
    result = run_binary(binary, PROGRAM)
    assert result.returncode == 0, result.describe()
    assert result.stdout == EXPECTED, result.describe()
