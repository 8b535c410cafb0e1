"""Compile farm: C compilations spread over distcc daemons (two on loopback
ports here), with ccache in front when installed; the result is the same
bytes as a local build, and a farm that does not answer means a local build
with one note."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from harness import compile_env
from nuitka.build.farm import get_distcc_hosts, parse_tcp_host

PROGRAM = """\
def greet(name):
    return "hello %s" % name

print(greet("farm"))
"""


def test_parse_tcp_host():
    assert parse_tcp_host("red") == ("red", 3632)
    assert parse_tcp_host("127.0.0.1:4000/8") == ("127.0.0.1", 4000)
    assert parse_tcp_host("blue/3:4001,lzo") == ("blue", 4001)
    assert parse_tcp_host("[::1]:4002/2") == ("::1", 4002)
    assert parse_tcp_host("localhost/2") is None
    assert parse_tcp_host("user@green/2") is None
    assert parse_tcp_host("--randomize") is None
    assert parse_tcp_host("+zeroconf") is None


def test_hosts_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DISTCC_HOSTS", "a:1 b/2")
    assert get_distcc_hosts() == ["a:1", "b/2"]
    monkeypatch.delenv("DISTCC_HOSTS")
    (tmp_path / "hosts").write_text("# comment\nc:3  # two\nd\n")
    monkeypatch.setenv("DISTCC_DIR", str(tmp_path))
    assert get_distcc_hosts() == ["c:3", "d"]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def distcc_daemons(tmp_path):
    if not (shutil.which("distcc") and shutil.which("distccd")):
        pytest.skip("distcc is not installed (Debian: apt-get install distcc)")
    # distccd run as root drops to the 'distcc' user: its logs go to a folder
    # that user can reach (pytest's tmp_path is private).
    log_dir = Path(tempfile.mkdtemp(prefix="nuitka-distccd-"))
    os.chmod(log_dir, 0o777)
    daemons = []
    for _ in range(2):
        port = _free_port()
        log = log_dir / ("distccd-%d.log" % port)
        log.touch()
        os.chmod(log, 0o666)
        process = subprocess.Popen(
            ["distccd", "--daemon", "--no-detach", "--listen", "127.0.0.1",
             "--port", str(port), "--allow", "127.0.0.1", "--jobs", "2",
             "--log-file", str(log), "--log-level", "info"],
            stdin=subprocess.DEVNULL,
        )
        daemons.append((port, log, process))
    try:
        deadline = time.monotonic() + 20
        for port, _, _ in daemons:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        pytest.fail("distccd did not start on port %d" % port)
                    time.sleep(0.1)
        yield [(port, log) for port, log, _ in daemons]
    finally:
        for _, _, process in daemons:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(log_dir, ignore_errors=True)


def _jobs_in(log):
    return log.read_text(errors="replace").count("COMPILE_OK")


def _build(folder, extra_env, cache):
    """Build prog.py in folder from scratch; the binary's bytes and stderr."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder / "prog.build", ignore_errors=True)
    (folder / "prog.py").write_text(PROGRAM)
    env = compile_env({
        "SOURCE_DATE_EPOCH": "1700000000",
        # A cache of our own per build: every C file is really compiled.
        "NUITKA_CACHE_DIR": str(cache),
        "NUITKA_CCACHE_BINARY": "none",
    })
    for name in ("CC", "DISTCC_HOSTS", "CCACHE_PREFIX", "CCACHE_DIR"):
        env.pop(name, None)
    env.update(extra_env)
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--quiet", "prog.py"],
        cwd=str(folder), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    run = subprocess.run([str(folder / "prog.bin")], stdout=subprocess.PIPE, text=True)
    assert run.stdout == "hello farm\n"
    return (folder / "prog.bin").read_bytes(), result.stderr


@pytest.mark.compiles
def test_distcc_builds_the_same_bytes(distcc_daemons, tmp_path):
    hosts = " ".join("127.0.0.1:%d/2" % port for port, _ in distcc_daemons)
    farm_binary, farm_stderr = _build(
        tmp_path / "p", {"CC": "distcc gcc", "DISTCC_HOSTS": hosts}, tmp_path / "c1"
    )
    assert "note" not in farm_stderr, farm_stderr
    jobs = [_jobs_in(log) for _, log in distcc_daemons]
    # The C runtime (some 20 files) and the program went to the daemons,
    # spread over both (distcc -j gives 4 slots, so both are used).
    assert sum(jobs) >= 10 and all(jobs), jobs

    # Accelerated programs hold their source path: same folder, new cache.
    local_binary, _ = _build(tmp_path / "p", {}, tmp_path / "c2")
    assert farm_binary == local_binary


@pytest.mark.compiles
def test_ccache_in_front_of_distcc(distcc_daemons, tmp_path):
    if not shutil.which("ccache"):
        pytest.skip("ccache is not installed (Debian: apt-get install ccache)")
    hosts = " ".join("127.0.0.1:%d/2" % port for port, _ in distcc_daemons)
    farm_env = {
        "CC": "ccache distcc gcc",
        "DISTCC_HOSTS": hosts,
        "CCACHE_DIR": str(tmp_path / "ccache"),
        "NUITKA_CCACHE_BINARY": "",
    }
    first, _ = _build(tmp_path / "p", farm_env, tmp_path / "c1")
    jobs_first = sum(_jobs_in(log) for _, log in distcc_daemons)
    assert jobs_first >= 10
    # Our own cache empty again: ccache answers every file, nothing goes to
    # the farm.
    second, _ = _build(tmp_path / "p", farm_env, tmp_path / "c2")
    assert sum(_jobs_in(log) for _, log in distcc_daemons) == jobs_first
    assert first == second


@pytest.mark.compiles
def test_farm_that_does_not_answer_means_local(tmp_path):
    if not shutil.which("distcc"):
        pytest.skip("distcc is not installed (Debian: apt-get install distcc)")
    port = _free_port()  # nothing listens there
    _, stderr = _build(
        tmp_path / "p", {"CC": "distcc gcc", "DISTCC_HOSTS": "127.0.0.1:%d/4" % port},
        tmp_path / "c",
    )
    notes = [line for line in stderr.splitlines() if "distcc" in line]
    assert notes == [
        "Nuitka-Build: note: no distcc host answers (127.0.0.1:%d/4); compiling locally"
        % port
    ], stderr


@pytest.mark.compiles
def test_farm_wrapper_not_installed(tmp_path):
    (tmp_path / "prog.py").write_text(PROGRAM)
    env = compile_env({"CC": "/nonexistent/distcc gcc"})
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", "--quiet", "prog.py"], cwd=str(tmp_path),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "nuitka: error: CC='/nonexistent/distcc gcc' names /nonexistent/distcc, which "
        "is not installed: install it (Debian: apt-get install distcc) or remove it "
        "from CC"
    ]
    assert not (tmp_path / "prog.bin").exists()
