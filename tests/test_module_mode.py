"""``--module``: extension modules imported by uncompiled Python.

* a single module (``extmod.py`` -> ``extmod.cpython-3XX-<platform>.so``);
* a package with ``--include-package`` (one extension module serving its
  submodules through the embedded loader, ``__path__`` next to the .so);
* a failed compilation leaves no (stale) extension module behind.
"""

import shutil
import subprocess
import sys
import sysconfig
import textwrap

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_env, program_env

SOURCES = SPECIAL_PROGRAMS_DIR / "module_mode"
EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


def _compile(cwd, *args):
    return subprocess.run(
        [sys.executable, "-m", "nuitka", "--remove-output", *args],
        cwd=str(cwd), env=compile_env(), capture_output=True, text=True, timeout=900,
    )


def _python(cwd, code, *args):
    return subprocess.run(
        [sys.executable, *args, "-c", textwrap.dedent(code)] if code else [sys.executable, *args],
        cwd=str(cwd), env=program_env(), capture_output=True, text=True, timeout=120,
    )


@pytest.mark.compiles
def test_single_module(tmp_path):
    out = tmp_path / "out"
    result = _compile(SOURCES, "--module", "extmod.py", "--output-dir=%s" % out)
    assert result.returncode == 0, result.stderr
    assert (out / ("extmod" + EXT_SUFFIX)).is_file()
    assert not (out / "extmod.build").exists()
    code = """
        import inspect, os, extmod
        print(extmod.__name__, os.path.basename(extmod.__file__), extmod.__doc__)
        print("compiled" if "__compiled__" in vars(extmod) else "not compiled")
        print(extmod.add(1), extmod.add(1, 3, scale=10), extmod.CALLS)
        print(extmod.Thing(5), list(extmod.gen(3)), extmod.add.__module__, extmod.Thing.__module__)
        print(inspect.signature(extmod.add))
        try:
            extmod.fails()
        except ValueError as e:
            print("ValueError", e)
        try:
            extmod.add()
        except TypeError as e:
            print("TypeError", e)
        print(type(extmod.__loader__).__name__, os.path.basename(extmod.__spec__.origin))
        print(extmod.add.__code__.co_filename == extmod.__file__)
        print(extmod.__loader__.get_source("extmod"))  # no extmod.py next to it
        import types
        print(type(extmod.add) is types.FunctionType, type(extmod.Thing.__init__) is types.FunctionType)
        # Called often from uncompiled code, they still run compiled.
        print(all(extmod.nested_is_compiled() for _ in range(3000)), all(extmod.Made().compiled for _ in range(3000)))
    """
    got = _python(out, code)
    assert got.returncode == 0, got.stderr
    assert got.stdout.splitlines() == [
        "extmod executing as extmod",
        # __file__ is where the source would be (as for embedded modules).
        "extmod extmod.py An extension module made by --module.",
        "compiled",
        "3 40 [(1, 2), (1, 3)]",
        "Thing(5) [0, 1, 2] extmod extmod",
        "(a, b=2, *, scale=1)",
        "ValueError from compiled module",
        "TypeError add() missing 1 required positional argument: 'a'",
        "nuitka_module_loader %s" % ("extmod" + EXT_SUFFIX),
        "True",
        "None",
        "True True",
        "True True",
    ]
    # As documented: "python -m" cannot run a compiled module.
    run_m = _python(out, None, "-m", "extmod")
    assert run_m.returncode != 0
    assert "No code object available for extmod" in run_m.stderr


