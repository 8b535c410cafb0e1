"""Cached extraction (a spec without {PID}/{TIME}): reuse, races, safety."""

import os
import shutil
import signal
import stat
import subprocess
import time

import pytest

from onefile_helpers import make_dist, report, wait_for

# They build the bootstrap and the probe with gcc.
pytestmark = pytest.mark.compiles

SPEC = "{CACHE_DIR}/acme/probe"
MARKER = ".nuitka-onefile"


def target_of(runner):
    return runner.home / ".cache" / "acme" / "probe"


def snapshot(folder):
    """(name, kind, inode, mtime_ns, size, mode) of everything below folder."""
    result = []
    for root, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            st = os.lstat(os.path.join(root, name))
            result.append((os.path.relpath(os.path.join(root, name), folder),
                           stat.S_IFMT(st.st_mode), st.st_ino, st.st_mtime_ns,
                           st.st_size, stat.S_IMODE(st.st_mode)))
    return sorted(result)


def same_tree(extracted, dist):
    for root, dirs, files in os.walk(dist):
        for name in dirs + files:
            source = os.path.join(root, name)
            copy = os.path.join(extracted, os.path.relpath(source, dist))
            if os.path.islink(source):
                assert os.readlink(copy) == os.readlink(source)
            elif os.path.isfile(source):
                with open(source, "rb") as a, open(copy, "rb") as b:
                    assert a.read() == b.read(), copy


def test_extracted_once_then_reused_without_writes(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    first = runner.run(onefile, env={"PROBE_CAT": "sub/module.py"})
    assert first.returncode == 0, first.stderr
    target = target_of(runner)
    assert report(first)["exe"] == str(target / "prog.bin")
    assert report(first)["cat"] == "VALUE = 42"
    same_tree(target, dist)
    # Private folders, file modes and modification times as in the dist.
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(target_of(runner).parent).st_mode) == 0o700
    module = os.stat(target / "sub" / "module.py")
    assert stat.S_IMODE(module.st_mode) == 0o640
    assert module.st_mtime_ns == 1_600_000_000_123_456_789
    assert os.readlink(target / "sub" / "lib.so") == "deeper/lib.so.1"
    assert (target / MARKER).read_text().startswith("nuitka-onefile 1 ")

    before = snapshot(target.parent.parent)
    command = [str(onefile)]
    strace = shutil.which("strace")
    trace = runner.root / "trace.txt"
    if strace:
        command = [strace, "-f", "-qq", "-o", str(trace), "-e",
                   "trace=%file,%desc", "-e", "signal=none"] + command
    second = subprocess.run(command, env=runner.env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, timeout=60)
    assert second.returncode == 0, second.stderr
    assert report(second)["exe"] == str(target / "prog.bin")
    assert snapshot(target.parent.parent) == before
    if strace:
        calls = trace.read_text()
        for forbidden in ("mkdir", "rename", "unlink", "symlink", "O_CREAT", "O_WRONLY",
                          "O_RDWR", "utimensat", "chmod"):
            assert forbidden not in calls, forbidden


def test_twenty_simultaneous_first_starts(build, probe, tmp_path, runner):
    dist = make_dist(tmp_path / "d", probe, big=8 * 1024 * 1024)
    onefile = build(dist, tempdir_spec=SPEC)
    processes = [runner.popen(onefile, str(i)) for i in range(20)]
    results = [(p, *p.communicate(timeout=120)) for p in processes]
    for i, (process, out, err) in enumerate(results):
        assert process.returncode == 0, err
        assert err == b""
        assert "argv[1]=%d\n" % i in out.decode()
    target = target_of(runner)
    assert sorted(os.listdir(target.parent)) == ["probe"]  # no .tmp-/.old- left
    same_tree(target, dist)
    # And it is the one complete, trusted extraction: the next start is a reuse.
    before = snapshot(target)
    assert runner.run(onefile).returncode == 0
    assert snapshot(target) == before


