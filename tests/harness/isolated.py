"""Run a standalone or onefile result on "a machine without Python".

``run_isolated(command, cwd)`` runs ``command`` with ``env -i
PATH=/usr/bin:/bin HOME=<home>`` (plus explicit ``env`` extras) inside a
private mount namespace (``unshare -m``, needs root) in which every Python
installation is hidden:

* a tmpfs is mounted over the pyenv root, ``/usr/lib/python3*``,
  ``/usr/local/lib/python3*``, the interpreter's ``sys.prefix``,
  ``sys.base_prefix`` and ``sys.exec_prefix``, the checkout (``/work``, the
  repository), and the ``python3*`` folders next to any other libpython;
* ``/dev/null`` is bind-mounted over every ``libpython*.so*`` file found
  in the library folders (outside the result);

so a result that still opens anything of a Python installation fails.  The
result itself must not be below a hidden folder: copy it to a temporary
folder first (``copy_result``).  ``python_is_hidden()`` is the self-test:
no Python runs inside.

Not a pytest module: ``from harness.isolated import run_isolated``.
"""

import glob
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from . import REPO_ROOT, RunResult

#: Where other libpython files may be (searched recursively, 4 levels).
_LIBRARY_ROOTS = ("/usr/lib", "/usr/lib64", "/usr/local/lib", "/lib", "/lib64", "/opt")


def pyenv_root():
    root = os.environ.get("PYENV_ROOT")
    if not root:
        try:
            root = subprocess.run(["pyenv", "root"], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, check=True).stdout.decode().strip()
        except (OSError, subprocess.CalledProcessError):
            root = os.path.expanduser("~/.pyenv")
    return root


def _libpython_files():
    found = []
    for root in _LIBRARY_ROOTS:
        base_depth = root.rstrip("/").count("/")
        for folder, dirs, files in os.walk(root):
            if folder.count("/") - base_depth >= 4:
                dirs[:] = []
            for name in files:
                if name.startswith("libpython") and ".so" in name:
                    found.append(os.path.join(folder, name))
    return found


def hidden_folders():
    """The folders covered with a tmpfs (existing ones, no duplicates)."""
    folders = [pyenv_root(), sys.prefix, sys.base_prefix, sys.exec_prefix, str(REPO_ROOT), "/work"]
    folders += glob.glob("/usr/lib/python3*") + glob.glob("/usr/local/lib/python3*")
    for library in _libpython_files():
        folders += glob.glob(os.path.join(os.path.dirname(library), "python3*"))
    result = []
    for folder in folders:
        real = os.path.realpath(folder)
        if os.path.isdir(real) and real not in result:
            result.append(real)
    return result


def _below(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _script(command, cwd, env, result_dir, extra_hidden=()):
    hidden = hidden_folders() + [os.path.realpath(f) for f in extra_hidden if os.path.isdir(f)]
    if result_dir is not None:
        real = os.path.realpath(str(result_dir))
        for folder in hidden:
            if _below(real, folder):
                raise ValueError("the result '%s' is below the hidden folder '%s'; copy it elsewhere"
                                 % (real, folder))
    lines = ["set -e", "mount --make-rprivate / 2>/dev/null || true"]
    # Files first (their folders may be hidden next), deepest first.
    for library in sorted(_libpython_files(), key=lambda p: -p.count("/")):
        if os.path.islink(library):
            continue
        if result_dir is not None and _below(os.path.realpath(library), os.path.realpath(str(result_dir))):
            continue
        lines.append("mount --bind /dev/null %s" % shlex.quote(library))
    for folder in sorted(hidden, key=lambda p: -p.count("/")):
        lines.append("mount -t tmpfs -o size=1m tmpfs %s" % shlex.quote(folder))
    lines.append("cd %s" % shlex.quote(str(cwd)))
    env_args = " ".join(shlex.quote("%s=%s" % item) for item in sorted(env.items()))
    lines.append("exec env -i %s %s" % (env_args, " ".join(shlex.quote(str(c)) for c in command)))
    return "\n".join(lines) + "\n"


def run_isolated(command, cwd, env=None, stdin=None, timeout=120, result_dir=None, home=None,
                 extra_hidden=()):
    """Run ``command`` (a list) in ``cwd`` with Python hidden; a RunResult.

    ``result_dir``: the folder of the result, checked not to be hidden and
    kept visible.  ``env``: extra variables on top of PATH and HOME.
    ``extra_hidden``: more folders to hide (e.g. Tcl/Tk's script libraries,
    which a machine without Python has not either)."""
    home = home or str(cwd)
    full_env = {"PATH": "/usr/bin:/bin", "HOME": home}
    full_env.update(env or {})
    script = _script(command, cwd, full_env, result_dir, extra_hidden)
    try:
        proc = subprocess.run(
            ["unshare", "-m", "/bin/sh", "-c", script],
            input=stdin.encode() if stdin is not None else None,
            stdin=subprocess.DEVNULL if stdin is None else None,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
            env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
        )
    except subprocess.TimeoutExpired as e:
        return RunResult((e.stdout or b"").decode("utf-8", "backslashreplace"),
                         (e.stderr or b"").decode("utf-8", "backslashreplace")
                         + "\n<<< TIMEOUT after %s seconds >>>\n" % timeout,
                         "timeout", list(command))
    return RunResult(proc.stdout.decode("utf-8", "backslashreplace"),
                     proc.stderr.decode("utf-8", "backslashreplace"),
                     proc.returncode, list(command))


def isolation_available():
    """Whether ``unshare -m`` works here (root, util-linux)."""
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    try:
        return subprocess.run(["unshare", "-m", "true"], stderr=subprocess.DEVNULL,
                              check=False, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def python_is_hidden(cwd="/tmp"):
    """Self-test: (ok, details). Neither the system's nor the compiling
    Python can start inside, and libpython cannot be opened."""
    results = []
    for command in (["python3", "-c", "print(1)"], [sys.executable, "-c", "print(1)"],
                    ["/bin/sh", "-c", "cat %s | head -c 4 | od -c" % " ".join(
                        shlex.quote(p) for p in _libpython_files()[:3])]):
        results.append((command, run_isolated(command, cwd)))
    ok = all(r.returncode != 0 or "ELF" not in r.stdout and r.stdout.strip() != "1" for _, r in results)
    ok = ok and results[0][1].returncode != 0 and results[1][1].returncode != 0
    return ok, "\n".join(r.describe() for _, r in results)


def copy_result(source, target_parent):
    """Copy a dist folder or onefile to ``target_parent`` (not hidden)."""
    source = Path(source)
    target = Path(target_parent) / source.name
    if source.is_dir():
        shutil.copytree(source, target, symlinks=True)
    else:
        shutil.copy2(source, target)
    return target
