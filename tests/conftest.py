"""pytest configuration shared by the whole test suite.

Makes the ``harness`` helper package importable and adds the options

  --cpython-only   do not compile; run every test program twice with CPython
                   (different hash seeds) and check it is deterministic and
                   fast.  Useful while writing programs, or while the compiler
                   is broken.
"""

import os
import sys

import pytest

_TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)


def pytest_addoption(parser):
    group = parser.getgroup("nuitka", "Nuitka test programs")
    group.addoption(
        "--cpython-only",
        action="store_true",
        default=False,
        help="only check test programs under CPython (determinism, speed); "
        "do not compile them",
    )


def pytest_configure(config):
    # Also declared in pytest.ini; repeated so that running with another
    # ini file (or -c /dev/null) does not warn about unknown markers.
    config.addinivalue_line("markers", "slow: slow test, deselected by default")
    config.addinivalue_line(
        "markers", "compiles: test runs the compiler (needs a C compiler)"
    )
    config.addinivalue_line(
        "markers", "cpython_suite: CPython's test package compiled with --module"
    )
    config.addinivalue_line(
        "markers", "package_suites: PyPI packages' own test suites, compiled"
    )


@pytest.fixture
def cpython_only(request):
    return request.config.getoption("--cpython-only")


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--cpython-only"):
        return
    skip = pytest.mark.skip(reason="--cpython-only: not compiling")
    for item in items:
        if item.get_closest_marker("compiles") and item.originalname != "test_program":
            item.add_marker(skip)
