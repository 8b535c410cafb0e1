"""Real PyPI packages in standalone (and a few onefile) programs, built with
a plain ``--standalone`` (no package-specific option) and run on "a machine
without Python" (``harness.isolated``), output compared with CPython.

Slow (minutes per package: their modules are compiled to C): run with

    python3 -m pytest tests/packages -m packages -n 2

The packages must be installed in the Python running the tests
(``python3 -m pip install requests rich click pyyaml jinja2 numpy pydantic
cryptography sqlalchemy psutil pillow attrs packaging tomli
charset-normalizer certifi``); a missing one is skipped.  Each test prints
its build time, folder size and start-up time (``-s`` shows them).
"""

import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness import compile_env
from harness.isolated import isolation_available, run_isolated

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.packages,
    pytest.mark.compiles,
    pytest.mark.skipif(not isolation_available(), reason="needs root and unshare -m"),
]

#: program -> (modules that must be importable, onefile too)
CASES = {
    "pkg_requests.py": (("requests",), True),
    "pkg_rich.py": (("rich",), False),
    "pkg_click.py": (("click",), True),
    "pkg_yaml.py": (("yaml",), False),
    "pkg_jinja2.py": (("jinja2",), False),
    "pkg_numpy.py": (("numpy",), False),
    "pkg_pydantic.py": (("pydantic",), False),
    "pkg_cryptography.py": (("cryptography",), False),
    "pkg_sqlalchemy.py": (("sqlalchemy",), False),
    "pkg_psutil.py": (("psutil",), False),
    "pkg_pillow.py": (("PIL",), False),
    "pkg_attrs_packaging_tomli.py": (("attrs", "packaging", "tomli"), True),
    "pkg_charset_certifi.py": (("charset_normalizer", "certifi"), False),
    "pkg_tkinter.py": (("tkinter",), False),
}


def folder_size(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


@pytest.mark.parametrize("mode", ["standalone", "onefile"])
@pytest.mark.parametrize("program", sorted(CASES))
def test_package(program, mode, tmp_path):
    modules, onefile = CASES[program]
    if mode == "onefile" and not onefile:
        pytest.skip("standalone only")
    for name in modules:
        if importlib.util.find_spec(name) is None:
            pytest.skip("%s is not installed" % name)
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PROGRAMS / program, src / program)
    expected = subprocess.run([sys.executable, program], cwd=str(src), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=300)
    assert expected.returncode == 0, expected.stderr.decode()
    started = time.monotonic()
    build = subprocess.run([sys.executable, "-m", "nuitka", "--%s" % mode, "--output-dir=%s" % (tmp_path / "out"),
                            "--remove-output", program], cwd=str(src), env=compile_env(),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=3600)
    build_time = time.monotonic() - started
    assert build.returncode == 0, build.stdout.decode()
    stem = Path(program).stem
    if mode == "standalone":
        dist = tmp_path / "out" / (stem + ".dist")
        binary = dist / (stem + ".bin")
        size = folder_size(dist)
    else:
        binary = tmp_path / "out" / (stem + ".bin")
        dist = None
        size = binary.stat().st_size
    shutil.rmtree(src)  # nothing may come from the source folder
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    started = time.monotonic()
    result = run_isolated([str(binary)], run_dir, result_dir=dist or binary.parent, timeout=300)
    run_time = time.monotonic() - started
    print("\n%s %s: build %.1f s, size %.1f MB, run %.2f s" % (program, mode, build_time, size / 1e6, run_time))
    assert result.returncode == 0, result.describe()
    assert result.stdout == expected.stdout.decode(), result.describe()
