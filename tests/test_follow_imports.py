"""Following imports: --follow-imports, --follow-import-to, --nofollow-import-to,
--include-module/-package/-plugin-directory and the run time loader of the
embedded modules (``nuitka/runtime/loader.c``).

``special_programs/follow_tree/follow_main.py`` prints module facts (spec,
__file__, __path__, relative imports, module __getattr__, circular imports,
importlib.resources, pkgutil, find_spec, reload, dynamic imports, a syntax
error, plugins) that must be the same compiled and under CPython, plus one
"compiled NAME: BOOL" line per module, checked against the options used.
"""

import ast
import sys

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_program, normalise, run_binary, run_cpython

PROGRAM = SPECIAL_PROGRAMS_DIR / "follow_tree" / "follow_main.py"

ALL = (
    "main appkg appkg.core appkg.sub appkg.sub.rel appkg.sub.sibling dyn_target "
    "dunder_target skipped_mod plugin_one plugpkg.inner json"
).split()


def _split(stdout):
    facts, flags = [], {}
    for line in stdout.splitlines():
        if line.startswith("compiled "):
            name, _, value = line[len("compiled "):].partition(": ")
            flags[name] = "absent" if value == "absent" else value == "True"
        else:
            facts.append(line)
    return facts, flags


#: Modules --nofollow-import-to excludes in the tests: the line CPython
#: prints for them, and whether the import is the program's first output.
BLOCKABLE = {"skipped_mod": ("skipped_mod ", False), "appkg.sub.rel": ("rel ", True)}


def _blocked_facts(facts, blocked):
    """CPython's output when ``blocked`` modules cannot be imported: their
    import raises ModuleNotFoundError as for a missing module."""
    facts = list(facts)
    for name in sorted(blocked):
        prefix, first = BLOCKABLE[name]
        index = next(i for i, line in enumerate(facts) if line.startswith(prefix))
        error = "ImportError ModuleNotFoundError No module named '%s' %s" % (name, name)
        if first:
            del facts[index]
            facts.insert(0, error)
        else:
            facts[index] = error
    return facts


@pytest.fixture(scope="module")
def expected():
    result = run_cpython(PROGRAM)
    assert result.returncode == 0, result.describe()
    facts, flags = _split(result.stdout)
    assert set(flags) == set(ALL) and not any(flags.values())
    return result, facts


def _check(tmp_path, expected, args, compiled_names, blocked=()):
    cpython, facts = expected
    output_dir = tmp_path / "out"
    compiled, binary = compile_program(PROGRAM, output_dir, extra_args=args)
    assert compiled.returncode == 0 and binary.exists(), compiled.describe()
    assert not (output_dir / "follow_main.build").exists()
    result = run_binary(binary, PROGRAM)
    assert result.returncode == 0, result.describe()
    assert normalise(result.stderr) == normalise(cpython.stderr), result.describe()
    got_facts, flags = _split(result.stdout)
    assert got_facts == _blocked_facts(facts, blocked), result.describe()
    assert flags == {
        name: "absent" if name in blocked else name in compiled_names for name in ALL
    }, result.describe()
    return compiled


@pytest.mark.compiles
def test_follow_all_with_plugins_and_nofollow(tmp_path, expected):
    compiled = _check(
        tmp_path,
        expected,
        ["--follow-imports", "--include-plugin-directory=plugins", "--nofollow-import-to=skipped_mod"],
        set(ALL) - {"skipped_mod", "json"},
        blocked={"skipped_mod"},
    )
    # The module with a syntax error is left to run time, with a warning.
    assert "not compiling 'broken_mod'" in compiled.stderr


@pytest.mark.compiles
def test_follow_import_to_patterns(tmp_path, expected):
    _check(
        tmp_path,
        expected,
        ["--follow-import-to=appkg.sub,dyn_*"],
        {"main", "appkg.sub", "appkg.sub.rel", "appkg.sub.sibling", "dyn_target"},
    )


@pytest.mark.compiles
def test_include_options_and_nofollow_pattern(tmp_path, expected):
    _check(
        tmp_path,
        expected,
        ["--nofollow-imports", "--include-package=appkg", "--include-module=dunder_target",
         "--nofollow-import-to=*.rel"],
        {"main", "appkg", "appkg.core", "appkg.sub", "appkg.sub.sibling", "dunder_target"},
        blocked={"appkg.sub.rel"},
    )


@pytest.mark.compiles
def test_include_missing_module_is_an_error(tmp_path):
    compiled, binary = compile_program(
        PROGRAM, tmp_path / "out", extra_args=["--include-module=no_such_module_here"]
    )
    assert compiled.returncode == 1, compiled.describe()
    assert "--include-module=no_such_module_here: no such module found" in compiled.stderr
    assert not binary.exists()


def _package_with_broken_module(tmp_path):
    """A program importing a package whose one submodule has a syntax
    error (as test packages ship on purpose: CPython's test_future_stmt)."""
    package = tmp_path / "withbroken"
    package.mkdir()
    (package / "__init__.py").write_text("NAME = 'withbroken'\n")
    (package / "good.py").write_text("VALUE = 42\n")
    (package / "broken.py").write_text("x = 1\nfrom __future__ import division\n")
    main = tmp_path / "uses_broken.py"
    main.write_text(
        "import withbroken.good\n"
        "print(withbroken.NAME, withbroken.good.VALUE)\n"
        "try:\n"
        "    import withbroken.broken\n"
        "except SyntaxError as e:\n"
        "    print('SyntaxError', e.msg, e.lineno)\n"
        "print('__compiled__' in vars(withbroken.good))\n"
    )
    return main


