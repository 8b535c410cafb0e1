"""Compile every test program and compare it with CPython.

One test per program file, id ``category/name``.  See tests/README.md.
"""

import os
import sys
import time

import pytest

from harness import (
    compare_results,
    compile_program,
    discover_programs,
    normalise,
    parse_directives,
    program_id,
    required_python,
    run_binary,
    run_cpython,
    unified_diff,
)

# A program should run in well under a second with CPython; this is only
# checked in --cpython-only mode (it is a property of the program).
MAX_CPYTHON_SECONDS = 3.0


def _params():
    params = []
    for path in discover_programs():
        directives = parse_directives(path)
        marks = [pytest.mark.compiles]
        needed = required_python(path)
        if needed and sys.version_info[:2] < needed:
            marks.append(
                pytest.mark.skip(reason="needs Python >= %d.%d" % needed)
            )
        if directives.slow:
            marks.append(pytest.mark.slow)
        if directives.skip:
            marks.append(pytest.mark.skip(reason=directives.skip))
        if directives.xfail:
            marks.append(pytest.mark.xfail(reason=directives.xfail, strict=False))
        for variant in [()] + [tuple(v) for v in directives.variants]:
            params.append(
                pytest.param(path, variant, id=program_id(path, variant), marks=marks)
            )
    return params


def _check_cpython_only(path, directives, expected):
    """Determinism and speed check of the program itself."""
    start = time.monotonic()
    again = run_cpython(path, directives, hashseed="4242")
    duration = time.monotonic() - start
    problems = compare_results(expected, again)
    if problems:
        pytest.fail(
            "program is not deterministic under CPython (PYTHONHASHSEED 0 vs "
            "4242):\n" + problems,
            pytrace=False,
        )
    if directives.compile_error:
        if expected.returncode != 1 or "Error" not in expected.stderr:
            pytest.fail(
                "compile-error program does not fail under CPython:\n"
                + expected.describe(),
                pytrace=False,
            )
    if duration > MAX_CPYTHON_SECONDS and not directives.slow:
        pytest.fail(
            "program takes %.1fs under CPython; mark it slow or make it "
            "faster" % duration,
            pytrace=False,
        )


@pytest.mark.parametrize("path,variant", _params())
def test_program(path, variant, tmp_path, cpython_only):
    directives = parse_directives(path)
    expected = run_cpython(path, directives)

    if cpython_only:
        if not variant:
            _check_cpython_only(path, directives, expected)
        return

    output_dir = tmp_path / "out"
    compiled, binary = compile_program(path, output_dir, directives, variant)
    tmp_dirs = [str(output_dir), str(tmp_path)]

    # The compiler says plainly when a construct or option is not
    # implemented yet: that is a known gap (xfail), not a silent pass. Any
    # other difference fails.
    if compiled.returncode != 0 and "is not supported" in compiled.stderr:
        pytest.xfail(compiled.stderr.strip().splitlines()[-1])

    if directives.compile_error:
        problems = []
        exp_err = normalise(expected.stderr, tmp_dirs)
        act_err = normalise(compiled.stderr, tmp_dirs)
        if exp_err != act_err:
            problems.append(
                "compiler stderr differs from CPython's:\n"
                + unified_diff(exp_err, act_err, "stderr")
            )
        if compiled.returncode != expected.returncode:
            problems.append(
                "exit code differs: cpython %s, compiler %s\n"
                % (expected.returncode, compiled.returncode)
            )
        if "Traceback" in compiled.stderr and "Traceback" not in expected.stderr:
            problems.append("compiler printed a traceback\n")
        if binary.exists():
            problems.append("a binary was left behind after a failed build: %s\n" % binary)
        if problems:
            pytest.fail("".join(problems) + "\n" + compiled.describe(), pytrace=False)
        return

    if compiled.returncode != 0 or not binary.exists():
        pytest.fail(
            "compilation failed (expected %s)\n%s" % (binary, compiled.describe()),
            pytrace=False,
        )
    build_dir = output_dir / (path.stem + ".build")
    if build_dir.exists():
        pytest.fail("--remove-output left %s behind" % build_dir, pytrace=False)

    actual = run_binary(binary, path, directives)
    problems = compare_results(expected, actual, tmp_dirs)
    if problems:
        pytest.fail(
            "compiled program behaves differently from CPython (%s)\n%s"
            % (os.path.relpath(path), problems),
            pytrace=False,
        )
