"""multiprocessing in compiled programs and the fork bomb guard.

``special_programs/multiprocessing/mp_probe.py`` uses a Pool, a Process
running a function of the main module and a Queue with the start method
given as argument; its output (which includes whether the child ran the
same compiled or uncompiled code as the parent) is compared with CPython's.
``argv_echo.py`` checks the self-execution guard of deployment mode.
The Python part of the run time helper (``nuitka/runtime/self_execution.py``)
is also tested alone."""

import subprocess
import sys
from pathlib import Path

import pytest

from harness import SPECIAL_PROGRAMS_DIR, compile_env, program_env

SOURCES = SPECIAL_PROGRAMS_DIR / "multiprocessing"
HELPER = Path(__file__).resolve().parents[1] / "nuitka" / "runtime" / "self_execution.py"
GUARD_ERROR = (
    "Error, the program tried to call itself with '%s' argument. "
    "Disable with '--no-deployment-flag=self-execution'.\n"
)


def _compile(name, out, *args):
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--remove-output", "--output-dir=%s" % out, *args, name],
        cwd=str(SOURCES), env=compile_env(), capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr
    binary = Path(out) / (Path(name).stem + ".bin")
    assert binary.is_file()
    return binary


def _run(command):
    result = subprocess.run(
        [str(c) for c in command], cwd=str(SOURCES), env=program_env(),
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )
    return result.stdout, result.stderr, result.returncode


@pytest.fixture(scope="module")
def mp_probe(tmp_path_factory):
    return _compile("mp_probe.py", tmp_path_factory.mktemp("mp"))


@pytest.mark.compiles
@pytest.mark.parametrize("method", ["spawn", "forkserver", "fork"])
def test_start_methods_like_cpython(mp_probe, method):
    expected = _run([sys.executable, "mp_probe.py", method])
    actual = _run([mp_probe, method])
    assert actual == expected
    # The children ran the compiled code (not the source through runpy).
    assert "compiled like the parent True" in actual[0]


@pytest.mark.compiles
def test_deployment_mode_children_and_flags(tmp_path):
    """--deployment keeps multiprocessing working; interpreter flags that
    multiprocessing passes to its children (-O -S) are understood."""
    binary = _compile("mp_probe.py", tmp_path, "--deployment", "--python-flag=-O,no_site")
    expected = _run([sys.executable, "-O", "-S", "mp_probe.py", "spawn"])
    assert _run([binary, "spawn"]) == expected
    assert _run([binary, "forkserver"]) == _run([sys.executable, "-O", "-S", "mp_probe.py", "forkserver"])


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    return _compile("argv_echo.py", tmp_path_factory.mktemp("guarded"))


@pytest.mark.compiles
@pytest.mark.parametrize(
    "args,flag",
    [
        (["-c", "print(1)"], "-c"),
        (["-m", "json.tool"], "-m"),
        (["-B", "-s", "-c", "import os"], "-c"),
        # As in the Nuitka manual: anywhere in the arguments.
        (["-l", "fooL", "-m", "fooM", "-n", "fooN", "-o", "fooO", "-p"], "-m"),
        # Something that only looks like multiprocessing's command.
        (["-c", "from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5); print(1)"], "-c"),
        (["-c", "from multiprocessing.spawn import spawn_main; spawn_main(x=print(1))"], "-c"),
    ],
)
def test_guard_stops_self_execution(guarded, args, flag):
    assert _run([guarded, *args]) == ("", GUARD_ERROR % flag, 1)


@pytest.mark.compiles
def test_guard_lets_other_arguments_pass(guarded):
    assert _run([guarded, "a", "-x", "--c"]) == ("arguments ['a', '-x', '--c']\n", "", 0)


@pytest.mark.compiles
@pytest.mark.parametrize("option", ["--no-deployment-flag=self-execution", "--deployment"])
def test_guard_turned_off(tmp_path, option):
    binary = _compile("argv_echo.py", tmp_path, option)
    assert _run([binary, "-c", "print(1)"]) == ("arguments ['-c', 'print(1)']\n", "", 0)
    assert _run([binary, "-m", "x"]) == ("arguments ['-m', 'x']\n", "", 0)


def test_unknown_deployment_flag(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--no-deployment-flag=nothing", "argv_echo.py"],
        cwd=str(SOURCES), env=compile_env(), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("nuitka: error: argument --no-deployment-flag: invalid value 'nothing'")
    assert result.stderr.count("\n") == 1


# -- the helper's Python part alone ------------------------------------------------


@pytest.fixture
def helper():
    namespace = {"__name__": "helper", "_finder": None, "_program": "/x/prog.bin", "_script": "/x/prog.py",
                 "_exec_main": None, "_guard": True}
    exec(compile(HELPER.read_text(), str(HELPER), "exec"), namespace)
    return namespace


def test_helper_recognises_multiprocessing_commands(helper):
    recognise = helper["_multiprocessing_command"]
    assert recognise("from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5, pipe_handle=7)")
    assert recognise("from multiprocessing.spawn import spawn_main; spawn_main(pipe_handle=7, parent_pid=None)")
    assert recognise(
        "from multiprocessing.forkserver import main; main(5, 6, ['__main__'], "
        "**{'sys_path': ['/a', '/b}'], 'main_path': '/x/prog.py'})"
    )
    assert recognise("from multiprocessing.resource_tracker import main;main(4)")
    for code in (
        "print(1)",
        "from multiprocessing.spawn import spawn_main as m; m()",
        "from multiprocessing.spawn import spawn_main; spawn_main(); print(2)",
        "from multiprocessing.spawn import spawn_main; spawn_main(x=__import__('os'))",
        "from multiprocessing.util import main; main()",
        "from multiprocessing.spawn import spawn_main; spawn_main(",
    ):
        assert not recognise(code), code


def test_helper_skips_interpreter_flags(helper):
    skip = helper["_skip_interpreter_flags"]
    assert skip(["prog", "-c", "x"]) == 1
    assert skip(["prog", "-B", "-s", "-OO", "-Wignore", "-X", "dev", "-Xutf8", "-c", "x"]) == 8
    assert skip(["prog", "-l", "fooL"]) == 1
    assert skip(["prog", "--multiprocessing-fork"]) == 1


def test_helper_guard(helper):
    run = helper["self_execution"]
    with pytest.raises(SystemExit) as info:
        run(["prog", "x", "-m", "y"], {}, False)
    assert info.value.code == GUARD_ERROR.rstrip("\n") % "-m"
    helper["_guard"] = False
    assert run(["prog", "-c", "print(1)"], {}, False) is False
    assert helper["_fork_args"](["tracker_fd=5", "pipe_handle=7"]) == {"tracker_fd": 5, "pipe_handle": 7}
    assert helper["_fork_args"](["tracker_fd=x"]) is None


@pytest.mark.compiles
def test_frozen_style_spawn_child(tmp_path):
    """With sys.frozen set (as a standalone program may), spawn starts
    'prog --multiprocessing-fork tracker_fd=N pipe_handle=M'; the compiled
    child recognises it. (Not comparable with CPython: sys.executable is
    pointed at the program.)"""
    binary = _compile("frozen_probe.py", tmp_path)
    assert _run([binary]) == ("('child', '__mp_main__', True)\nexit code 0\n", "", 0)
