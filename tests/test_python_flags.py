"""``--python-flag``: a compiled program behaves like CPython started with the
same flags (``python -OO``, ``-S -u -W ignore`` with ``PYTHONHASHSEED=0``,
``-I``, ``-P``); in ``--module`` mode only the compile-time flags apply.

The probe (``special_programs/python_flags/flags_probe.py``) prints
``sys.flags``, ``__debug__``, docstrings, what an assert does, whether
``site`` was imported, ``sys.path[0]``, warnings, a string hash and an
interleaving of ``print`` with ``os.write`` (visible buffering)."""

import ast
import re
import subprocess
import sys

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_env, program_env

PROBE = SPECIAL_PROGRAMS_DIR / "python_flags" / "flags_probe.py"
PY311 = sys.version_info >= (3, 11)


def _compile(source, out, *args):
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--remove-output", "--output-dir=%s" % out, *args, source.name],
        cwd=str(source.parent), env=compile_env(), capture_output=True, text=True, timeout=900,
    )
    return result


def _run(command, cwd, hashseed="0"):
    result = subprocess.run(
        [str(c) for c in command], cwd=str(cwd), env=program_env(hashseed=hashseed),
        capture_output=True, text=True, timeout=120,
    )
    return result.stdout, result.stderr, result.returncode


def _probe_copy(tmp_path, header=""):
    """The probe in a folder of its own (optionally with project options)."""
    folder = tmp_path / "src"
    folder.mkdir()
    target = folder / PROBE.name
    target.write_text(header + PROBE.read_text())
    return target


CASES = [
    # (id, --python-flag values, CPython arguments, hash seed of the binary run)
    ("OO", ["-OO"], ["-OO"], "0"),
    ("runtime-flags", ["no_site,unbuffered", "no_warnings", "static_hashes"], ["-S", "-u", "-W", "ignore"], "random"),
    ("isolated", ["-I"], ["-I"], "0"),
    pytest.param("safe_path", ["-P"], ["-P"], "0",
                 marks=pytest.mark.skipif(not PY311, reason="python -P is new in 3.11")),
]


