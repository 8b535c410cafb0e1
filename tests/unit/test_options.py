"""Unit tests of the command line parsing (nuitka/options.py)."""

import os
import sys
import sysconfig
from dataclasses import fields
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nuitka.options import (  # noqa: E402
    OPTION_TABLE,
    Options,
    parse_options,
    read_project_options,
    supported_option_names,
)
from nuitka.utils.project_options import ProjectOptionsError  # noqa: E402
from nuitka.version import __version__  # noqa: E402


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A current directory holding prog.py and a package folder pkg/."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prog.py").write_text("print('hi')\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    return tmp_path


def usage_error(capsys, argv, nuitka_run=False):
    """Parse ``argv`` expecting a usage error; return the error line."""
    with pytest.raises(SystemExit) as info:
        parse_options(argv, nuitka_run=nuitka_run)
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    error_lines = [line for line in captured.err.splitlines() if "error" in line]
    assert len(error_lines) == 1, captured.err
    assert error_lines[0].startswith("nuitka: error: "), captured.err
    # Apart from the error line only the (one line) usage may be printed.
    assert len(captured.err.splitlines()) <= 2, captured.err
    return error_lines[0]


# -- basics -------------------------------------------------------------------


def test_defaults(work):
    options = parse_options(["prog.py"])
    assert options.input_path == work / "prog.py"
    assert options.main_paths == [work / "prog.py"]
    assert options.run is False and options.nuitka_run is False
    assert options.program_args == []
    assert options.output_binary_path() == work / "prog.bin"
    assert options.build_dir_path() == work / "prog.build"
    assert options.lto == "auto"
    assert options.jobs >= 1
    assert options.follow_imports is None
    assert options.xml is False and options.xml_output is None
    assert options.unsupported_used() == []
    assert options.unsupported_message() is None


def test_option_table_matches_dataclass():
    names = {item.name for item in fields(Options)}
    for spec in OPTION_TABLE:
        assert spec.dest in names or spec.dest in ("mains", "xml_output"), spec
    # The dataclass works without parsing (for tests of other stages).
    options = Options(input_path=Path("/x/hello.py"), output_dir=Path("/out"))
    assert options.output_binary_path() == Path("/out/hello.bin")
    assert options.build_dir_path() == Path("/out/hello.build")


def test_flags_and_values(work):
    options = parse_options(
        [
            "--lto=no",
            "-j",
            "3",
            "--clang",
            "--show-scons",
            "--show-progress",
            "--verbose",
            "--remove-output",
            "--deployment",
            "prog.py",
        ]
    )
    assert options.lto == "no"
    assert options.jobs == 3
    assert options.clang and options.show_scons and options.show_progress
    assert options.verbose and options.remove_output and options.deployment
    assert options.unsupported_used() == []


def test_jobs_forms(work):
    assert parse_options(["-j4", "prog.py"]).jobs == 4
    assert parse_options(["--jobs=2", "prog.py"]).jobs == 2
    assert parse_options(["--jobs", "-1", "prog.py"]).jobs >= 1
    assert parse_options(["--jobs=0", "prog.py"]).jobs >= 1


def test_output_dir_and_filename(work):
    options = parse_options(["--output-dir=out", "prog.py"])
    assert options.output_dir == work / "out"
    assert options.output_binary_path() == work / "out" / "prog.bin"
    assert options.build_dir_path() == work / "out" / "prog.build"

    options = parse_options(["--output-dir", "out", "-o", "app", "prog.py"])
    assert options.output_binary_path() == work / "out" / "app"
    assert options.build_dir_path() == work / "out" / "prog.build"

    options = parse_options(["--output-filename=/tmp/x.bin", "prog.py"])
    assert options.output_binary_path() == Path("/tmp/x.bin")


def test_options_after_input_file(work):
    options = parse_options(["prog.py", "--lto=yes", "--output-dir=o"])
    assert options.lto == "yes"
    assert options.output_dir == work / "o"


def test_xml_forms(work):
    options = parse_options(["--xml", "prog.py"])
    assert options.xml is True and options.xml_output is None
    assert options.input_path == work / "prog.py"
    options = parse_options(["--xml=tree.xml", "prog.py"])
    assert options.xml is True and options.xml_output == work / "tree.xml"


# -- running ------------------------------------------------------------------


def test_run_passes_arguments(work):
    options = parse_options(["--run", "prog.py", "a", "-b", "--lto=no", "--"])
    assert options.run is True
    assert options.program_args == ["a", "-b", "--lto=no", "--"]
    assert options.lto == "auto"


def test_run_after_input_file(work):
    options = parse_options(["prog.py", "--run", "a", "b"])
    assert options.run is True
    assert options.program_args == ["a", "b"]


def test_nuitka_run_defaults_to_run(work):
    options = parse_options(["--lto=no", "prog.py", "x", "--help"], nuitka_run=True)
    assert options.run is True and options.nuitka_run is True
    assert options.program_args == ["x", "--help"]
    assert options.lto == "no"


def test_double_dash_ends_options(work):
    options = parse_options(["--run", "--", "prog.py", "-x"])
    assert options.input_path == work / "prog.py"
    assert options.program_args == ["-x"]


def test_extra_argument_without_run(work, capsys):
    line = usage_error(capsys, ["prog.py", "extra"])
    assert "extra" in line and "--run" in line


# -- errors -------------------------------------------------------------------


def test_no_input(work, capsys):
    line = usage_error(capsys, [])
    assert "no input file" in line


def test_missing_input(work, capsys):
    line = usage_error(capsys, ["nope.py"])
    assert "nope.py" in line and "does not exist" in line


def test_not_python_file(work, capsys):
    (work / "data.txt").write_text("x")
    line = usage_error(capsys, ["data.txt"])
    assert ".py" in line


def test_directory_needs_module(work, capsys):
    line = usage_error(capsys, ["pkg"])
    assert "--module" in line


def test_unknown_option_suggests(work, capsys):
    line = usage_error(capsys, ["--outpt-dir=x", "prog.py"])
    assert "--outpt-dir" in line and "--output-dir" in line


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["--lto=maybe", "prog.py"], "--lto"),
        (["--jobs=many", "prog.py"], "jobs"),
        (["prog.py", "--output-dir"], "--output-dir"),
        (["--run=yes", "prog.py"], "--run"),
        (["--python-flag=-X", "prog.py"], "-X"),
        (["--clean-cache=everything", "prog.py"], "everything"),
        (["--module", "--standalone", "prog.py"], "--module"),
        (["--module", "-o", "x", "prog.py"], "--output-filename"),
        (["--quiet", "--verbose", "prog.py"], "--quiet"),
    ],
)
def test_bad_values(work, capsys, argv, expected):
    assert expected in usage_error(capsys, argv)


