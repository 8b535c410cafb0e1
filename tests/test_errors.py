"""Bad input to the compiler: clear one-line errors, no traceback, no binary.

Syntax errors are covered in more variety by the ``compile-error`` programs in
tests/programs/errors (compared with CPython's own report); here are the
command line errors plus one self-contained syntax error check.
"""

import sys

import pytest

from harness import compile_env, normalise, program_env, _run

pytestmark = pytest.mark.compiles


def run_compiler(args, cwd):
    return _run(
        [sys.executable, "-m", "nuitka", *args],
        cwd=cwd,
        env=compile_env(),
        timeout=300,
    )


def error_lines(text):
    return [line for line in text.splitlines() if line.strip()]


def check_one_line_error(result, *must_mention):
    assert result.returncode not in (0, "timeout"), result.describe()
    assert "Traceback" not in result.stderr, result.describe()
    assert "Traceback" not in result.stdout, result.describe()
    lines = error_lines(result.stderr)
    assert len(lines) == 1, "expected exactly one line on stderr\n" + result.describe()
    for word in must_mention:
        assert word in lines[0], "error should mention %r\n%s" % (word, result.describe())


def test_missing_input_file(tmp_path):
    out = tmp_path / "out"
    result = run_compiler(["--output-dir=%s" % out, "no_such_program.py"], tmp_path)
    check_one_line_error(result, "no_such_program.py")
    assert not (out / "no_such_program.bin").exists()


def test_unknown_option(tmp_path):
    (tmp_path / "prog.py").write_text("print('hello')\n")
    out = tmp_path / "out"
    result = run_compiler(
        ["--output-dir=%s" % out, "--no-such-option-exists", "prog.py"], tmp_path
    )
    check_one_line_error(result, "--no-such-option-exists")
    assert not (out / "prog.bin").exists()


def test_input_is_directory(tmp_path):
    (tmp_path / "somedir").mkdir()
    out = tmp_path / "out"
    result = run_compiler(["--output-dir=%s" % out, "somedir"], tmp_path)
    assert result.returncode not in (0, "timeout"), result.describe()
    assert "Traceback" not in result.stderr, result.describe()


SYNTAX_ERRORS = {
    "unclosed_paren": "x = 1\ny = (2 +\n",
    "bad_indent": "def f():\nreturn 1\n",
    "return_outside": "x = 1\nreturn x\n",
    "invalid_syntax": "a = 1\nif a = 2:\n    pass\n",
}


@pytest.mark.parametrize("name", sorted(SYNTAX_ERRORS))
def test_syntax_error_reported_like_cpython(tmp_path, name):
    src_dir = tmp_path / "src"
    src_dir.mkdir()
    (src_dir / "prog.py").write_text(SYNTAX_ERRORS[name])
    expected = _run(
        [sys.executable, "prog.py"], cwd=src_dir, env=program_env(), timeout=60
    )
    assert expected.returncode == 1 and "Error" in expected.stderr

    out = tmp_path / "out"
    result = run_compiler(["--output-dir=%s" % out, "--remove-output", "prog.py"], src_dir)
    tmp_dirs = [str(out)]
    assert normalise(result.stderr, tmp_dirs) == normalise(
        expected.stderr, tmp_dirs
    ), "compiler:\n%s\ncpython:\n%s" % (result.describe(), expected.describe())
    assert result.returncode == 1, result.describe()
    assert not (out / "prog.bin").exists(), "failed build left a binary behind"


def test_output_filename_and_remove_output(tmp_path):
    (tmp_path / "prog.py").write_text("print('hello from', __name__)\n")
    out = tmp_path / "out"
    result = run_compiler(
        [
            "--output-dir=%s" % out,
            "--output-filename=renamed.bin",
            "--remove-output",
            "prog.py",
        ],
        tmp_path,
    )
    assert result.returncode == 0, result.describe()
    assert (out / "renamed.bin").exists(), result.describe()
    assert not (out / "prog.bin").exists()
    assert not (out / "prog.build").exists(), "--remove-output left the build folder"
    run = _run([out / "renamed.bin"], cwd=tmp_path, env=program_env())
    assert run.stdout == "hello from __main__\n", run.describe()
    assert run.returncode == 0


def test_missing_c_compiler_fails_cleanly(tmp_path):
    """A build that cannot run the C compiler: one line, no binary left."""
    (tmp_path / "prog.py").write_text("print('hello')\n")
    empty_bin = tmp_path / "empty_bin"
    empty_bin.mkdir()
    env = compile_env()
    env["PATH"] = str(empty_bin)
    for name in ("CC", "CXX"):
        env.pop(name, None)
    out = tmp_path / "out"
    result = _run(
        [sys.executable, "-m", "nuitka", "--output-dir=%s" % out, "prog.py"],
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    check_one_line_error(result)
    assert not (out / "prog.bin").exists(), "failed build left a binary behind"


def _onefile_args(out):
    return ["--onefile", "--output-dir=%s" % out, "prog.py"]


def test_onefile_without_libzstd_fails_before_compiling(tmp_path):
    (tmp_path / "prog.py").write_text("print('hello')\n")
    out = tmp_path / "out"
    env = compile_env()
    env["NUITKA_ZSTD_STATIC_LIB"] = str(tmp_path / "nope" / "libzstd.a")
    result = _run([sys.executable, "-m", "nuitka", *_onefile_args(out)], cwd=tmp_path,
                  env=env, timeout=300)
    check_one_line_error(result, "libzstd.a")
    # Nothing was generated or compiled: the check comes first.
    assert not out.exists() or not any(out.iterdir()), sorted(p.name for p in out.iterdir())


def test_onefile_without_zstandard_fails_before_compiling(tmp_path):
    (tmp_path / "prog.py").write_text("print('hello')\n")
    out = tmp_path / "out"
    # zstandard made unimportable, as on a machine where it is not installed.
    code = ("import sys; sys.modules['zstandard'] = None\n"
            "from nuitka.main_driver import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    result = _run([sys.executable, "-c", code, *_onefile_args(out)], cwd=tmp_path,
                  env=compile_env(), timeout=300)
    check_one_line_error(result, "zstandard", "--onefile-no-compression")
    assert not out.exists() or not any(out.iterdir()), sorted(p.name for p in out.iterdir())
