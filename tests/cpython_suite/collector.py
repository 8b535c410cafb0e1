"""Run one test module of CPython's ``test`` package and record every outcome.

Runs in a child process (plain CPython, the compiled extension module is just
imported), stand-alone: it imports nothing from the repository.

    python collector.py --name test_xxx --path DIR --out results.jsonl

imports module ``test.test_xxx`` from DIR, which is put first on the
``__path__`` of the installed ``test`` package (DIR holds either the copied
``test_xxx.py`` or the compiled ``test_xxx.cpython-*.so``), so the module has
the name its tests expect (doctests print ``test.test_xxx.SomeError``, pickle
finds classes by that name) while ``test.support`` and friends still come from
the installation.  ``--top-level`` imports it as ``test_xxx`` instead.  It loads
its tests like unittest does (``load_tests`` protocol included, so doctests
added that way count) and runs them.  Each event is one JSON line, written and
flushed immediately, so a test that kills the process (segfault, abort) still
leaves the outcomes before it, and a ``start`` without ``result`` names it.

Events: ``{"event": "import", "file": ..., "compiled": bool}``,
``{"event": "import-error", "error": traceback}``,
``{"event": "start", "id": ...}``,
``{"event": "result", "id": ..., "outcome": ..., "detail": ...}``,
``{"event": "done", "seconds": ...}``.

``--skip PATTERN`` (repeatable) does not run the matching tests and reports
them as skipped: tests known to crash or hang compiled.

Outcomes: success, failure, error, skip, expected_failure,
unexpected_success.  A test whose sub-tests failed is a failure (or an
error if a sub-test raised something other than AssertionError).

``--as-main`` (the "program" mode of the driver, for debugging without
``--module``): instead of importing the module, patch ``unittest.main`` so
that the module running as ``__main__`` (a compiled program, or CPython
running the script) hands its tests to this collector.  It is loaded through
``sitecustomize`` in that mode.
"""

import json
import os
import re
import sys
import time
import traceback
import unittest

_FIXTURE_RE = re.compile(r"^(\w+) \((.*)\)$")


def _discover_below(top_dir):
    """Make ``test.support.load_package_tests()`` (the ``load_tests`` of
    test packages like test_json) find the tests of the copied package
    ``top_dir/test/test_xxx`` instead of below the installation.

    Like unittest's discovery, it loads the ``test*.py`` modules and the
    subpackages of the package folder in sorted order, but it imports them
    by name: next to a compiled package (the extension module), the folder
    has no ``__init__.py`` (it would win over the extension on import),
    which discovery refuses."""
    import fnmatch
    import importlib
    from test import support

    def load_package_tests(pkg_dir, loader, standard_tests, pattern):
        if pattern is None:
            pattern = "test*"
        package = os.path.relpath(pkg_dir, top_dir).replace(os.sep, ".")
        for entry in sorted(os.listdir(pkg_dir)):
            full = os.path.join(pkg_dir, entry)
            if os.path.isfile(full):
                name, ext = os.path.splitext(entry)
                if ext != ".py" or not name.isidentifier() or not fnmatch.fnmatch(entry, pattern):
                    continue
                try:
                    module = importlib.import_module(package + "." + name)
                except unittest.SkipTest as e:
                    standard_tests.addTest(
                        unittest.loader._make_skipped_test(package + "." + name, e, loader.suiteClass)
                    )
                    continue
                except Exception:
                    standard_tests.addTest(
                        unittest.loader._make_failed_import_test(package + "." + name, loader.suiteClass)
                    )
                    continue
                standard_tests.addTests(loader.loadTestsFromModule(module, pattern=pattern))
            elif os.path.isfile(os.path.join(full, "__init__.py")):
                standard_tests.addTests(
                    loader.discover(start_dir=full, top_level_dir=top_dir, pattern=pattern)
                )
        return standard_tests

    support.load_package_tests = load_package_tests


def _test_id(test, module_name):
    """``Class.method`` relative to the module (``module::`` is added later)."""
    text = test.id()
    match = _FIXTURE_RE.match(text)
    if match and not hasattr(test, "_testMethodName"):
        # unittest's _ErrorHolder for setUpClass/setUpModule/... failures:
        # "setUpClass (mod.Cls)" becomes "Cls.setUpClass".
        fixture, where = match.groups()
        text = where + "." + fixture
    for prefix in ("test." + module_name + ".", module_name + ".", "__main__."):
        if text.startswith(prefix):
            return text[len(prefix) :]
    if text in ("test." + module_name, module_name, "__main__"):
        return "<module>"
    return text


