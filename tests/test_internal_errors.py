"""A bug of the compiler is reported in one line, never as a bare traceback:
it says it is an internal error, where in the user's program, and where the
full traceback is (``nuitka-crash-report.txt``; ``--verbose`` prints it)."""

import pytest

from nuitka import main_driver
from nuitka.frontend.building import TreeBuilder
from nuitka.internal_error import CRASH_REPORT_NAME


def _broken_pass(self, node):
    raise KeyError("simulated compiler bug")


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "prog.py"
    path.write_text("print(1)\n\nif True:\n    pass\n")
    return path


def test_internal_error_is_one_line(program, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(TreeBuilder, "stmt_Pass", _broken_pass)
    out_dir = tmp_path / "out"
    code = main_driver.main(["--output-dir=%s" % out_dir, str(program)])
    assert code == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "internal error in the compiler" in lines[0]
    assert "'%s' line 4" % program in lines[0]
    assert "KeyError" in lines[0] and "simulated compiler bug" in lines[0]
    assert "Traceback" not in err
    report = out_dir / CRASH_REPORT_NAME
    assert str(report) in lines[0]
    text = report.read_text()
    assert "Traceback (most recent call last)" in text and "_broken_pass" in text
    # Nothing half-written.
    assert not (out_dir / "prog.bin").exists()


def test_internal_error_verbose_shows_traceback(program, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(TreeBuilder, "stmt_Pass", _broken_pass)
    code = main_driver.main(["--verbose", "--output-dir=%s" % (tmp_path / "out"), str(program)])
    assert code == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert err.strip().splitlines()[-1].startswith("nuitka: internal error in the compiler")
