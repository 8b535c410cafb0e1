"""Sandboxed builds as Nix and Debian run them: no network, ``HOME`` missing
or read-only, a read-only source tree, the Python installation and the
compiler's own checkout read-only.

Each compilation runs in ``unshare -m -n`` (a private mount namespace and
an empty network namespace) where those folders are read-only bind mounts:
root cannot write there either (``EROFS``), unlike with ``chmod``.  Needs
root and util-linux' ``unshare``; skipped otherwise.
"""

import os
import shlex
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET

import pytest

from harness import REPO_ROOT, RunResult, compile_env

pytestmark = pytest.mark.compiles

MAIN = "import helper\nprint(helper.f())\n"


def _sandbox_available():
    if os.geteuid() != 0:
        return False
    try:
        return subprocess.run(["unshare", "-m", "-n", "true"], stderr=subprocess.DEVNULL,
                              timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


if not _sandbox_available():
    pytest.skip("needs root and 'unshare -m -n' for read-only bind mounts", allow_module_level=True)


def _python_prefixes():
    found = []
    for path in (sys.base_prefix, sys.prefix, sysconfig.get_paths()["stdlib"]):
        path = os.path.realpath(path)
        if not any(path == p or path.startswith(p + "/") for p in found):
            found.append(path)
    return found


def run_sandboxed(args, cwd, read_only, home, extra_env=None):
    """The compiler with ``read_only`` folders read-only, no network."""
    env = compile_env(extra_env)
    for name in ("NUITKA_CACHE_DIR", "XDG_CACHE_HOME", "CCACHE_DIR"):
        env.pop(name, None)
    env["HOME"] = str(home)
    folders = [str(p) for p in read_only] + [str(REPO_ROOT)] + _python_prefixes()
    lines = ["set -e", "mount --make-rprivate / 2>/dev/null || true"]
    for folder in folders:
        lines.append("mount --bind %s %s" % (shlex.quote(folder), shlex.quote(folder)))
        lines.append("mount -o remount,ro,bind %s" % shlex.quote(folder))
    lines.append("cd %s" % shlex.quote(str(cwd)))
    command = [sys.executable, "-m", "nuitka", "--jobs=1"] + list(args)
    lines.append("exec env -i %s %s" % (
        " ".join(shlex.quote("%s=%s" % item) for item in sorted(env.items())),
        " ".join(shlex.quote(str(c)) for c in command)))
    proc = subprocess.run(["unshare", "-m", "-n", "/bin/sh", "-c", "\n".join(lines)],
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=900)
    return RunResult(proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace"),
                     proc.returncode, command)


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "prog.py").write_text(MAIN)
    (src / "helper.py").write_text("def f():\n    return 42\n")
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "out"
    return src, home, out


def _notes(stderr):
    return [line for line in stderr.splitlines() if line.startswith("nuitka: note:")]


def test_home_missing_read_only_source(tree):
    src, home, out = tree
    report = out.parent / "report.xml"
    args = ["--follow-imports", "--output-dir=%s" % out, "--report=%s" % report, "prog.py"]
    # Compiled in the read-only source folder, HOME inside a read-only folder.
    result = run_sandboxed(args, src, [src, home], home / "missing")
    assert result.returncode == 0, result.describe()
    notes = _notes(result.stderr)
    assert len(notes) == 1 and result.stderr == notes[0] + "\n", result.stderr
    assert "cache folder '%s" % (home / "missing") in notes[0]
    assert "using '%s'" % (out / "prog.build" / "_cache") in notes[0]
    assert not (home / "missing").exists() and sorted(os.listdir(src)) == ["helper.py", "prog.py"]
    run = subprocess.run([str(out / "prog.bin")], capture_output=True, text=True, timeout=60)
    assert run.stdout == "42\n"
    first = {m.get("name"): m.get("code_cache") for m in ET.parse(str(report)).getroot().iter("module")}
    assert first["__main__"] == "miss"

    # Again: the cache in the build folder is used.
    result = run_sandboxed(args, src, [src, home], home / "missing")
    assert result.returncode == 0, result.describe()
    second = {m.get("name"): m.get("code_cache") for m in ET.parse(str(report)).getroot().iter("module")}
    assert second["__main__"] == "hit" and second["helper"] == "hit"


def test_standalone_read_only_home_quiet(tree):
    src, home, out = tree
    result = run_sandboxed(["--standalone", "--quiet", "--output-dir=%s" % out, str(src / "prog.py")],
                           out.parent, [src, home], home)
    assert result.returncode == 0, result.describe()
    assert result.stderr == ""  # --quiet: not even the note
    run = subprocess.run([str(out / "prog.dist" / "prog.bin")], capture_output=True, text=True,
                         timeout=60)
    assert run.stdout == "42\n"


def test_read_only_output_folder_one_line(tree):
    src, home, _ = tree
    result = run_sandboxed(["prog.py"], src, [src, home], home)
    assert result.returncode == 1
    assert result.stderr == ("nuitka: error: the output folder '%s' is not writable; give a "
                             "writable one with --output-dir\n" % src)