def _short_error(err, limit=4000):
    text = "".join(traceback.format_exception(*err))
    if len(text) > limit:
        text = text[: limit // 2] + "\n[...]\n" + text[-limit // 2 :]
    return text


class Collector(unittest.TestResult):
    def __init__(self, stream, module_name):
        super().__init__()
        self._stream = stream
        self._module_name = module_name
        self._pending = {}

    def _emit(self, **event):
        self._stream.write(json.dumps(event, sort_keys=True) + "\n")
        self._stream.flush()

    def _result(self, test, outcome, detail=None):
        test_id = _test_id(test, self._module_name)
        self._pending.pop(test_id, None)
        self._emit(event="result", id=test_id, outcome=outcome, detail=detail)

    def startTest(self, test):
        super().startTest(test)
        test_id = _test_id(test, self._module_name)
        self._pending[test_id] = None
        self._emit(event="start", id=test_id)

    def stopTest(self, test):
        super().stopTest(test)
        test_id = _test_id(test, self._module_name)
        if test_id in self._pending:
            # Only sub-tests reported (a failing sub-test suppresses the
            # parent's addSuccess), or nothing at all.
            detail = self._pending.pop(test_id)
            if detail is None:
                self._emit(event="result", id=test_id, outcome="success", detail=None)
            else:
                self._emit(event="result", id=test_id, outcome=detail[0], detail=detail[1])

    def addSuccess(self, test):
        super().addSuccess(test)
        self._result(test, "success")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._result(test, "failure", _short_error(err))

    def addError(self, test, err):
        super().addError(test, err)
        self._result(test, "error", _short_error(err))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._result(test, "skip", str(reason))

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._result(test, "expected_failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._result(test, "unexpected_success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is None:
            return
        test_id = _test_id(test, self._module_name)
        outcome = "failure" if issubclass(err[0], test.failureException) else "error"
        previous = self._pending.get(test_id)
        if previous is None or (previous[0] == "failure" and outcome == "error"):
            text = "sub-test %s:\n%s" % (subtest._subDescription(), _short_error(err))
            self._pending[test_id] = (outcome, text)


def _skip_tests(suite, module_name, patterns):
    """Turn the tests matching ``patterns`` (fnmatch, ids as recorded) into
    skips, without running them: tests known to crash or hang compiled, or
    to disturb the tests after them."""
    import fnmatch

    for test in suite:
        if isinstance(test, unittest.TestSuite):
            _skip_tests(test, module_name, patterns)
            continue
        test_id = _test_id(test, module_name)
        if any(fnmatch.fnmatchcase(test_id, p) for p in patterns):
            name = getattr(test, "_testMethodName", None)
            if name is None:
                continue

            def skipped():
                pass

            skipped.__unittest_skip__ = True
            skipped.__unittest_skip_why__ = "known failure, not run (known_failures.txt)"
            setattr(test, name, skipped)


def _configure_support():
    """Mimic regrtest without -u: no optional resources (network, cpu, ...).

    Also give SIGINT Python's handler even when the driver was started in the
    background (where it is ignored), so that signal tests behave the same
    however the suite is run."""
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        from test import support
    except ImportError:
        return
    support.use_resources = []
    support.verbose = 0
    support.failfast = False


def run_module(module, module_name, out_path, skip=()):
    with open(out_path, "a", encoding="utf-8") as stream:
        collector = Collector(stream, module_name)
        collector._emit(
            event="import",
            file=getattr(module, "__file__", None),
            compiled="__compiled__" in vars(module),
        )
        start = time.monotonic()
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
        if suite.countTestCases() == 0:
            # Old-style modules (3.10's test_unpack, test_genexps, ...) only
            # have doctests, run by their test_main() with run_doctest().
            import doctest

            try:
                suite = doctest.DocTestSuite(module)
            except ValueError:
                pass
        if skip:
            _skip_tests(suite, module_name, skip)
        suite.run(collector)
        collector._emit(event="done", seconds=round(time.monotonic() - start, 3))


def _main_hook(module_name, out_path):
    """--as-main: take over unittest.main() of the __main__ module."""

    def main(*args, **kwargs):
        module = sys.modules["__main__"]
        run_module(module, module_name, out_path)
        sys.exit(0)

    unittest.main = main


def main(argv=None):
    import argparse
    import importlib

    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--top-level", action="store_true")
    parser.add_argument("--skip", action="append", default=[], help="test id pattern")
    args = parser.parse_args(argv)

    path = os.path.abspath(args.path)
    _configure_support()
    try:
        if args.top_level:
            sys.path.insert(0, path)
            module = importlib.import_module(args.name)
        else:
            import test

            test.__path__.insert(0, path)
            if os.path.basename(path) == "test":
                _discover_below(os.path.dirname(path))
            module = importlib.import_module("test." + args.name)
    except BaseException:
        with open(args.out, "a", encoding="utf-8") as stream:
            stream.write(
                json.dumps({"event": "import-error", "error": traceback.format_exc()})
                + "\n"
            )
        return 3
    run_module(module, args.name, args.out, args.skip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