@pytest.mark.compiles
def test_include_package_with_a_syntax_error_in_a_submodule(tmp_path):
    main = _package_with_broken_module(tmp_path)
    cpython = run_cpython(main)
    assert cpython.returncode == 0, cpython.describe()
    compiled, binary = compile_program(main, tmp_path / "out", extra_args=["--include-package=withbroken"])
    assert compiled.returncode == 0 and binary.exists(), compiled.describe()
    # Left to the import system, which raises the SyntaxError at run time.
    assert "not compiling 'withbroken.broken': it has a syntax error" in compiled.stderr
    result = run_binary(binary, main)
    assert result.returncode == 0, result.describe()
    assert result.stdout == cpython.stdout.replace("False", "True"), result.describe()


@pytest.mark.compiles
def test_include_module_with_a_syntax_error_is_an_error(tmp_path):
    main = _package_with_broken_module(tmp_path)
    compiled, binary = compile_program(main, tmp_path / "out", extra_args=["--include-module=withbroken.broken"])
    assert compiled.returncode == 1, compiled.describe()
    assert "SyntaxError" in compiled.stderr and "Traceback" not in compiled.stderr, compiled.describe()
    assert not binary.exists()


# -- stages alone (no compiler) ---------------------------------------------------


def test_scan_imports():
    from nuitka.modules.scanner import ImportRequest, resolve_relative, scan_imports

    tree = ast.parse(
        "import a.b as c, d\n"
        "from .x import y, z\n"
        "from .. import w\n"
        "def f():\n"
        "    from e import *\n"
        "    importlib.import_module('g.h')\n"
        "    import_module('.k', 'p.q')\n"
        "    __import__('m')\n"
        "    importlib.import_module(name)\n"
    )
    requests = scan_imports(tree)
    assert requests == [
        ImportRequest("a.b", 0, (), 1),
        ImportRequest("d", 0, (), 1),
        ImportRequest("x", 1, ("y", "z"), 2),
        ImportRequest("", 2, ("w",), 3),
        # In a function: optional, and loaded on demand only.
        ImportRequest("e", 0, ("*",), 5, True, True),
        ImportRequest("g.h", 0, (), 6, True, True),
        ImportRequest("p.q.k", 0, (), 7, True, True),
        ImportRequest("m", 0, (), 8, True, True),
    ]
    assert resolve_relative(requests[2], "pkg.sub") == "pkg.sub.x"
    assert resolve_relative(requests[3], "pkg.sub") == "pkg"
    assert resolve_relative(requests[3], "pkg") is None
    assert resolve_relative(requests[2], None) is None
    # Optional: in functions, or guarded by a handler of ImportError.
    tree = ast.parse(
        "try:\n    import a\nexcept ImportError:\n    import b\n"
        "try:\n    import c\nexcept (ValueError, ModuleNotFoundError):\n    pass\n"
        "try:\n    import d\nexcept KeyError:\n    pass\n"
        "class K:\n    import e\n"
        "if sys.platform == 'win32':\n    import f\n"
    )
    assert [(r.name, r.optional) for r in scan_imports(tree)] == [
        ("a", True), ("b", False), ("c", True), ("d", False), ("e", False), ("f", True)]
    # On demand: under an ``if`` (or in a function), not when only a ``try`` guards it.
    assert [(r.name, r.on_demand) for r in scan_imports(tree)] == [
        ("a", False), ("b", False), ("c", False), ("d", False), ("e", False), ("f", True)]


def test_dotted_name_strings():
    from nuitka.modules.scanner import dotted_name_strings

    tree = ast.parse("preload('pkg.sub.mod')\nx = 'pkg.other'\ny = 'not pkg.x'\nz = 'other.mod'\n"
                     "w = 'pkg.'\ndef f():\n    return 'pkg.sub.mod'\n")
    assert sorted(dotted_name_strings(tree, "pkg")) == ["pkg.other", "pkg.sub.mod"]


def test_patterns():
    from nuitka.modules.graph import pattern_matches

    assert pattern_matches("pkg.sub.mod", ["pkg"])
    assert pattern_matches("a.tests.x", ["*.tests"])
    assert not pattern_matches("pkgx", ["pkg"])
    assert pattern_matches("dyn_target", ["dyn_*"])


def test_finder_kinds():
    from nuitka.modules.finder import ModuleFinder

    finder = ModuleFinder(
        [str(SPECIAL_PROGRAMS_DIR / "follow_tree"), str(PROGRAM.parent.parent.parent / "programs" / "imports")]
        + sys.path[1:]
    )
    assert finder.find("appkg").kind == "package"
    assert finder.find("appkg.sub.rel").kind == "source"
    assert finder.find("appkg.nothing").kind == "missing"
    assert finder.find("nspkg").kind == "namespace"
    assert finder.find("nspkg.inner.nsmod").kind == "source"
    assert finder.find("json").is_stdlib and finder.find("json").kind == "package"
    assert finder.find("sys").kind == "other"
    assert finder.find("_json").kind in ("extension", "other")