@pytest.mark.compiles
def test_package_module(tmp_path):
    out = tmp_path / "out"
    result = _compile(SOURCES, "--module", "modpkg", "--include-package=modpkg", "--output-dir=%s" % out)
    assert result.returncode == 0, result.stderr
    assert (out / ("modpkg" + EXT_SUFFIX)).is_file()
    # A data file next to the extension module, where __path__ points.
    (out / "modpkg").mkdir()
    (out / "modpkg" / "data.txt").write_text("package data\n")
    code = """
        import importlib, importlib.resources, importlib.util, os, sys
        import modpkg
        print(modpkg.TOTAL, modpkg.__package__, [os.path.basename(p) for p in modpkg.__path__])
        print(modpkg.util.double(4), modpkg.sub.leaf.LEAF, modpkg.sub.leaf.__package__)
        print(modpkg.dynamic)
        import modpkg.sub.leaf as leaf
        print(leaf.__name__, os.path.relpath(leaf.__file__), type(leaf.__loader__).__name__)
        print(all("__compiled__" in vars(sys.modules[n]) for n in
                  ("modpkg", "modpkg.util", "modpkg.sub", "modpkg.sub.leaf", "modpkg.late")))
        print(importlib.util.find_spec("modpkg.util").origin == modpkg.util.__file__)
        print(importlib.resources.files("modpkg").joinpath("data.txt").read_text().strip())
        importlib.reload(modpkg.util)
        print(modpkg.util.double(5))
        import pkgutil
        print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules(modpkg.__path__)))
        print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules(modpkg.sub.__path__, "modpkg.sub.")))
        try:
            import modpkg.missing
        except ModuleNotFoundError as e:
            print("ModuleNotFoundError", e)
    """
    got = _python(out, code)
    assert got.returncode == 0, got.stderr
    assert got.stdout.splitlines() == [
        "42 modpkg ['modpkg']",
        "8 21 modpkg.sub",
        "late modpkg.late",
        "modpkg.sub.leaf modpkg/sub/leaf.py nuitka_module_loader",
        "True",
        "True",
        "package data",
        "10",
        "[('late', False), ('sub', True), ('util', False)]",
        "[('modpkg.sub.cli', False), ('modpkg.sub.leaf', False)]",
        "ModuleNotFoundError No module named 'modpkg.missing'",
    ]


@pytest.mark.compiles
def test_run_submodule_with_dash_m(tmp_path):
    """``python -m modpkg.sub.cli``: runpy gets the module's code from the
    embedded loader, which runs the compiled body as ``__main__`` (like the
    source; a single-file extension module cannot be run this way, in
    CPython neither: see test_single_module). runpy.run_module too."""
    out = tmp_path / "out"
    result = _compile(SOURCES, "--module", "modpkg", "--include-package=modpkg", "--output-dir=%s" % out)
    assert result.returncode == 0, result.stderr
    expected = ["compiled __main__", "cli __main__ modpkg.sub 21 ['a', 'b']"]
    got = _python(out, None, "-m", "modpkg.sub.cli", "a", "b")
    assert (got.returncode, got.stdout.splitlines()) == (2, expected), got.stderr
    source = _python(SOURCES, None, "-m", "modpkg.sub.cli", "a", "b")
    assert (source.returncode, source.stdout.splitlines()) == (2, ["source __main__"] + expected[1:]), source.stderr
    code = """
        import runpy, sys
        ns = runpy.run_module("modpkg.sub.cli", run_name="as_run")
        print(ns["__name__"], ns["main"](["x"]), ns["main"].__globals__ is ns, "__compiled__" in ns)
        print("modpkg.sub.cli" in sys.modules)
    """
    got = _python(out, code)
    assert got.returncode == 0, got.stderr
    assert got.stdout.splitlines() == ["cli as_run modpkg.sub 21 ['x']", "as_run 1 True True", "False"]


@pytest.mark.compiles
def test_package_module_inside_another_package(tmp_path):
    """The extension of a package, put into another package's folder and
    imported as ``vendor.modpkg``: its embedded submodules are found under
    that name too, and relative imports and names are those of the source
    package moved there (compared with CPython running the sources)."""
    out = tmp_path / "out"
    result = _compile(SOURCES, "--module", "modpkg", "--include-package=modpkg", "--output-dir=%s" % out)
    assert result.returncode == 0, result.stderr
    code = """
        import os, sys
        import vendor.modpkg as modpkg
        print(modpkg.__name__, modpkg.__package__, modpkg.TOTAL, modpkg.dynamic)
        print(modpkg.sub.leaf.__name__, modpkg.sub.leaf.__package__, modpkg.util.__spec__.name)
        from vendor.modpkg.sub import leaf
        print(leaf.LEAF, os.path.relpath(leaf.__file__))
        print(sorted(n for n in sys.modules if "modpkg" in n))
        print(all("__compiled__" in vars(m) for n, m in sys.modules.items() if "modpkg" in n))
    """
    layouts = {}
    for label, place in (("compiled", out / ("modpkg" + EXT_SUFFIX)), ("source", SOURCES / "modpkg")):
        root = tmp_path / label
        (root / "vendor").mkdir(parents=True)
        (root / "vendor" / "__init__.py").write_text("")
        if label == "compiled":
            shutil.copy(place, root / "vendor")
        else:
            shutil.copytree(place, root / "vendor" / "modpkg")
        got = _python(root, code)
        assert got.returncode == 0, got.stderr
        layouts[label] = got.stdout.splitlines()
    compiled_line = layouts["compiled"].pop()
    source_line = layouts["source"].pop()
    assert (compiled_line, source_line) == ("True", "False")
    # (The compiled leaf's __file__ names where its source would be.)
    assert layouts["compiled"] == layouts["source"]
    assert layouts["source"][0] == "vendor.modpkg vendor.modpkg 42 late vendor.modpkg.late"


