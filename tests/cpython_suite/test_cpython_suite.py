"""CPython's own test suite as the judge: one pytest item per test module.

Each item copies ``<stdlib>/test/test_xxx.py``, compiles it with
``python -m nuitka --module``, runs the copy and the extension with unittest
and fails if a test passes uncompiled but not compiled (unless
``known_failures.txt`` lists it).  See driver.py and tests/README.md.

Items carry the marker ``cpython_suite``; those not flagged ``fast`` in
modules.txt are also ``slow``, so the default run (``-m "not slow"``) runs
only the fast ones, and ``-m cpython_suite`` runs them all.

``NUITKA_CPYTHON_SUITE_REPORT=FILE`` appends one JSON line per module (pass
counts compiled and uncompiled) to FILE.
"""

import json
import os
import sys
import warnings

import pytest

from cpython_suite import driver


def _params():
    params = []
    for spec in driver.load_modules():
        marks = [pytest.mark.cpython_suite, pytest.mark.compiles]
        if not spec.fast:
            marks.append(pytest.mark.slow)
        if not spec.applies():
            marks.append(
                pytest.mark.skip(
                    reason="not for Python %d.%d (%s)"
                    % (sys.version_info[:2] + (" ".join(spec.versions),))
                )
            )
        params.append(pytest.param(spec, id="cpython_suite/" + spec.name, marks=marks))
    return params


def _write_report(comparison):
    path = os.environ.get("NUITKA_CPYTHON_SUITE_REPORT")
    if not path:
        return
    record = {
        "python": "%d.%d" % sys.version_info[:2],
        "module": comparison.module,
        "uncompiled": comparison.uncompiled.passed(),
        "compiled": comparison.compiled.passed(),
        "total": comparison.total(),
        "regressions": [r[0] for r in comparison.regressions],
        "known": [k[0] for k in comparison.known],
    }
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, sort_keys=True) + "\n")


@pytest.mark.parametrize("spec", _params())
def test_cpython_module(spec, tmp_path, record_property):
    try:
        comparison = driver.check_module(spec, tmp_path, mode="module")
    except driver.CompileFailed as e:
        if "is not supported" in e.result.stderr:
            pytest.xfail(e.result.stderr.strip().splitlines()[-1])
        known = driver.known_compile_failure(spec.name)
        if known is not None:
            pytest.xfail("known compile failure: " + known.reason)
        pytest.fail("compilation failed\n" + e.result.describe(), pytrace=False)
    _write_report(comparison)
    record_property("uncompiled_passed", comparison.uncompiled.passed())
    record_property("compiled_passed", comparison.compiled.passed())
    for entry in comparison.stale_known:
        warnings.warn("stale known failure, it passes now: " + entry.describe())
    problem = comparison.uncompiled.problem()
    if problem:
        pytest.fail("the uncompiled run itself failed: " + problem, pytrace=False)
    if comparison.regressions:
        report = comparison.report(verbose=True)
        if len(report) > 20000:
            report = report[:20000] + "\n[... cut]"
        pytest.fail(report, pytrace=False)
