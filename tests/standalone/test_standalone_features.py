"""Data files, --python-flag and multiprocessing in standalone results, run
on "a machine without Python" (``harness.isolated.run_isolated``)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_env
from harness.isolated import isolation_available, run_isolated

pytestmark = [
    pytest.mark.compiles,
    pytest.mark.skipif(not isolation_available(), reason="needs root and unshare -m"),
]

DATA_PROGRAM = '''\
import importlib.resources
import os
import pkgutil
import sys

import datapkg

here = os.path.dirname(os.path.abspath(__file__))
print("resources", importlib.resources.files("datapkg").joinpath("data.txt").read_text())
print("get_data", pkgutil.get_data("datapkg", "sub/inner.json").decode())
print("file relative", open(os.path.join(os.path.dirname(datapkg.__file__), "data.txt")).read())
print("excluded", os.path.exists(os.path.join(os.path.dirname(datapkg.__file__), "skip.log")))
print("code copied as data", os.path.exists(os.path.join(os.path.dirname(datapkg.__file__), "helper.py")))
for name in ("notes/a.txt", "notes/b.txt", "single.cfg", "assets/icons/x.png", "assets/logo.png"):
    path = os.path.join(here, name)
    print(name, open(path).read() if os.path.exists(path) else "missing")
'''


def _nuitka(args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "nuitka", *args], cwd=str(cwd), env=compile_env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=900,
    )


def _data_project(root):
    root.mkdir()
    (root / "prog.py").write_text(DATA_PROGRAM)
    pkg = root / "datapkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "helper.py").write_text("")
    (pkg / "data.txt").write_text("package text")
    (pkg / "skip.log").write_text("log")
    (pkg / "sub" / "inner.json").write_text('{"inner": 1}')
    for name in ("a.txt", "b.txt"):
        (root / name).write_text("note " + name)
    (root / "config.cfg").write_text("cfg")
    (root / "assets" / "icons").mkdir(parents=True)
    (root / "assets" / "logo.png").write_text("logo")
    (root / "assets" / "icons" / "x.png").write_text("x")


def test_data_files(tmp_path):
    src = tmp_path / "src"
    _data_project(src)
    out = tmp_path / "out"
    result = _nuitka(
        ["--standalone", "--remove-output", "--output-dir=%s" % out,
         "--include-package-data=datapkg", "--noinclude-data-files=datapkg/*.log",
         "--include-data-files=*.txt=notes/", "--include-data-files=config.cfg=single.cfg",
         "--include-data-dir=assets=assets", "prog.py"],
        src,
    )
    assert result.returncode == 0, result.stderr
    dist = out / "prog.dist"
    expected = subprocess.run(
        [sys.executable, "prog.py"], cwd=str(src), stdout=subprocess.PIPE, text=True, check=True
    ).stdout
    shutil.rmtree(src)
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    actual = run_isolated([str(dist / "prog.bin")], run_dir, result_dir=dist)
    assert actual.returncode == 0, actual.describe()
    assert actual.stderr == ""
    # Like the uncompiled program, except that the data is in the dist
    # folder: the excluded log file is not, nor the code of the package.
    assert actual.stdout == expected.replace("excluded True", "excluded False").replace(
        "code copied as data True", "code copied as data False"
    ).replace("notes/a.txt missing", "notes/a.txt note a.txt").replace(
        "notes/b.txt missing", "notes/b.txt note b.txt").replace("single.cfg missing", "single.cfg cfg").replace(
        "assets/icons/x.png missing", "assets/icons/x.png x").replace("assets/logo.png missing", "assets/logo.png logo")
    assert "resources package text" in actual.stdout and "notes/a.txt note a.txt" in actual.stdout


def test_data_file_error_leaves_nothing(tmp_path):
    src = tmp_path / "src"
    _data_project(src)
    out = tmp_path / "out"
    result = _nuitka(["--standalone", "--output-dir=%s" % out, "--include-data-files=nothing.txt=x.txt", "prog.py"], src)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "nuitka: error: --include-data-files=nothing.txt=x.txt: the source 'nothing.txt' does not exist "
        "(relative to %s)" % src
    ]
    assert not (out / "prog.dist").exists()


def test_python_flags(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SPECIAL_PROGRAMS_DIR / "python_flags" / "flags_probe.py", src)
    out = tmp_path / "out"
    result = _nuitka(["--standalone", "--remove-output", "--output-dir=%s" % out,
                      "--python-flag=-OO,no_site,unbuffered,static_hashes,no_warnings", "flags_probe.py"], src)
    assert result.returncode == 0, result.stderr
    dist = out / "flags_probe.dist"
    expected = subprocess.run(
        [sys.executable, "-OO", "-S", "-u", "-W", "ignore", "flags_probe.py"], cwd=str(src),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"},
    )
    actual = run_isolated([str(dist / "flags_probe.bin")], src, result_dir=dist)
    assert actual.returncode == 0, actual.describe()
    for line in expected.stdout.splitlines():
        if line.startswith(("sys.path[0]", "script folder", "ignore_environment")):
            continue  # standalone: sys.path is the dist folder, no user site
        assert line in actual.stdout.splitlines(), (line, actual.stdout)


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_multiprocessing(tmp_path, method):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SPECIAL_PROGRAMS_DIR / "multiprocessing" / "mp_probe.py", src)
    out = tmp_path / "out"
    result = _nuitka(["--standalone", "--remove-output", "--output-dir=%s" % out, "mp_probe.py"], src)
    assert result.returncode == 0, result.stderr
    dist = out / "mp_probe.dist"
    expected = subprocess.run([sys.executable, "mp_probe.py", method], cwd=str(src),
                              stdout=subprocess.PIPE, text=True, check=True).stdout
    actual = run_isolated([str(dist / "mp_probe.bin"), method], tmp_path, result_dir=dist)
    assert (actual.stdout, actual.stderr, actual.returncode) == (expected, "", 0), actual.describe()
    # sys.executable is the program here: the guard stops other -c starts.
    guard = run_isolated([str(dist / "mp_probe.bin"), "-c", "print(1)"], tmp_path, result_dir=dist)
    assert (guard.stdout, guard.returncode) == ("", 1)
    assert guard.stderr.startswith("Error, the program tried to call itself with '-c' argument.")


def test_multiprocessing_onefile(tmp_path):
    """The children start the unpacked program, not the onefile again."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SPECIAL_PROGRAMS_DIR / "multiprocessing" / "mp_probe.py", src)
    out = tmp_path / "out"
    result = _nuitka(["--onefile", "--remove-output", "--output-dir=%s" % out, "mp_probe.py"], src)
    assert result.returncode == 0, result.stderr
    expected = subprocess.run([sys.executable, "mp_probe.py", "spawn"], cwd=str(src),
                              stdout=subprocess.PIPE, text=True, check=True).stdout
    actual = run_isolated([str(out / "mp_probe.bin"), "spawn"], tmp_path, result_dir=out)
    assert (actual.stdout, actual.stderr, actual.returncode) == (expected, "", 0), actual.describe()


