"""Self-tests of the test harness and of the test program files (no compiler)."""

import sys

import pytest

from harness import (
    CATEGORIES,
    PROGRAMS_DIR,
    Directives,
    discover_programs,
    normalise,
    parse_directives,
    program_id,
    required_python,
)

PROGRAMS = discover_programs()


def test_categories_exist_and_have_programs():
    for category in CATEGORIES:
        assert (PROGRAMS_DIR / category).is_dir(), category
        assert any(p.parent.name == category for p in PROGRAMS), category


@pytest.mark.parametrize("path", PROGRAMS, ids=program_id)
def test_program_file_is_well_formed(path):
    parse_directives(path)  # raises on unknown directives
    name = path.stem
    assert not name.startswith("test_") and not name.endswith("_test"), (
        "pytest would collect %s" % path
    )
    # cwd and sys.path[0] is the program's folder, both for CPython and for
    # the compiler: a program named like a stdlib module would shadow it.
    stdlib = getattr(sys, "stdlib_module_names", ())
    assert name not in stdlib, "%s shadows the stdlib module %r" % (path, name)
    assert name not in ("nuitka", "harness", "conftest")


def test_helper_names_do_not_shadow_stdlib():
    # Helper modules and packages next to the programs are importable by
    # every program of that folder (and by the compiler): no stdlib names.
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    for entry in PROGRAMS_DIR.glob("*/*"):
        if entry.name == "__pycache__":
            continue
        stem = entry.stem if entry.suffix == ".py" else entry.name
        assert stem not in stdlib, entry


def test_directives(tmp_path):
    prog = tmp_path / "x.py"
    prog.write_text(
        "#!/usr/bin/env python\n"
        "# nuitka-test: args=--follow-imports --foo='a b'\n"
        "# nuitka-test: stdin=line1\\nline2\n"
        "# nuitka-test: slow\n"
        "# nuitka-test: env=FOO=bar=baz\n"
        "# nuitka-test: variant=--follow-imports --x=1\n"
        "# a plain comment\n"
        "print(1)\n"
        "# nuitka-test: skip=too late, ignored\n"
    )
    d = parse_directives(prog)
    assert d.args == ["--follow-imports", "--foo=a b"]
    assert d.stdin == "line1\nline2"
    assert d.slow
    assert d.env == {"FOO": "bar=baz"}
    assert d.variants == [["--follow-imports", "--x=1"]]
    assert program_id(prog, d.variants[0]) == "%s/x@follow-imports_x-1" % tmp_path.name
    assert d.skip is None
    assert parse_directives(tmp_path / "x.py") == d
    prog.write_text("# nuitka-test: bogus\n")
    with pytest.raises(ValueError):
        parse_directives(prog)
    prog.write_text("print(2)\n")
    assert parse_directives(prog) == Directives()


def test_required_python():
    assert required_python("a/b/match_310.py") == (3, 10)
    assert required_python("a/b/thing_312.py") == (3, 12)
    assert required_python("a/b/thing.py") is None
    assert required_python("a/b/values_3x.py") is None


def test_normalise():
    text = "<object at 0x7f00deadbeef> in /tmp/pytest-1/x/out/prog.bin 0x1"
    assert normalise(text, ["/tmp/pytest-1/x/out"]) == (
        "<object at 0x...> in <TMPDIR>/prog.bin 0x..."
    )
