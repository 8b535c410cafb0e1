"""Random programs with many scopes nested on each line (harness/scope_fuzz.py).

* every scope of 300 random programs pairs with CPython's symbol tables and
  code objects (no C compiler: seconds);
* a few random programs compiled and compared with CPython (more under the
  ``slow`` marker; ``misc/fuzz_scopes.py`` runs any number of seeds on any
  Python).
"""

import ast
import importlib.util
import sys

import pytest

from harness import compare_results, compile_program, run_binary, run_cpython
from harness.scope_fuzz import program

PAIRING_SEEDS = range(1000, 1300)
COMPILED_SEEDS = [0, 1]
SLOW_COMPILED_SEEDS = list(range(2, 14))


def test_pairing_of_random_programs():
    from nuitka.frontend.scoping import module_scope_info

    for seed in PAIRING_SEEDS:
        source = program(seed, statements=12)
        code = compile(source, "fuzz%d.py" % seed, "exec", dont_inherit=True)
        tree = ast.parse(source)
        try:
            module_scope_info(source, "fuzz%d.py" % seed, code, tree)
        except Exception as e:  # noqa: BLE001
            pytest.fail("seed %d: %s: %s\n%s" % (seed, type(e).__name__, e, source))


def _compile_and_compare(seed, tmp_path):
    path = tmp_path / ("fuzz%d.py" % seed)
    path.write_text(program(seed))
    expected = run_cpython(path)
    result, binary = compile_program(path, tmp_path / "out")
    assert result.returncode == 0, result.describe()
    actual = run_binary(binary, path)
    problems = compare_results(expected, actual, tmp_dirs=[tmp_path])
    assert not problems, "seed %d (python -c 'from harness.scope_fuzz import program; print(program(%d))'):\n%s" % (
        seed, seed, problems)


@pytest.mark.compiles
@pytest.mark.parametrize("seed", COMPILED_SEEDS)
def test_compiled_random_program(seed, tmp_path):
    _compile_and_compare(seed, tmp_path)


@pytest.mark.compiles
@pytest.mark.slow
@pytest.mark.parametrize("seed", SLOW_COMPILED_SEEDS)
def test_compiled_random_program_slow(seed, tmp_path):
    _compile_and_compare(seed, tmp_path)