@pytest.mark.compiles
@pytest.mark.parametrize("name,flags,python_args,hashseed", CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_program_like_cpython_with_flags(tmp_path, name, flags, python_args, hashseed):
    source = _probe_copy(tmp_path)
    out = tmp_path / "out"
    result = _compile(source, out, *["--python-flag=%s" % flag for flag in flags])
    assert result.returncode == 0, result.stderr
    expected = _run([sys.executable, *python_args, source.name], source.parent)
    actual = _run([out / "flags_probe.bin"], source.parent, hashseed=hashseed)
    if name == "isolated":
        # -I ignores PYTHONHASHSEED: the hash is random on both sides.
        expected, actual = ([re.sub(r"hash -?\d+", "hash N", part) if isinstance(part, str) else part
                             for part in side] for side in (expected, actual))
    assert actual == expected
    stdout = actual[0]
    if name == "OO":
        assert "optimize 2" in stdout and "__debug__ False" in stdout and "no assert" in stdout
        assert "docs None None None None None" in stdout
    if name == "runtime-flags":
        assert "site imported False" in stdout and "warnings recorded 0" in stdout
        # Unbuffered: the print comes before the os.write.
        assert stdout.index("printed first") < stdout.index("written by os.write")
        # The hash is the one of PYTHONHASHSEED=0 although the run was random.
        again = _run([out / "flags_probe.bin"], source.parent, hashseed="random")
        assert again == actual
    if name in ("isolated", "safe_path"):
        assert "sys.path[0] is the script folder False" in stdout


@pytest.mark.compiles
def test_default_program_is_buffered_and_debug(tmp_path):
    """Without flags: the opposite of the cases above (the probe can tell)."""
    source = _probe_copy(tmp_path)
    out = tmp_path / "out"
    result = _compile(source, out)
    assert result.returncode == 0, result.stderr
    actual = _run([out / "flags_probe.bin"], source.parent)
    assert actual == _run([sys.executable, source.name], source.parent)
    stdout = actual[0]
    assert "__debug__ True" in stdout and "AssertionError: assert ran" in stdout
    assert stdout.index("written by os.write") < stdout.index("printed first")
    assert "sys.path[0] is the script folder True" in stdout


@pytest.mark.compiles
def test_project_option_python_flag(tmp_path):
    source = _probe_copy(tmp_path, "# nuitka-project: --python-flag=no_asserts\n")
    out = tmp_path / "out"
    result = _compile(source, out)
    assert result.returncode == 0, result.stderr
    actual = _run([out / "flags_probe.bin"], source.parent)
    assert actual == _run([sys.executable, "-O", source.name], source.parent)
    assert "optimize 1" in actual[0] and "no assert" in actual[0]


MODULE_SOURCE = '''"""Module doc."""
def f():
    """f doc."""
    assert False, "assert in module"
    return "no assert"
class C:
    """C doc."""
    def gen(self):
        """gen doc."""
        yield 1
async def coro():
    """coro doc."""
DEBUG = __debug__
'''

MODULE_CHECK = (
    "import flagmod, sys\n"
    "try:\n    r = flagmod.f()\nexcept AssertionError as e:\n    r = 'AssertionError %s' % e\n"
    "print(r, flagmod.DEBUG, flagmod.__doc__, flagmod.f.__doc__, flagmod.C.__doc__, flagmod.C.gen.__doc__, flagmod.coro.__doc__, sys.flags.optimize)\n"
)


@pytest.mark.compiles
@pytest.mark.parametrize(
    "flag,expected",
    [
        ("-O", "no assert False Module doc. f doc. C doc. gen doc. coro doc. 0\n"),
        ("-OO", "no assert False None None None None None 0\n"),
        ("no_docstrings", "AssertionError assert in module True None None None None None 0\n"),
    ],
)
def test_module_mode_compile_time_flags(tmp_path, flag, expected):
    """The importing interpreter runs without -O; the extension module was
    compiled with the flag."""
    (tmp_path / "flagmod.py").write_text(MODULE_SOURCE)
    out = tmp_path / "ext"
    result = _compile(tmp_path / "flagmod.py", out, "--module", "--python-flag=%s" % flag)
    assert result.returncode == 0, result.stderr
    stdout, stderr, code = _run([sys.executable, "-c", MODULE_CHECK], out)
    assert (stdout, code) == (expected, 0), stderr


@pytest.mark.parametrize("flag", ["-S", "unbuffered", "static_hashes", "-I"])
def test_module_mode_refuses_runtime_flags(tmp_path, flag):
    (tmp_path / "flagmod.py").write_text(MODULE_SOURCE)
    result = _compile(tmp_path / "flagmod.py", tmp_path / "ext", "--module", "--python-flag=%s" % flag)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nuitka: error: --python-flag="), result.stderr
    assert "cannot be used with --module" in lines[0]
    assert not (tmp_path / "ext").exists()


@pytest.mark.parametrize("flag,word", [("-m", "package_mode")])
def test_refused_flags(tmp_path, flag, word):
    source = _probe_copy(tmp_path)
    result = _compile(source, tmp_path / "out", "--python-flag=%s" % flag)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nuitka: error: --python-flag=%s is not supported" % word)


def test_unknown_flag_is_a_usage_error(tmp_path):
    source = _probe_copy(tmp_path)
    result = _compile(source, tmp_path / "out", "--python-flag=-X")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "invalid value '-X'" in result.stderr


def test_compile_settings_and_bits():
    from nuitka.options import PYTHON_FLAG_ALIASES
    from nuitka.python_flags import RUNTIME_FLAG_BITS, compile_settings, runtime_bits

    assert compile_settings([]) == (0, False, False)
    assert compile_settings(PYTHON_FLAG_ALIASES["-O"]) == (1, False, False)
    assert compile_settings(PYTHON_FLAG_ALIASES["-OO"]) == (2, True, False)
    assert compile_settings(["no_docstrings"]) == (0, True, False)
    assert compile_settings(["no_annotations"]) == (0, False, True)
    assert runtime_bits(["no_site", "unbuffered"]) == 4 | 8
    # The C header has the same numbers.
    header = (PROBE.parents[3] / "nuitka" / "runtime" / "include" / "nuitka" / "python_flags.h").read_text()
    for name, bit in RUNTIME_FLAG_BITS.items():
        assert re.search(r"#define NUITKA_FLAG_%s %du\b" % (name.upper(), bit), header), name


class _StripAnnotations(ast.NodeTransformer):
    """The source as if written without annotations (the oracle of
    no_annotations)."""

    def visit_arg(self, node):
        node.annotation = None
        return node

    def visit_FunctionDef(self, node):
        node.returns = None
        self.generic_visit(node)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_AnnAssign(self, node):
        if node.value is not None:
            return ast.copy_location(ast.Assign(targets=[node.target], value=node.value), node)
        target = node.target
        if isinstance(target, ast.Attribute):
            return ast.copy_location(ast.Expr(target.value), node)
        if isinstance(target, ast.Subscript):
            return [ast.copy_location(ast.Expr(target.value), node), ast.copy_location(ast.Expr(target.slice), node)]
        return ast.copy_location(ast.Pass(), node)


@pytest.mark.compiles
def test_no_annotations_like_source_without_them(tmp_path):
    source = SPECIAL_PROGRAMS_DIR / "python_flags" / "annotations_probe.py"
    folder = tmp_path / "src"
    folder.mkdir()
    program = folder / source.name
    program.write_text(source.read_text())
    stripped = folder / "stripped.py"
    tree = ast.fix_missing_locations(_StripAnnotations().visit(ast.parse(source.read_text())))
    stripped.write_text(ast.unparse(tree))
    out = tmp_path / "out"
    result = _compile(program, out, "--python-flag=no_annotations")
    assert result.returncode == 0, result.stderr
    expected = _run([sys.executable, stripped.name], folder)
    assert expected[2] == 0, expected[1]
    assert _run([out / "annotations_probe.bin"], folder) == expected
    assert "dataclass fields []" in expected[0]
    # And with annotations (no flag) it is the original program.
    assert _run([sys.executable, program.name], folder) != expected