def test_nuitka_run_error_prefix(work, capsys):
    usage_error(capsys, ["--bogus", "prog.py"], nuitka_run=True)


# -- recorded but not implemented options -------------------------------------


def test_unsupported_options_are_recorded(work):
    options = parse_options(
        [
            "--standalone",
            "--follow-imports",
            "--include-module=a,b",
            "--include-module",
            "c",
            "--include-package=pkg",
            "--include-plugin-directory=plugins",
            "--follow-import-to=x.*",
            "--enable-plugin=anti-bloat",
            "--python-flag=-O,no_site",
            "--python-flag",
            "-u",
            "--report=report.xml",
            "--debug",
            "prog.py",
        ]
    )
    assert options.standalone and options.is_standalone()
    assert options.follow_imports is True
    assert options.include_modules == ["a", "b", "c"]
    assert options.include_packages == ["pkg"]
    assert options.include_plugin_directories == [work / "plugins"]
    assert options.follow_import_to == ["x.*"]
    assert options.enabled_plugins == ["anti-bloat"]
    assert options.python_flags == ["no_asserts", "no_site", "unbuffered"]
    assert options.has_python_flag("no_site")
    assert options.report_path == work / "report.xml"
    assert options.debug
    used = options.unsupported_used()
    # Implemented (issue 3): following and inclusion of modules.
    for name in (
        "--follow-imports",
        "--include-module",
        "--include-package",
        "--include-plugin-directory",
        "--follow-import-to",
        "--report",  # the compilation report (compile cache use per module)
        "--enable-plugin",  # plugins (issue 12)
        "--standalone",  # issue 10 (nuitka/standalone)
        "--python-flag",
    ):
        assert name not in used
    for name in (
        "--debug",
    ):
        assert name in used
    message = options.unsupported_message()
    assert message.startswith("--debug is ")
    assert "not supported yet (supported: " in message
    assert "--run" in message


