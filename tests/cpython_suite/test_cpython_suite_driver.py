"""Self-tests of the CPython test suite driver (no compiler involved)."""

import sys
import textwrap

import pytest

from cpython_suite import driver

SAMPLE = '''
import os
import unittest

class Sample(unittest.TestCase):
    def test_pass(self):
        pass

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_error(self):
        raise KeyError("x")

    @unittest.skip("because")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.fail()

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_crash(self):
        if os.environ.get("SAMPLE_CRASH"):
            os._exit(7)

class Broken(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("no")

    def test_never(self):
        pass
'''


def _run(tmp_path, label, env=None):
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    (folder / "test_cpysuite_sample.py").write_text(SAMPLE)
    return driver._collector_side(label, "test_cpysuite_sample", folder, tmp_path, 60, env)


def test_module_list():
    specs = driver.load_modules()
    names = [s.name for s in specs]
    assert len(names) == len(set(names))
    applicable = [s for s in specs if s.applies()]
    assert len(applicable) >= 50
    assert any(s.fast for s in applicable)
    for spec in applicable:
        # A module, or a test package (its tests in __init__.py).
        path = driver.stdlib_test_dir() / (spec.name + ".py")
        package = driver.stdlib_test_dir() / spec.name / "__init__.py"
        assert path.is_file() or package.is_file(), path


def test_known_failures_file():
    modules = {s.name for s in driver.load_modules()}
    for entry in driver.load_known_failures():
        assert entry.module in modules, entry.describe()
        assert entry.reason


def test_collector_outcomes(tmp_path):
    side = _run(tmp_path, "plain")
    assert side.problem() is None, side.output_tail
    outcomes = {k: v[0] for k, v in side.outcomes.items()}
    assert outcomes == {
        "Sample.test_pass": "success",
        "Sample.test_fail": "failure",
        "Sample.test_error": "error",
        "Sample.test_skip": "skip",
        "Sample.test_xfail": "expected_failure",
        "Sample.test_xpass": "unexpected_success",
        "Sample.test_subtests": "failure",
        "Sample.test_crash": "success",
        "Broken.setUpClass": "error",
    }
    assert side.passed() == 3


def test_compare_crash_and_known(tmp_path):
    before = _run(tmp_path, "before")
    after = _run(tmp_path, "after", {"SAMPLE_CRASH": "1"})
    assert after.crashed_in == "Sample.test_crash"
    comparison = driver.compare("test_cpysuite_sample", before, after, [])
    # Tests run in name order: the ones after the crash did not run.
    assert [r[:3] for r in comparison.regressions] == [
        ("Sample.test_crash", "success", "crashed"),
        ("Sample.test_pass", "success", "not run"),
        ("Sample.test_xfail", "expected_failure", "not run"),
    ]
    known = driver.KnownFailure(
        "test_cpysuite_sample", "Sample.test_c*", [], "reason", 1
    )
    whole = driver.KnownFailure("test_cpysuite_sample", "<module>", [], "reason", 2)
    stale = driver.KnownFailure(
        "test_cpysuite_sample", "Sample.test_skip", [], "reason", 3
    )
    comparison = driver.compare(
        "test_cpysuite_sample", before, after, [known, whole, stale]
    )
    assert comparison.regressions == []
    assert [k[0] for k in comparison.known] == [
        "Sample.test_crash",
        "Sample.test_pass",
        "Sample.test_xfail",
    ]
    assert comparison.stale_known == [stale]


def test_stdlib_module_against_itself(tmp_path):
    """--mode cpython: the uncompiled side twice, no differences."""
    spec = driver.ModuleSpec("test_augassign", "operators", True, [], 120)
    comparison = driver.check_module(spec, tmp_path, mode="cpython")
    assert comparison.uncompiled.problem() is None
    assert comparison.uncompiled.passed() > 0
    assert comparison.regressions == []
    assert comparison.uncompiled.outcomes == comparison.compiled.outcomes