def test_new_build_replaces_old_extraction(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    assert report(runner.run(onefile, env={"PROBE_CAT": "data.txt"}))["cat"] == \
        "data next to the program"
    old_marker = (target_of(runner) / MARKER).read_text()
    (dist / "data.txt").write_text("second version\n")
    onefile = build(dist, tempdir_spec=SPEC)
    result = runner.run(onefile, env={"PROBE_CAT": "data.txt"})
    assert report(result)["cat"] == "second version"
    assert (target_of(runner) / MARKER).read_text() != old_marker
    assert sorted(os.listdir(target_of(runner).parent)) == ["probe"]


def _refused(runner, onefile, words):
    result = runner.run(onefile)
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "onefile error: refusing extraction folder" in lines[0], lines
    for word in words:
        assert word in lines[0]
    assert result.stdout == b""


def test_symlink_in_place_is_refused(build, dist, runner, tmp_path):
    onefile = build(dist, tempdir_spec=SPEC)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    target_of(runner).parent.mkdir(parents=True)
    target_of(runner).symlink_to(elsewhere)
    _refused(runner, onefile, ["symbolic link"])
    assert os.listdir(elsewhere) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="chown needs root")
def test_folder_of_another_user_is_refused(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    target = target_of(runner)
    target.mkdir(parents=True, mode=0o700)
    os.chown(target, 65534, 65534)
    _refused(runner, onefile, ["another user", "uid 65534"])


def test_folder_writable_by_others_is_refused(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    assert runner.run(onefile).returncode == 0
    os.chmod(target_of(runner), 0o777)
    _refused(runner, onefile, ["writable by other users"])


def test_foreign_folder_is_left_alone(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    target = target_of(runner)
    target.mkdir(parents=True, mode=0o700)
    (target / "precious.txt").write_text("user data")
    _refused(runner, onefile, ["not empty", "not made by a onefile program"])
    assert os.listdir(target) == ["precious.txt"]


def test_file_in_place_is_refused(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    target_of(runner).parent.mkdir(parents=True)
    target_of(runner).write_text("x")
    _refused(runner, onefile, ["not a folder"])


def test_empty_folder_is_used(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    target_of(runner).mkdir(parents=True, mode=0o700)
    assert runner.run(onefile).returncode == 0
    assert (target_of(runner) / "prog.bin").is_file()


def test_unfinished_extractions_are_not_trusted(build, dist, runner):
    onefile = build(dist, tempdir_spec=SPEC)
    target = target_of(runner)
    # A folder with a marker of an unfinished or temporary extraction.
    target.mkdir(parents=True, mode=0o700)
    (target / MARKER).write_text("nuitka-onefile 1 temporary\n")
    (target / "prog.bin").write_text("#!/bin/sh\necho half\n")
    result = runner.run(onefile)
    assert result.returncode == 0 and b"half" not in result.stdout
    same_tree(target, dist)


def test_killed_first_start_leaves_nothing_trusted(build, probe, tmp_path, runner):
    dist = make_dist(tmp_path / "d", probe, big=40 * 1024 * 1024)
    onefile = build(dist, tempdir_spec=SPEC, compression=False)
    target = target_of(runner)
    for delay in (0.005, 0.02, 0.05):
        process = runner.popen(onefile)
        time.sleep(delay)
        process.kill()
        process.wait()
        assert not target.exists() or (target / MARKER).is_file()
        shutil.rmtree(target, ignore_errors=True)
    # Left-over private folders of dead starts are cleared a minute later.
    names = os.listdir(target.parent) if target.parent.exists() else []
    leftovers = [name for name in names if ".tmp-" in name]
    for name in leftovers:
        os.utime(target.parent / name, (time.time() - 120,) * 2)
    assert runner.run(onefile).returncode == 0
    assert sorted(os.listdir(target.parent)) == ["probe"]


def test_sigterm_during_first_start(build, probe, tmp_path, runner):
    dist = make_dist(tmp_path / "d", probe, big=40 * 1024 * 1024)
    onefile = build(dist, tempdir_spec=SPEC, compression=False)
    target = target_of(runner)
    for delay in (0.0, 0.01, 0.03):
        process = runner.popen(onefile, env={"PROBE_ACTION": "sleep"})
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == -signal.SIGTERM
        names = os.listdir(target.parent) if target.parent.exists() else []
        assert [name for name in names if name != "probe"] == []
        assert not target.exists() or (target / MARKER).is_file()


def test_program_exec_keeps_pid_and_signals(build, dist, runner, tmp_path):
    onefile = build(dist, tempdir_spec=SPEC)
    log = tmp_path / "log"
    process = runner.popen(onefile, env={"PROBE_ACTION": "wait", "PROBE_LOG": str(log)})
    wait_for(log, "ready")
    process.send_signal(signal.SIGHUP)
    out, _ = process.communicate(timeout=20)
    assert process.returncode == 100 + signal.SIGHUP
    assert "pid=%d\n" % process.pid in out.decode()
