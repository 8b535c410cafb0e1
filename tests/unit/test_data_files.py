"""Unit tests of the data file options (nuitka/standalone/data_files.py) and
their parsing; the one-line errors of the compiler for bad data file input."""

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nuitka.modules.finder import ModuleFinder  # noqa: E402
from nuitka.modules.graph import FollowPolicy, ModuleGraph  # noqa: E402
from nuitka.options import Options, parse_options  # noqa: E402
from nuitka.standalone.data_files import (  # noqa: E402
    DataFile,
    DataFileError,
    collect_data_files,
    is_code_file,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def work(tmp_path, monkeypatch):
    """cwd with prog.py, files a.txt b.txt c.dat, folder images/ (with a
    sub-folder) and package mypkg/ (data, code, __pycache__)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prog.py").write_text("import mypkg\n")
    for name in ("a.txt", "b.txt", "c.dat"):
        (tmp_path / name).write_text(name)
    images = tmp_path / "images"
    (images / "icons").mkdir(parents=True)
    (images / "logo.png").write_bytes(b"png")
    (images / "icons" / "small.png").write_bytes(b"small")
    (images / "icons" / "notes.txt").write_text("notes")
    pkg = tmp_path / "mypkg"
    (pkg / "sub" / "deep").mkdir(parents=True)
    (pkg / "__pycache__").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "mod.py").write_text("")
    (pkg / "data.txt").write_text("data")
    (pkg / "py.typed").write_text("")
    (pkg / "table.json").write_text("{}")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "deep" / "x.txt").write_text("x")
    (pkg / "sub" / "native.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\x7fELF")
    (pkg / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"pyc")
    (tmp_path / "plainmod.py").write_text("")
    return tmp_path


def _graph(folder):
    return ModuleGraph(ModuleFinder([str(folder)]), FollowPolicy())


def _collect(work, warnings=None, **values):
    options = Options()
    for name, value in values.items():
        setattr(options, name, value)
    warn = warnings.append if warnings is not None else None
    return collect_data_files(options, _graph(work), warn=warn)


def _pairs(items):
    return [(item.source.name, item.dest) for item in items]


def test_single_file_and_rename(work):
    items = _collect(work, include_data_files=["a.txt=data/renamed.txt", "b.txt=b.txt"])
    assert items == [
        DataFile(work / "a.txt", "data/renamed.txt", "--include-data-files=a.txt=data/renamed.txt"),
        DataFile(work / "b.txt", "b.txt", "--include-data-files=b.txt=b.txt"),
    ]
    assert all(item.source.is_absolute() for item in items)


def test_pattern_into_folder(work):
    items = _collect(work, include_data_files=["*.txt=texts/"])
    assert _pairs(items) == [("a.txt", "texts/a.txt"), ("b.txt", "texts/b.txt")]
    # An absolute pattern, and '**' through sub-folders (flattened).
    items = _collect(work, include_data_files=["%s/images/**/*.png=pics/" % work])
    assert _pairs(items) == [("logo.png", "pics/logo.png"), ("small.png", "pics/small.png")]
    # A target given in the opposite order: sorted by target.
    items = _collect(work, include_data_files=["b.txt=a/", "a.txt=z/"])
    assert _pairs(items) == [("b.txt", "a/b.txt"), ("a.txt", "z/a.txt")]


def test_pattern_to_one_file(work):
    assert _pairs(_collect(work, include_data_files=["*.dat=x.dat"])) == [("c.dat", "x.dat")]
    with pytest.raises(DataFileError, match="matches 2 files but the target 'one.txt' is one file"):
        _collect(work, include_data_files=["*.txt=one.txt"])


def test_recursive_form_keeps_folders(work):
    items = _collect(work, include_data_files=["images=assets/=**/*.png"])
    assert [item.dest for item in items] == ["assets/icons/small.png", "assets/logo.png"]


def test_data_dir(work):
    items = _collect(work, include_data_dirs=["images=img"])
    assert [item.dest for item in items] == ["img/icons/notes.txt", "img/icons/small.png", "img/logo.png"]
    assert [item.dest for item in _collect(work, include_data_dirs=["images=."])] == [
        "icons/notes.txt", "icons/small.png", "logo.png",
    ]


def test_package_data_default_skips_code(work):
    items = _collect(work, include_package_data=["mypkg"])
    assert sorted(item.dest for item in items) == [
        "mypkg/data.txt", "mypkg/py.typed", "mypkg/sub/deep/x.txt", "mypkg/table.json",
    ]
    assert items[0].reason == "--include-package-data=mypkg"
    sub = _collect(work, include_package_data=["mypkg.sub"])
    assert [item.dest for item in sub] == ["mypkg/sub/deep/x.txt"]


def test_package_data_pattern(work):
    items = _collect(work, include_package_data=["mypkg:*.txt"])
    assert sorted(item.dest for item in items) == ["mypkg/data.txt", "mypkg/sub/deep/x.txt"]
    items = _collect(work, include_package_data=["mypkg:sub/*"])
    assert sorted(item.dest for item in items) == [
        "mypkg/sub/__init__.py", "mypkg/sub/deep/x.txt", "mypkg/sub/native.cpython-311-x86_64-linux-gnu.so",
    ]


def test_package_without_data_warns(work):
    (work / "emptypkg").mkdir()
    (work / "emptypkg" / "__init__.py").write_text("")
    warnings = []
    assert _collect(work, warnings, include_package_data=["emptypkg"]) == []
    assert warnings == ["--include-package-data=emptypkg: package 'emptypkg' has no data files"]


def test_noinclude_by_dest_and_folder(work):
    warnings = []
    items = _collect(
        work, warnings,
        include_package_data=["mypkg"],
        include_data_files=["*.txt=texts/"],
        noinclude_data_files=["mypkg/*.json", "mypkg/sub", "texts/b.txt", "nothing/*"],
    )
    assert sorted(item.dest for item in items) == ["mypkg/data.txt", "mypkg/py.typed", "texts/a.txt"]
    assert warnings == ["--noinclude-data-files=nothing/* matches no data file"]


def test_duplicates(work):
    # The same file twice is kept once.
    items = _collect(work, include_data_files=["a.txt=x.txt", "%s/a.txt=x.txt" % work])
    assert _pairs(items) == [("a.txt", "x.txt")]
    with pytest.raises(DataFileError, match="target 'x.txt' is given twice"):
        _collect(work, include_data_files=["a.txt=x.txt", "b.txt=x.txt"])
    with pytest.raises(DataFileError, match="target 'd' is a file, but 'd/b.txt' needs it to be a folder"):
        _collect(work, include_data_files=["a.txt=d", "b.txt=d/"])


@pytest.mark.parametrize(
    "values,message",
    [
        ({"include_data_files": ["missing.txt=x.txt"]},
         "--include-data-files=missing.txt=x.txt: the source 'missing.txt' does not exist"),
        ({"include_data_files": ["*.nothing=x/"]}, "the pattern '*.nothing' matches no file"),
        ({"include_data_files": ["a.txt=../a.txt"]}, "the target '../a.txt' is outside the dist folder"),
        ({"include_data_files": ["a.txt=x/../../a.txt"]}, "is outside the dist folder"),
        ({"include_data_files": ["a.txt=/etc/a.txt"]}, "the target '/etc/a.txt' is absolute"),
        ({"include_data_files": ["a.txt="]}, "the target after '=' is empty"),
        ({"include_data_files": ["a.txt=."]}, "names the dist folder itself"),
        ({"include_data_files": ["images=img"]}, "is a folder; use --include-data-dir"),
        ({"include_data_files": ["a.txt"]}, "expected SRC=DEST"),
        ({"include_data_files": ["images=x/=*.none"]}, "matches no file below 'images'"),
        ({"include_data_dirs": ["nodir=x"]}, "the folder 'nodir' does not exist"),
        ({"include_data_dirs": ["a.txt=x"]}, "'a.txt' is a file; use --include-data-files"),
        ({"include_data_dirs": ["images=.."]}, "outside the dist folder"),
        ({"include_package_data": ["nopkg"]}, "package 'nopkg' not found"),
        ({"include_package_data": ["plainmod"]}, "'plainmod' is a module, not a package"),
        ({"include_package_data": ["mypkg:*.none"]}, "the pattern '*.none' matches no file of package 'mypkg'"),
        ({"include_package_data": ["my-pkg"]}, "'my-pkg' is not a package name"),
    ],
)
def test_errors(work, values, message):
    with pytest.raises(DataFileError) as info:
        _collect(work, **values)
    assert message in info.value.message
    assert "\n" not in info.value.message


def test_is_code_file():
    assert is_code_file("x.py") and is_code_file("x.pyc") and is_code_file("x.cpython-311-x86_64-linux-gnu.so")
    assert not is_code_file("x.txt") and not is_code_file("py.typed") and not is_code_file("x.pyi")


def test_option_parsing(work):
    options = parse_options([
        "--include-data-files=a.txt=x.txt", "--include-data-files", "*.txt=t/",
        "--include-data-dir=images=img", "--include-package-data=mypkg",
        "--include-package-data", "mypkg:*.txt", "--noinclude-data-files=mypkg/sub", "prog.py",
    ])
    assert options.include_data_files == ["a.txt=x.txt", "*.txt=t/"]
    assert options.include_data_dirs == ["images=img"]
    assert options.include_package_data == ["mypkg", "mypkg:*.txt"]
    assert options.noinclude_data_files == ["mypkg/sub"]
    assert options.unsupported_used() == []


def test_project_option_with_main_directory(work, tmp_path_factory, monkeypatch):
    """As in the Nuitka manual: a source next to the main file, from any cwd."""
    (work / "prog.py").write_text("# nuitka-project: --include-data-files={MAIN_DIRECTORY}/a.txt=a.txt\n")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    options = parse_options([str(work / "prog.py")])
    assert options.include_data_files == ["%s/a.txt=a.txt" % work]
    assert _pairs(collect_data_files(options, _graph(work))) == [("a.txt", "a.txt")]


@pytest.mark.parametrize("option", ["--include-data-files=a.txt", "--include-data-dir=images"])
def test_option_without_dest_is_a_usage_error(work, capsys, option):
    with pytest.raises(SystemExit) as info:
        parse_options([option, "prog.py"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nuitka: error: argument %s: expected SRC=DEST" % option.split("=")[0])


def _compiler(work, *args):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "HOME": str(work)}
    return subprocess.run(
        [sys.executable, "-m", "nuitka", "--output-dir=%s" % (work / "out"), *args, "prog.py"],
        cwd=str(work), capture_output=True, text=True, env=env, timeout=300,
    )


@pytest.mark.parametrize(
    "option,message",
    [
        ("--include-data-files=missing.txt=x.txt", "the source 'missing.txt' does not exist"),
        ("--include-data-files=a.txt=../x.txt", "the target '../x.txt' is outside the dist folder"),
        ("--include-package-data=nopkg", "package 'nopkg' not found"),
    ],
)
def test_compiler_one_line_error(work, option, message):
    """Bad data file input stops the compiler before it writes anything."""
    result = _compiler(work, option)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nuitka: error: %s:" % option), result.stderr
    assert message in lines[0]
    assert not (work / "out").exists()


@pytest.mark.compiles
def test_accepted_in_accelerated_mode(work):
    """Outside standalone mode the options are checked and change nothing."""
    result = _compiler(work, "--include-data-files=*.txt=t/", "--include-package-data=mypkg",
                       "--noinclude-data-files=t/a.txt", "--remove-output")
    assert result.returncode == 0, result.stderr
    assert (work / "out" / "prog.bin").is_file()
    assert sorted(p.name for p in (work / "out").iterdir()) == ["prog.bin"]
