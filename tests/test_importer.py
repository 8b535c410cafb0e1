"""The import hook ``nuitka.importer``: modules of a project are compiled on
first import, loaded from the cache later without the C compiler, and
imported as Python with one warning when compiling fails."""

import subprocess
import sys
import textwrap

import pytest

from harness import compile_env

pytestmark = pytest.mark.compiles

DRIVER = textwrap.dedent("""\
    import sys, warnings
    warnings.simplefilter("always")
    import nuitka.importer
    finder = nuitka.importer.install(packages=["proj"], cache_dir=sys.argv[1], compiler_args=["--lto=no"])
    import proj.fast, proj.broken
    print(proj.fast.double(21), "__compiled__" in vars(proj.fast), proj.fast.__name__)
    print(proj.broken.VALUE, "__compiled__" in vars(proj.broken))
    print(sorted(finder.results.items()))
    """)


def run_driver(tmp_path, cache):
    result = subprocess.run([sys.executable, "driver.py", str(cache)], cwd=str(tmp_path),
                            env=compile_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 0, result.stderr
    return result


def test_compile_then_cache_then_fallback(tmp_path):
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "__init__.py").write_text("")
    (tmp_path / "proj" / "fast.py").write_text("from . import helper\n\ndef double(x):\n    return x * helper.TWO\n")
    (tmp_path / "proj" / "helper.py").write_text("TWO = 2\n")
    # Compiling proj.broken is made to fail (the driver replaces the
    # finder's compile step for it): it must then be imported as Python.
    (tmp_path / "proj" / "broken.py").write_text("VALUE = 'plain'\n")
    (tmp_path / "driver.py").write_text(DRIVER.replace(
        "import proj.fast, proj.broken",
        "finder._compile = (lambda original: lambda name, *a: 'refused for the test' if name == 'proj.broken' "
        "else original(name, *a))(finder._compile)\nimport proj.fast, proj.broken"))
    cache = tmp_path / "cache"
    first = run_driver(tmp_path, cache)
    assert first.stdout.splitlines()[:2] == ["42 True proj.fast", "plain False"]
    assert "[('proj.broken', 'python'), ('proj.fast', 'compiled'), ('proj.helper', 'compiled')]" in first.stdout
    assert first.stderr.count("RuntimeWarning") == 1
    assert "compiling 'proj.broken' failed (refused for the test); importing it as plain Python" in first.stderr
    second = run_driver(tmp_path, cache)
    assert "('proj.fast', 'cache'), ('proj.helper', 'cache')" in second.stdout
    # A changed source is compiled again.
    (tmp_path / "proj" / "helper.py").write_text("TWO = 3\n")
    third = run_driver(tmp_path, cache)
    assert third.stdout.startswith("63 True") and "('proj.helper', 'compiled')" in third.stdout
