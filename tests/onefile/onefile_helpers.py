"""Helpers of the onefile tests (fixtures are in conftest.py)."""

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_dist(where: Path, probe: Path, big: int = 0) -> Path:
    """A standalone-like folder; ``big`` adds that many incompressible bytes."""
    dist = where / "prog.dist"
    (dist / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(probe, dist / "prog.bin")
    (dist / "data.txt").write_text("data next to the program\n")
    (dist / "sub" / "module.py").write_text("VALUE = 42\n")
    (dist / "sub" / "deeper" / "lib.so.1").write_bytes(b"\x7fELF" + bytes(range(256)) * 64)
    os.symlink("deeper/lib.so.1", dist / "sub" / "lib.so")
    os.chmod(dist / "sub" / "module.py", 0o640)
    os.utime(dist / "sub" / "module.py", ns=(1_600_000_000_123_456_789,) * 2)
    if big:
        (dist / "big.bin").write_bytes(os.urandom(big))
    return dist


class Runner:
    """Runs onefiles with a clean environment and a private TMPDIR/HOME."""

    def __init__(self, root: Path):
        self.root = root
        self.tmp = root / "tmp"
        self.home = root / "home"
        self.tmp.mkdir()
        self.home.mkdir()
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "TMPDIR": str(self.tmp),
            "LANG": "C.UTF-8",
        }

    def run(self, onefile, *args, env=None, cwd=None, timeout=60, **kwargs):
        full_env = dict(self.env)
        full_env.update(env or {})
        return subprocess.run(
            [str(onefile), *args], env=full_env, cwd=str(cwd or self.root),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, **kwargs
        )

    def popen(self, onefile, *args, env=None, **kwargs):
        full_env = dict(self.env)
        full_env.update(env or {})
        kwargs.setdefault("stdout", subprocess.PIPE)
        kwargs.setdefault("stderr", subprocess.PIPE)
        kwargs.setdefault("preexec_fn", default_signals)
        return subprocess.Popen([str(onefile), *args], env=full_env,
                                cwd=str(self.root), **kwargs)


def default_signals():
    """In the child: SIGINT, SIGQUIT and SIGHUP as a foreground job gets
    them.  A test run started in the background of a shell without job
    control ignores SIGINT and SIGQUIT, one started with nohup SIGHUP, and
    ignored signals are inherited (the bootstrap leaves them ignored, as the
    program would): the signal tests would then test the shell instead of
    the onefile."""
    for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def report(result) -> dict:
    """The probe's "key=value" lines as a dict."""
    values = {}
    for line in result.stdout.decode("utf-8", "surrogateescape").splitlines():
        key, _, value = line.partition("=")
        values[key] = value
    return values


def wait_for(path: Path, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text():
            return path.read_text()
        time.sleep(0.01)
    raise AssertionError("%s never contained %r (has %r)" % (
        path, text, path.read_text() if path.exists() else None))
