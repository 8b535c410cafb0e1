"""A folder with ``__main__.py`` as the program (``python -m nuitka app``,
as ``python app`` runs it): ``__main__.py`` is the program, the folder is
first on ``sys.path``, its modules are followed; a folder without
``__main__.py`` and a zip application are refused in one line."""

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_env, program_env

SOURCES = SPECIAL_PROGRAMS_DIR / "program_folder"


def _nuitka(args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "nuitka"] + args,
        cwd=str(cwd), env=compile_env(), capture_output=True, text=True, timeout=900,
    )


@pytest.mark.compiles
@pytest.mark.parametrize("follow", [True, False], ids=["follow", "nofollow"])
def test_folder_runs_like_python(tmp_path, follow):
    work = tmp_path / "src"
    shutil.copytree(SOURCES, work)
    expected = subprocess.run(
        [sys.executable, "app", "x", "y"], cwd=str(work), env=program_env(),
        capture_output=True, text=True, timeout=120,
    )
    assert expected.returncode == 3, expected.stderr
    out = tmp_path / "out"
    args = ["--remove-output", "--output-dir=%s" % out, "app"]
    if follow:
        args.insert(0, "--follow-imports")
    result = _nuitka(args, work)
    assert result.returncode == 0, result.stderr
    binary = out / "app.bin"
    assert binary.is_file()
    assert not (out / "app.build").exists()
    got = subprocess.run(
        [str(binary), "x", "y"], cwd=str(work), env=program_env(),
        capture_output=True, text=True, timeout=120,
    )
    assert (got.stdout, got.stderr, got.returncode) == (expected.stdout, expected.stderr, 3)
    if follow:
        # The folder's modules were compiled into the binary: it runs
        # without them.
        shutil.rmtree(work / "app")
        os.makedirs(work / "app")
        (work / "app" / "__main__.py").write_text("raise SystemExit('source used')\n")
        moved = subprocess.run(
            [str(binary), "x", "y"], cwd=str(work), env=program_env(),
            capture_output=True, text=True, timeout=120,
        )
        assert "path0 app True\n" in expected.stdout
        wanted = expected.stdout.replace("path0 app True\n", "path0 app False\n")
        assert (moved.stdout, moved.returncode) == (wanted, 3), moved.stderr


def test_folder_without_main_is_refused(tmp_path):
    result = _nuitka(["no_main"], SOURCES)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "nuitka: error: input file 'no_main' is a directory without __main__.py; "
        "give the program's .py file, a folder with __main__.py, or use --module "
        "to compile a package\n"
    )
    assert not (SOURCES / "no_main.build").exists()


def test_zip_application_is_refused(tmp_path):
    archive = tmp_path / "app.pyz"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("__main__.py", "print('hi')\n")
    result = _nuitka([str(archive)], tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "nuitka: error: input file '%s' is a zip application, which cannot be "
        "compiled; unpack it and give its folder (the one with __main__.py)\n" % archive
    )
    assert sorted(os.listdir(tmp_path)) == ["app.pyz"]