def test_package_data_found_by_how_packages_load(tmp_path):
    """No option: a package that reads files next to its code (here with
    importlib.resources) gets them in the standalone folder (plugin
    package-data); code, stubs and test folders are not copied."""
    src = tmp_path / "src"
    pkg = src / "loadpkg"
    (pkg / "templates").mkdir(parents=True)
    (pkg / "tests").mkdir()
    (pkg / "__init__.py").write_text(
        "import importlib.resources\n"
        "def template(name):\n"
        "    return importlib.resources.files(__name__).joinpath('templates', name).read_text()\n")
    (pkg / "templates" / "page.html").write_text("<p>{x}</p>")
    (pkg / "tests" / "data.txt").write_text("test data")
    (pkg / "stub.pyi").write_text("")
    (src / "prog.py").write_text(
        "import os, loadpkg\n"
        "print(loadpkg.template('page.html').format(x=1))\n"
        "folder = os.path.dirname(loadpkg.__file__)\n"
        "print(sorted(os.listdir(folder)))\n")
    out = tmp_path / "out"
    result = _nuitka(["--standalone", "--remove-output", "--output-dir=%s" % out, "prog.py"], src)
    assert result.returncode == 0, result.stderr
    dist = out / "prog.dist"
    shutil.rmtree(src)
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    actual = run_isolated([str(dist / "prog.bin")], run_dir, result_dir=dist)
    assert actual.returncode == 0, actual.describe()
    assert actual.stdout == "<p>1</p>\n['templates']\n", actual.describe()


#: Modules a program importing only json and argparse must not carry.
BLOAT = ("unittest", "pytest", "setuptools", "pydoc", "distutils", "email", "http", "doctest")


def _carried_top_modules(dist):
    import zipfile

    with zipfile.ZipFile(str(dist / "__stdlib__.zip")) as archive:
        names = {name.split("/")[0].split(".")[0] for name in archive.namelist()}
    names |= {path.name.split(".")[0] for path in dist.iterdir()}
    return names


def test_json_argparse_carries_no_bloat(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "prog.py").write_text(
        "import argparse, json\n"
        "parser = argparse.ArgumentParser(prog='prog')\n"
        "parser.add_argument('--n', type=int, default=2)\n"
        "print(json.dumps({'n': parser.parse_args([]).n}))\n")
    out = tmp_path / "out"
    result = _nuitka(["--standalone", "--remove-output", "--output-dir=%s" % out, "prog.py"], src)
    assert result.returncode == 0, result.stderr
    dist = out / "prog.dist"
    carried = _carried_top_modules(dist)
    assert not carried & set(BLOAT), sorted(carried & set(BLOAT))
    actual = run_isolated([str(dist / "prog.bin")], tmp_path, result_dir=dist)
    assert actual.returncode == 0 and actual.stdout == '{"n": 2}\n', actual.describe()