@pytest.mark.compiles
def test_module_executed_again_uses_its_own_globals(tmp_path):
    """Imported again after leaving sys.modules, a compiled module runs in
    a new namespace; calls of its functions use that one, while the first
    module's functions keep theirs (as CPython running the source)."""
    out = tmp_path / "out"
    result = _compile(SOURCES, "--module", "reimported.py", "--output-dir=%s" % out)
    assert result.returncode == 0, result.stderr
    code = """
        import sys
        import reimported as first
        first.get_base_twice()
        del sys.modules["reimported"]
        import reimported as second
        print(first is second, second.CHILD_OK, first.CHILD_OK)
        print(second.get_base() is second.Base, first.get_base() is first.Base)
        print(second.get_base_twice() == [second.Base] * 2, first.get_base_twice() == [first.Base] * 2)
        print(second.count_calls(), first.count_calls(), second.count_calls())
        print("compiled" if "__compiled__" in vars(second) else "source")
    """
    expected = ["False True True", "True True", "True True", "4 4 5"]
    source = _python(SOURCES, code)
    assert source.stdout.splitlines() == expected + ["source"], source.stderr
    got = _python(out, code)
    assert got.returncode == 0, got.stderr
    assert got.stdout.splitlines() == expected + ["compiled"]


@pytest.mark.compiles
def test_failed_compilation_removes_old_module(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "badmod.py").write_text("def f(:\n    pass\n")
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ("badmod" + EXT_SUFFIX)
    stale.write_bytes(b"old")
    result = _compile(src, "--module", "badmod.py", "--output-dir=%s" % out)
    assert result.returncode == 1
    assert "SyntaxError" in result.stderr
    assert not stale.exists()


@pytest.mark.compiles
def test_module_mode_rejects_multidist(tmp_path):
    shutil.copy(SOURCES / "extmod.py", tmp_path / "a.py")
    shutil.copy(SOURCES / "extmod.py", tmp_path / "b.py")
    result = _compile(tmp_path, "--module", "--main=a.py", "--main=b.py")
    assert result.returncode == 2
    assert "cannot be combined with --module" in result.stderr


@pytest.mark.compiles
def test_deep_recursion_raises_instead_of_crashing(tmp_path):
    """An extension module runs on the importing thread's C stack, and a
    compiled call is a C call: recursion deeper than the stack allows under
    a raised recursion limit raises RecursionError, not a crash."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "deepmod.py").write_text(
        textwrap.dedent(
            """
            import sys, threading

            def recurse(n):
                return recurse(n - 1) + 1 if n else 0

            def run():
                sys.setrecursionlimit(1_000_000)
                try:
                    print(recurse(400_000))
                except RecursionError as e:
                    print("RecursionError", e)
                print(recurse(500))

            thread = threading.Thread(target=run)
            thread.start()
            thread.join()
            """
        )
    )
    out = tmp_path / "out"
    result = _compile(src, "--module", "deepmod.py", "--output-dir=%s" % out)
    assert result.returncode == 0, result.stderr
    got = _python(out, "import deepmod")
    assert got.returncode == 0, got.stderr
    assert got.stdout.splitlines() == ["RecursionError maximum recursion depth exceeded", "500"]