def test_single_unsupported_message(work):
    options = parse_options(["--debug", "prog.py"])
    assert options.unsupported_used() == ["--debug"]
    assert options.unsupported_message().startswith(
        "--debug is not supported yet (supported: --"
    )


def test_standalone_and_onefile_are_supported(work):
    options = parse_options(["--onefile", "prog.py"])
    assert options.unsupported_used() == []
    assert options.output_binary_path() == work / "prog.bin"
    assert options.dist_dir_path() == work / "prog.dist"
    options = parse_options(["--standalone", "--output-filename=run", "prog.py"])
    assert options.unsupported_used() == []
    assert options.output_binary_path() == work / "prog.dist" / "run"


def test_nofollow_is_supported(work):
    options = parse_options(
        ["--nofollow-imports", "--nofollow-import-to=a,b", "prog.py"]
    )
    assert options.follow_imports is False
    assert options.nofollow_import_to == ["a", "b"]
    assert options.unsupported_used() == []
    assert "--nofollow-imports" in supported_option_names()


def test_module_output_names(work):
    options = parse_options(["--module", "pkg"])
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    assert options.module
    assert options.output_binary_path() == work / ("pkg" + suffix)
    assert options.build_dir_path() == work / "pkg.build"
    assert options.unsupported_used() == []

    options = parse_options(["--module", "prog.py"])
    assert options.output_binary_path() == work / ("prog" + suffix)


def test_standalone_layout(work):
    options = parse_options(["--standalone", "prog.py"])
    assert options.dist_dir_path() == work / "prog.dist"
    assert options.output_binary_path() == work / "prog.dist" / "prog.bin"


def test_several_mains(work):
    (work / "other.py").write_text("")
    options = parse_options(["--main=prog.py", "--main", "other.py"])
    assert options.input_path == work / "prog.py"
    assert options.main_paths == [work / "prog.py", work / "other.py"]
    assert options.unsupported_used() == []  # multidist

    options = parse_options(["--main=prog.py"])
    assert options.unsupported_used() == []


# -- caches -------------------------------------------------------------------


def test_cache_options(work):
    options = parse_options(["--disable-cache", "prog.py"])
    assert options.disable_cache == ["all"]
    assert options.is_cache_disabled("runtime")

    options = parse_options(["--disable-cache=runtime", "prog.py"])
    assert options.is_cache_disabled("runtime")
    assert not options.is_cache_disabled("ccache")

    options = parse_options(["--clean-cache", "all", "prog.py"])
    assert options.clean_cache == ["all"]
    assert options.input_path == work / "prog.py"


def test_clean_cache_without_input(work):
    options = parse_options(["--clean-cache=all"])
    assert options.input_path is None
    assert options.clean_cache == ["all"]


# -- help and version ---------------------------------------------------------


