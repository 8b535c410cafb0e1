"""``--help`` tells the truth: every option it lists as working is accepted by
the compiler's driver, and every option it marks "(not yet implemented)" is
refused with one line.

The list comes from the help text a user reads (``python -m nuitka --help``),
not from the option table, so a help text that drifts from what the driver
does fails here.  The compilation itself is replaced by a recorder: this
checks the driver's decisions (parsing, validation, refusal), not the
stages behind it, which have their own tests.
"""

import re
import subprocess
import sys
from dataclasses import fields

import pytest

import nuitka.main_driver as main_driver
from nuitka.options import Options, parse_options

OPTION_LINE = re.compile(r"^  (-{1,2}[A-Za-z][-A-Za-z]*)(.*)$")


def help_entries():
    """``[(flag, metavar or None, help paragraph)]`` from ``--help``."""
    out = subprocess.run(
        [sys.executable, "-m", "nuitka", "--help"],
        capture_output=True, text=True, check=True,
    ).stdout
    entries = []
    current = None
    for line in out.splitlines():
        match = OPTION_LINE.match(line)
        if match:
            # "  --jobs N, -j N   text": the long spelling, its metavar, text.
            head, _, text = (match.group(1) + match.group(2)).partition("  ")
            # (3.13 writes the metavar once, after the last spelling.)
            spellings = [s.strip().partition(" ") for s in re.split(r", (?=-)", head)]
            flag = next((f for f, _, _ in spellings if f.startswith("--")), spellings[0][0])
            metavar = next((m for _, _, m in spellings if m), "")
            current = [flag, metavar.strip("[]") or None, text.strip()]
            entries.append(current)
        elif current is not None and line.startswith("    "):
            current[2] += " " + line.strip()
        else:
            current = None
    return [tuple(e) for e in entries]


ENTRIES = help_entries()
SKIP = {"--help", "--version"}  # print and exit; tested in test_options


def sample_argv(flag, metavar, tmp_path):
    """A valid use of ``flag`` on a small program, as a user would write it."""
    prog = tmp_path / "prog.py"
    prog.write_text("print('hello')\n")
    plugin_dir = tmp_path / "plugins"
    plugin_dir.mkdir(exist_ok=True)
    values = {
        "DIR": str(plugin_dir) if "plugin" in flag else str(tmp_path / "out"),
        "FILENAME": "prog.exe",
        "FILE": str(tmp_path / ("report.xml" if flag == "--report" else "tree.xml")),
        "PATH": str(prog),
        "N": "1",
        "MODULE": "json",
        "PACKAGE": "json",
        "MODULE/PACKAGE": "json",
        "SPEC": "{TEMP}/prog_{PID}",
        "NAME": "Example",
        "VERSION": "1.2.0",
        "NAMES": "modules",
        "FLAG": "-O",
        "{yes,no,auto}": "no",
        "{original,runtime}": "runtime",
        "PLUGIN_NAME": "anti-bloat",
        "YAML_FILENAME": str(tmp_path / "config.yml"),
        "MODE": "nofollow",
        "MODULE:MODE": "setuptools:error",
        "FLAGS": "self-execution",
        "SRC=DEST": "prog.py=data/prog.py",
        "DIR=DEST": "%s=data" % tmp_path,
        "PACKAGE[:PATTERN": "json:*.py",
        "PATTERN": "data/*.txt",
        "TEMPLATE:OUTPUT": "license-report:%s" % (tmp_path / "licenses.rst"),
    }
    if metavar is None:
        option = [flag]
    else:
        assert metavar in values, "no sample value for %s %s: add one" % (flag, metavar)
        option = ["%s=%s" % (flag, values[metavar])]
    if flag == "--main":
        return option
    return option + [str(prog)]


def run_driver(argv, monkeypatch, tmp_path):
    """``(exit code, Options or None)`` of the driver with the compilation
    replaced by a recorder."""
    seen = {}

    def record(session):
        seen["options"] = session.options
        return 0

    monkeypatch.setattr(main_driver.CompilationSession, "run", record)
    monkeypatch.setenv("NUITKA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    code = main_driver.main(argv)
    return code, seen.get("options")


def test_help_lists_options():
    flags = [flag for flag, _, _ in ENTRIES]
    assert "--module" in flags and "--output-dir" in flags and len(flags) > 25


@pytest.mark.parametrize(
    "flag,metavar,text",
    [e for e in ENTRIES if e[0] not in SKIP],
    ids=[e[0] for e in ENTRIES if e[0] not in SKIP],
)
def test_option_does_what_help_says(flag, metavar, text, monkeypatch, tmp_path, capsys):
    argv = sample_argv(flag, metavar, tmp_path)
    code, options = run_driver(argv, monkeypatch, tmp_path)
    captured = capsys.readouterr()
    err = captured.err
    if flag == "--plugin-list":
        assert code == 0 and options is None and "anti-bloat" in captured.out, err
        return
    if "(not yet implemented)" in text:
        assert code == 2 and options is None, (argv, err)
        assert err.startswith("nuitka: error: %s" % flag) and "not supported yet" in err, err
        assert err.count("\n") == 1, err
        return
    assert code == 0 and options is not None, "driver refused %s: %s" % (argv, err)
    if flag == "--main":
        # "--main prog.py" is the positional "prog.py" spelled differently.
        assert [str(p) for p in (options.main_paths or [options.input_path])] == [argv[0].split("=", 1)[1]]
        return
    # The option reached the options: something differs from a plain run.
    plain_code, plain = run_driver([argv[-1]], monkeypatch, tmp_path)
    assert plain_code == 0
    changed = [f.name for f in fields(Options) if getattr(options, f.name) != getattr(plain, f.name)]
    assert changed, "%s changed no option value" % flag


def test_sample_values_parse_alone(tmp_path):
    """The sample values themselves are valid (guards the table above)."""
    for flag, metavar, _ in ENTRIES:
        if flag in SKIP:
            continue
        parse_options(sample_argv(flag, metavar, tmp_path))


# -- the documents say the same as --help ------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
NOT_IMPLEMENTED = {flag for flag, _, text in ENTRIES if "(not yet implemented)" in text}


def test_readme_lists_exactly_the_unimplemented_options():
    text = (ROOT / "README.rst").read_text()
    paragraph = text.split("Accepted but **not yet implemented**", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"``(--[a-z][-a-z]*)``", paragraph))
    assert listed == NOT_IMPLEMENTED
    # And the overview table does not offer one of them as working.
    table = text.split("Options overview", 1)[1].split("Accepted but", 1)[0]
    offered = set(re.findall(r"^``(--[a-z][-a-z]*)", table, re.M))
    assert not offered & NOT_IMPLEMENTED


def test_user_manual_marks_exactly_the_unimplemented_options():
    text = (ROOT / "doc" / "user-manual.rst").read_text()
    marked = set()
    # Option entries: a line starting with ``--option`` then an indented body.
    for match in re.finditer(r"^``(--[a-z][-a-z]*)[^\n]*\n((?:    [^\n]*\n|\n(?=    ))+)", text, re.M):
        if "not yet implemented" in " ".join(match.group(2).split()).lower():
            marked.add(match.group(1))
    assert marked == NOT_IMPLEMENTED
    # No line of the output layout table claims an implemented output is missing.
    layout = text.split("==========================  ====", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in layout.splitlines():
        if line.startswith(" ") and rows:
            rows[-1] += " " + line.strip()
        else:
            rows.append(line)
    for row in rows:
        if "not yet implemented" in row:
            assert any(flag in row for flag in NOT_IMPLEMENTED), row
