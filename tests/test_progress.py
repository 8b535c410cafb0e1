"""The progress display in real compilations: on a terminal (a pseudo
terminal from the ``pty`` module) a status line that is redrawn in place
and erased at the end; with stderr a pipe, no extra output at all; with
``--quiet``, nothing even on a terminal."""

import os
import pty
import re
import subprocess
import sys
import threading

import pytest

from harness import compile_env

pytestmark = pytest.mark.compiles

MAIN = "import helper_a\nimport helper_b\nprint(helper_a.X + helper_b.Y)\n"


def _program(folder):
    (folder / "prog.py").write_text(MAIN)
    (folder / "helper_a.py").write_text("X = 40\n")
    (folder / "helper_b.py").write_text("Y = 2\n")
    return folder / "prog.py"


def _compile(folder, *args, terminal):
    """``(returncode, stdout, stderr)``; stderr is a pty with ``terminal``."""
    command = [sys.executable, "-m", "nuitka", "--follow-imports", "--jobs=1",
               "--disable-cache=modules,ccache", "--output-dir=%s" % (folder / "out")] + list(args)
    env = compile_env({"NUITKA_CACHE_DIR": str(folder / "cache"), "TERM": "xterm",
                       "NUITKA_CCACHE_BINARY": "none"})
    if not terminal:
        result = subprocess.run(command + ["prog.py"], cwd=folder, env=env, capture_output=True,
                                timeout=900)
        return result.returncode, result.stdout.decode(), result.stderr.decode()
    master, slave = pty.openpty()
    chunks = []

    def reader():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the other side is closed
                break
            if not data:
                break
            chunks.append(data)

    process = subprocess.Popen(command + ["prog.py"], cwd=folder, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    thread = threading.Thread(target=reader)
    thread.start()
    stdout = process.communicate(timeout=900)[0]
    thread.join(timeout=60)
    os.close(master)
    return process.returncode, stdout.decode(), b"".join(chunks).decode()


def _visible(text):
    """The lines a terminal shows in the end (\\r, ESC[K applied; the pty
    turns \\n into \\r\\n)."""
    text = text.replace("\r\n", "\n")
    lines = []
    for line in text.split("\n"):
        line = line.split("\r")[-1]
        lines.append(re.sub("\x1b\\[K", "", line))
    return [line for line in lines if line]


def test_status_line_on_a_terminal(tmp_path):
    _program(tmp_path)
    code, stdout, stderr = _compile(tmp_path, terminal=True)
    assert code == 0, stderr
    assert stdout == ""
    assert re.search("\rnuitka: C code: [0-9]+/[0-9]+ modules \\((__main__|helper_a|helper_b)\\)\x1b\\[K",
                     stderr), repr(stderr)
    assert "\rnuitka: C compile: " in stderr and " C files" in stderr
    assert "\x1b[K" in stderr
    # Erased at the end: the terminal shows nothing that stays.
    assert _visible(stderr) == [], repr(stderr)
    assert (tmp_path / "out" / "prog.bin").exists()


def test_pipe_output_stays_clean(tmp_path):
    _program(tmp_path)
    code, stdout, stderr = _compile(tmp_path, terminal=False)
    assert code == 0, stderr
    assert stdout == "" and stderr == ""


def test_quiet_on_a_terminal(tmp_path):
    _program(tmp_path)
    code, stdout, stderr = _compile(tmp_path, "--quiet", terminal=True)
    assert code == 0, stderr
    assert stdout == "" and stderr == ""


def test_show_progress_in_a_pipe_is_plain(tmp_path):
    _program(tmp_path)
    code, _, stderr = _compile(tmp_path, "--show-progress", terminal=False)
    assert code == 0, stderr
    assert "\r" not in stderr and "\x1b" not in stderr
    assert re.search(r"^nuitka: C code: 3 modules in [0-9.]+ s$", stderr, re.M), stderr
    assert re.search(r"^nuitka: C compile: 4 C files in [0-9.]+ s$", stderr, re.M), stderr
