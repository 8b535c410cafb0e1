"""Multidist: ``--main`` given several times makes one binary holding several
programs that share their modules; it runs the one named like the base name
of argv[0] (a copy, a symlink, or subprocess' ``executable=``)."""

import os
import shutil
import subprocess
import sys

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_env, program_env

SOURCES = SPECIAL_PROGRAMS_DIR / "multidist"


@pytest.fixture(scope="module")
def binary(tmp_path_factory):
    out = tmp_path_factory.mktemp("multidist")
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--remove-output", "--follow-imports",
         "--output-dir=%s" % out, "--main=md_one.py", "--main=md_two.py"],
        cwd=str(SOURCES), env=compile_env(), capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr
    path = out / "md_one.bin"
    assert path.is_file()
    return path


def _run(argv, executable=None):
    return subprocess.run(
        argv, executable=executable, cwd=str(SOURCES), env=program_env(),
        capture_output=True, text=True, timeout=120,
    )


ONE = "one shared greets one md_one.py ['x', 'y'] True\n"
TWO = "two shared greets two __main__\n"


@pytest.mark.compiles
def test_default_name_runs_first_main(binary):
    result = _run([str(binary), "x", "y"])
    assert (result.stdout, result.stderr, result.returncode) == (ONE, "", 0)


@pytest.mark.compiles
def test_copy_and_symlink(binary, tmp_path):
    copy = tmp_path / "md_two"
    shutil.copy(binary, copy)
    result = _run([str(copy)])
    assert (result.stdout, result.returncode) == (TWO, 7), result.stderr
    link = tmp_path / "md_two.bin"
    os.symlink(binary, link)
    result = _run([str(link)])
    assert (result.stdout, result.returncode) == (TWO, 7), result.stderr
    link_one = tmp_path / "md_one"
    os.symlink(binary, link_one)
    result = _run([str(link_one), "x", "y"])
    assert (result.stdout, result.returncode) == (ONE, 0), result.stderr


@pytest.mark.compiles
def test_subprocess_executable(binary):
    result = _run(["md_two"], executable=str(binary))
    assert (result.stdout, result.returncode) == (TWO, 7), result.stderr


@pytest.mark.compiles
def test_unknown_name(binary, tmp_path):
    other = tmp_path / "something_else"
    shutil.copy(binary, other)
    result = _run([str(other)])
    assert result.returncode == 1
    assert "failed to detect what main program to run" in result.stderr
    assert "'md_one' 'md_two'" in result.stderr


def test_same_entry_point_names_are_rejected(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "prog.py").write_text("print(1)\n")
    (tmp_path / "b" / "prog.py").write_text("print(2)\n")
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--main=a/prog.py", "--main=b/prog.py"],
        cwd=str(tmp_path), env=compile_env(), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "have the same name 'prog'" in result.stderr