def test_help_documents_every_option(work, capsys):
    with pytest.raises(SystemExit) as info:
        parse_options(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for spec in OPTION_TABLE:
        for flag in spec.flags:
            assert flag in out, flag
        if not spec.implemented:
            assert "not yet implemented" in out
    for title in ("Compilation mode", "Output choices", "Backend C compiler choice"):
        assert title in out
    assert "--version" in out


def test_version(work, capsys, monkeypatch):
    monkeypatch.delenv("CC", raising=False)
    with pytest.raises(SystemExit) as info:
        parse_options(["--version"])
    assert info.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == __version__
    keys = [line.split(":", 1)[0] for line in lines[1:]]
    for key in ("Python", "Flavor", "Executable", "OS", "Arch", "C compiler"):
        assert key in keys
    assert "Executable: %s" % sys.executable in lines


def test_version_without_compiler(work, capsys, monkeypatch):
    monkeypatch.setenv("CC", "/nonexistent/cc")
    with pytest.raises(SystemExit):
        parse_options(["--version"])
    out = capsys.readouterr().out
    assert "C compiler: none found" in out


# -- project options ----------------------------------------------------------

PROJECT_FILE = """\
# nuitka-project: --lto=no
# nuitka-project-if: {OS} == "Linux" or {OS} != "Linux":
#    nuitka-project: --jobs 3
#    nuitka-project-if: {Arch} == "no-such-arch":
#       nuitka-project: --clang
#    nuitka-project-else:
#       nuitka-project: --output-dir={MAIN_DIRECTORY}/out
# nuitka-project-else:
#    nuitka-project: --standalone
# nuitka-project-if: os.getenv("NUITKA_TEST_PROJECT_FLAG") == "yes"
#     nuitka-project: --show-scons
print("hello")
"""


def test_read_project_options(work, monkeypatch):
    monkeypatch.delenv("NUITKA_TEST_PROJECT_FLAG", raising=False)
    path = work / "proj.py"
    path.write_text(PROJECT_FILE)
    assert read_project_options(path) == [
        "--lto=no",
        "--jobs",
        "3",
        "--output-dir=%s/out" % work,
    ]
    monkeypatch.setenv("NUITKA_TEST_PROJECT_FLAG", "yes")
    assert read_project_options(str(path))[-1] == "--show-scons"


def test_project_options_merge(work, monkeypatch):
    monkeypatch.delenv("NUITKA_TEST_PROJECT_FLAG", raising=False)
    (work / "proj.py").write_text(PROJECT_FILE)
    options = parse_options(["proj.py"])
    assert options.lto == "no" and options.jobs == 3
    assert options.output_dir == work / "out"
    assert options.clang is False and options.standalone is False
    assert options.project_options[0] == "--lto=no"

    # The command line wins.
    options = parse_options(["--lto=yes", "-j", "1", "proj.py"])
    assert options.lto == "yes" and options.jobs == 1


def test_project_options_only_at_line_start(work):
    (work / "p.py").write_text("x = 1  # nuitka-project: --clang\n    # nuitka-project: --clang\n")
    assert read_project_options(work / "p.py") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# nuitka-project: --bogus\n", "--bogus"),
        ("# nuitka-project: --lto=maybe\n", "--lto"),
        ("# nuitka-project: prog.py\n", "not an option"),
        ("# nuitka-project-if: 1/0:\n#  nuitka-project: --clang\n", "ZeroDivisionError"),
        ("# nuitka-project: --output-dir={NOPE}\n", "{NOPE}"),
        ("# nuitka-project-else:\n", "nuitka-project-else"),
        ("# nuitka-project-elif: True:\n", "unknown directive"),
    ],
)
def test_project_option_errors(work, capsys, text, expected):
    (work / "bad.py").write_text(text)
    assert expected in usage_error(capsys, ["bad.py"])


def test_project_option_error_type(work):
    (work / "bad.py").write_text("# nuitka-project-else:\n")
    with pytest.raises(ProjectOptionsError) as info:
        read_project_options(work / "bad.py")
    assert "bad.py:1:" in str(info.value)


def test_project_options_encoding(work):
    (work / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\n# caf\xe9\n# nuitka-project: --clang\n"
    )
    assert read_project_options(work / "latin.py") == ["--clang"]


def test_environment_not_required(work, monkeypatch):
    # Parsing must not depend on the cache location or compiler variables.
    monkeypatch.setenv("NUITKA_CACHE_DIR", os.fspath(work / "cache"))
    monkeypatch.setenv("CC", "/nonexistent/cc")
    assert parse_options(["prog.py"]).input_path == work / "prog.py"
