"""Running onefiles: arguments, environment, exit codes, signals, cleanup.

Both extraction modes are covered: temporary (the default spec, a parent
bootstrap waits and forwards signals) and cached (the bootstrap execs the
program).
"""

import fcntl
import os
import pty
import shutil
import signal
import subprocess
import termios
import time

import pytest

from onefile_helpers import default_signals, report, wait_for

# They build the bootstrap and the probe with gcc.
pytestmark = pytest.mark.compiles

CACHED_SPEC = "{CACHE_DIR}/probe-test"
MODES = {"temporary": "{TEMP}/onefile_{PID}_{TIME}", "cached": CACHED_SPEC}


def leftovers(runner):
    return sorted(os.listdir(runner.tmp))


@pytest.fixture(params=sorted(MODES))
def mode(request):
    return request.param


@pytest.fixture
def onefile(build, dist, mode):
    return build(dist, tempdir_spec=MODES[mode])


def test_argv_env_cwd(onefile, runner, mode, tmp_path):
    args = ["a", "b c", "", "ünïcode", "--flag=1", "*"]
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    result = runner.run(onefile, *args, cwd=workdir, env={"PROBE_CAT": "data.txt"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    info = report(result)
    assert info["argc"] == str(len(args) + 1)
    for index, arg in enumerate(args, 1):
        assert info["argv[%d]" % index] == arg
    # argv[0] (sys.argv[0] of a compiled program) names the onefile itself.
    assert info["argv[0]"] == str(onefile)
    assert info["binary_env"] == str(onefile)
    assert info["cwd"] == str(workdir)
    assert info["cat"] == "data next to the program"
    exe = info["exe"]
    assert exe.endswith("/prog.bin") and exe != str(onefile)
    if mode == "temporary":
        # The keeper started the program (NUITKA_ONEFILE_PARENT is its pid);
        # the bootstrap, whose pid names the folder, started the keeper.
        assert info["parent_env"] == info["ppid"]
        assert exe.startswith(str(runner.tmp) + "/onefile_%s_" % info["gppid"])
        assert leftovers(runner) == []
    else:
        # Cached: the bootstrap became the program.
        assert info["parent_env"] == info["pid"]
        assert exe == str(runner.home / ".cache" / "probe-test" / "prog.bin")


def test_argv0_as_called(onefile, runner, tmp_path):
    # A relative path stays as written (it is valid in the same cwd).
    result = runner.run("./out/prog.bin", cwd=tmp_path)
    assert report(result)["argv[0]"] == "./out/prog.bin"
    # Found on PATH: the path the shell found, so the name is kept.
    link = tmp_path / "bin" / "other-name"
    link.parent.mkdir()
    link.symlink_to(onefile)
    result = runner.run("other-name", env={"PATH": "%s:/usr/bin:/bin" % link.parent})
    assert result.returncode == 0, result.stderr
    assert report(result)["argv[0]"] == str(link)
    # Started with an argv[0] that names no file: the onefile's real path.
    result = subprocess.run(
        ["no-such-name"], executable=str(onefile), env=runner.env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    assert report(result)["argv[0]"] == str(onefile)


def test_stdin_passes_through(onefile, runner):
    result = runner.run(onefile, env={"PROBE_ACTION": "stdin"}, input=b"line one\nline two\n")
    assert result.stdout.endswith(b"line one\nline two\n")


@pytest.mark.parametrize("code", [0, 1, 3, 42, 255])
def test_exit_codes(onefile, runner, code):
    result = runner.run(onefile, env={"PROBE_ACTION": "exit:%d" % code})
    assert result.returncode == code
    assert leftovers(runner) == []


@pytest.mark.parametrize("sig", [signal.SIGSEGV, signal.SIGKILL, signal.SIGTERM, signal.SIGABRT])
def test_program_killed_by_signal(onefile, runner, sig):
    # The onefile dies by the same signal (a shell sees the same status).
    result = runner.run(onefile, env={"PROBE_ACTION": "raise:%d" % sig})
    assert result.returncode == -sig
    assert leftovers(runner) == []


@pytest.mark.parametrize(
    "sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT]
)
def test_signals_reach_the_program(onefile, runner, tmp_path, sig):
    log = tmp_path / "probe.log"
    process = runner.popen(onefile, env={"PROBE_ACTION": "wait", "PROBE_LOG": str(log)})
    try:
        wait_for(log, "ready")
        process.send_signal(signal.SIGUSR1)  # forwarded, program keeps going
        wait_for(log, "signal %d" % signal.SIGUSR1)
        process.send_signal(sig)
        process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 100 + sig
    assert log.read_text() == "ready\nsignal %d\nsignal %d\n" % (signal.SIGUSR1, sig)
    assert leftovers(runner) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_default_signal_action_and_cleanup(onefile, runner, tmp_path, sig):
    # The program does not handle the signal: it dies, the onefile too, and
    # the temporary extraction is removed.
    log = tmp_path / "probe.log"
    process = runner.popen(onefile, env={"PROBE_ACTION": "sleep", "PROBE_LOG": str(log)})
    wait_for(log, "ready")
    process.send_signal(sig)
    process.wait(timeout=20)
    assert process.returncode == -sig
    assert leftovers(runner) == []


def test_ctrl_c_on_a_terminal_arrives_once(onefile, runner, tmp_path):
    # Ctrl-C signals the whole foreground process group, bootstrap and
    # program alike; the bootstrap must not add a second SIGINT.  Two
    # SIGINTs often merge while pending, so the count alone rarely shows
    # a double one: strace (when there) shows whether the bootstrap sent it.
    log = tmp_path / "probe.log"
    trace = tmp_path / "trace.txt"
    master, slave = pty.openpty()

    def take_terminal():
        default_signals()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    strace = shutil.which("strace")
    command = [str(onefile)]
    if strace:
        command = [strace, "-f", "-qq", "-e", "trace=kill", "-e", "signal=none",
                   "-o", str(trace)] + command
    env = dict(runner.env, PROBE_ACTION="count", PROBE_LOG=str(log))
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env,
        start_new_session=True, preexec_fn=take_terminal, cwd=str(tmp_path),
    )
    os.close(slave)
    try:
        wait_for(log, "ready")
        os.write(master, b"\x03")
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    assert "count=1\n" in log.read_text()
    if strace:
        assert "SIGINT" not in trace.read_text()
    assert leftovers(runner) == []


def test_kill_to_the_bootstrap_is_forwarded_once(build, dist, runner, tmp_path):
    # The counterpart: a SIGINT sent to the bootstrap alone (kill PID) is
    # passed on.
    onefile = build(dist)
    log = tmp_path / "probe.log"
    process = runner.popen(onefile, env={"PROBE_ACTION": "count", "PROBE_LOG": str(log)})
    wait_for(log, "ready")
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0
    assert "count=1\n" in log.read_text()


def test_interrupted_extraction_leaves_nothing(build, tmp_path, probe, runner):
    from onefile_helpers import make_dist

    dist = make_dist(tmp_path / "bigdist", probe, big=40 * 1024 * 1024)
    onefile = build(dist, compression=False)
    for delay in (0.0, 0.005, 0.02, 0.05):
        process = runner.popen(onefile, env={"PROBE_ACTION": "sleep"},
                               stdout=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == -signal.SIGTERM
        assert leftovers(runner) == []


def wait_until_removed(runner, timeout=20.0):
    """The keeper removes the extraction after the onefile returned."""
    deadline = time.monotonic() + timeout
    while leftovers(runner) and time.monotonic() < deadline:
        time.sleep(0.01)
    return leftovers(runner)


def test_killed_bootstrap_takes_the_program_along(build, dist, runner, tmp_path):
    # SIGKILL cannot be forwarded; the program gets SIGTERM (from the
    # keeper, which got it as PDEATHSIG) instead of running on as an
    # orphan, and the keeper still removes the extraction.
    onefile = build(dist)
    log = tmp_path / "probe.log"
    process = runner.popen(onefile, env={"PROBE_ACTION": "wait", "PROBE_LOG": str(log)})
    wait_for(log, "ready")
    process.kill()
    process.wait()
    wait_for(log, "signal %d" % signal.SIGTERM)
    assert wait_until_removed(runner) == []


def test_processes_left_behind_keep_the_extraction(build, dist, runner, tmp_path):
    # multiprocessing's resource tracker, or any background process the
    # program started, may still read the extraction after the program
    # ended.  The onefile returns with the program, as python would; the
    # folder goes only when the last of them has ended.
    onefile = build(dist)
    log = tmp_path / "probe.log"
    go = tmp_path / "go"
    result = runner.run(onefile, env={"PROBE_ACTION": "linger", "PROBE_LOG": str(log),
                                      "PROBE_GO": str(go)})
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert len(leftovers(runner)) == 1  # still in use
    go.write_text("")
    assert "lingered: data next to the program\n" in wait_for(log, "lingered")
    assert wait_until_removed(runner) == []
