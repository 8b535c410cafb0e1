"""Reproducible builds: the same program built from two different folders
(same SOURCE_DATE_EPOCH) gives byte-identical results: standalone folders,
onefile executables and extension modules hold no build path."""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness import compile_env

pytestmark = pytest.mark.compiles

PROGRAM = """\
import json

def data():
    return {"a": [1, 2, 3]}

class Thing:
    def method(self):
        raise ValueError("from method")

print(json.dumps(data()))
try:
    Thing().method()
except ValueError as e:
    import traceback
    print(traceback.extract_tb(e.__traceback__)[-1].filename.endswith("prog.py"))
"""


def build(folder, args, name="prog.py"):
    folder.mkdir(parents=True)
    (folder / name).write_text(PROGRAM)
    (folder / "pkg").mkdir()
    (folder / "pkg" / "__init__.py").write_text("from .sub import f\n")
    (folder / "pkg" / "sub.py").write_text("def f():\n    return 1 / 0\n")
    env = compile_env({"SOURCE_DATE_EPOCH": "1700000000"})
    result = subprocess.run([sys.executable, "-m", "nuitka", "--quiet", *args], cwd=str(folder), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert result.returncode == 0, result.stdout


def assert_same_tree(a, b):
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(f) for f in files_a if not filecmp.cmp(a / f, b / f, shallow=False)]
    assert not different, different


def test_standalone_and_onefile(tmp_path):
    for name in ("one", "two/deeper"):
        build(tmp_path / name, ["--onefile", "prog.py"])
    assert_same_tree(tmp_path / "one" / "prog.dist", tmp_path / "two" / "deeper" / "prog.dist")
    assert filecmp.cmp(tmp_path / "one" / "prog.bin", tmp_path / "two" / "deeper" / "prog.bin", shallow=False)
    run = subprocess.run([str(tmp_path / "one" / "prog.dist" / "prog.bin")], stdout=subprocess.PIPE, text=True)
    assert run.stdout == '{"a": [1, 2, 3]}\nTrue\n'


def test_extension_module(tmp_path):
    for name in ("one", "two/deeper"):
        build(tmp_path / name, ["--module", "pkg", "--include-package=pkg"])
    so = [p.name for p in (tmp_path / "one").glob("pkg.*.so")]
    assert len(so) == 1
    assert filecmp.cmp(tmp_path / "one" / so[0], tmp_path / "two" / "deeper" / so[0], shallow=False)
    run = subprocess.run([sys.executable, "-c", "import pkg, traceback\ntry:\n    pkg.f()\nexcept ZeroDivisionError as e:\n"
                          "    print(traceback.extract_tb(e.__traceback__)[-1].filename)"],
                         cwd=str(tmp_path / "two" / "deeper"), stdout=subprocess.PIPE, text=True,
                         env={"PATH": os.environ["PATH"]})
    assert run.stdout.strip() == str(tmp_path / "two" / "deeper" / "pkg" / "sub.py")


@pytest.mark.parametrize("disable_cache", [False, True])
def test_accelerated(tmp_path, disable_cache):
    """With SOURCE_DATE_EPOCH, an accelerated program names its files
    relative to the binary (--file-reference-choice=runtime): the binary
    in an output folder below the program (files named '../prog.py') is the
    same from both folders, and __file__ and tracebacks show where it runs."""
    args = ["--follow-imports", "--output-dir=out", "prog.py"]
    if disable_cache:
        args.insert(0, "--disable-cache")
    for name in ("one", "two/deeper"):
        build(tmp_path / name, args)
    one = tmp_path / "one" / "out" / "prog.bin"
    assert filecmp.cmp(one, tmp_path / "two" / "deeper" / "out" / "prog.bin", shallow=False)
    run = subprocess.run([str(tmp_path / "two" / "deeper" / "out" / "prog.bin")],
                         stdout=subprocess.PIPE, text=True)
    assert run.stdout == '{"a": [1, 2, 3]}\nTrue\n'
    # Where the files are at run time: another program, built the same way.
    (tmp_path / "one" / "prog.py").write_text(
        "import pkg, sys, traceback\nprint(__file__, pkg.__file__, sys.path[0])\n"
        "try:\n    pkg.f()\nexcept ZeroDivisionError as e:\n"
        "    print(traceback.extract_tb(e.__traceback__)[-1].filename)\n")
    env = compile_env({"SOURCE_DATE_EPOCH": "1700000000"})
    subprocess.run([sys.executable, "-m", "nuitka", "--quiet", *args], cwd=str(tmp_path / "one"),
                   env=env, check=True)
    run = subprocess.run([str(one)], stdout=subprocess.PIPE, text=True)
    base = tmp_path / "one"
    assert run.stdout.split() == [str(base / "prog.py"), str(base / "pkg" / "__init__.py"), str(base),
                                  str(base / "pkg" / "sub.py")]
