"""PyPI packages' own test suites against their compiled modules (run.py):
one item per package, failing when a test passes uncompiled and fails
compiled. Slow and needs network access to PyPI:

    python3 -m pytest tests/package_suites -m package_suites -n 1
"""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("package_suites_run", Path(__file__).resolve().parent / "run.py")
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)

pytestmark = [pytest.mark.slow, pytest.mark.package_suites, pytest.mark.compiles]


@pytest.mark.parametrize("name", sorted(run.SUITES))
def test_package_suite(name, tmp_path):
    ok, lines = run.run_suite(name, run.SUITES[name], tmp_path / name)
    print("\n".join(lines))
    assert ok, "\n".join(lines)
