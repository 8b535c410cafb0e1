"""What ``nuitka --version`` prints, and facts about the running Python.

The same facts are used for the ``{OS}``, ``{Arch}``, ``{Flavor}`` variables
of project options (``# nuitka-project-if: {OS} == "Linux":``).

Nothing here raises: a fact that cannot be found is reported as unknown.
"""

import os
import platform
import shlex
import shutil
import subprocess
import sys
from typing import List, Optional, Tuple

from nuitka.version import __version__


def get_nuitka_version_tuple() -> Tuple[int, ...]:
    """The compiler version as a tuple of ints, e.g. ``(0, 1, 0)``."""
    parts = []
    for part in __version__.split("."):
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def get_os_name() -> str:
    """``Linux``, ``Darwin``, ``Windows``, ``FreeBSD``, ..."""
    return platform.system() or sys.platform


def get_arch() -> str:
    """The machine architecture, e.g. ``x86_64`` or ``aarch64``."""
    return platform.machine() or "unknown"


def get_python_flavor() -> str:
    """Where the running Python comes from, e.g. ``pyenv``, ``Debian Python``.

    A virtual environment adds `` (virtualenv)`` to the flavor of the Python
    it was made from.
    """
    base = os.path.realpath(sys.base_prefix)
    base_slash = base.replace("\\", "/") + "/"

    if os.path.isdir(os.path.join(sys.base_prefix, "conda-meta")):
        flavor = "Anaconda Python"
    elif "/.pyenv/" in base_slash or (
        os.environ.get("PYENV_ROOT")
        and base.startswith(os.path.realpath(os.environ["PYENV_ROOT"]))
    ):
        flavor = "pyenv"
    elif "/uv/python/" in base_slash:
        flavor = "uv Python"
    elif "/Cellar/" in base_slash or "/homebrew/" in base_slash.lower():
        flavor = "Homebrew Python"
    elif base == "/usr" and (
        os.path.exists("/etc/debian_version")
        or any(p.endswith("/dist-packages") for p in sys.path)
    ):
        flavor = "Debian Python"
    elif base == "/usr":
        flavor = "System Python"
    elif sys.implementation.name != "cpython":
        flavor = sys.implementation.name
    else:
        flavor = "CPython"

    if sys.prefix != sys.base_prefix:
        flavor += " (virtualenv)"
    return flavor


def get_distribution() -> Optional[str]:
    """The OS distribution from ``/etc/os-release``, e.g. ``Debian GNU/Linux 12``."""
    for filename in ("/etc/os-release", "/usr/lib/os-release"):
        try:
            with open(filename, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            continue
        values = {}
        for line in lines:
            key, sep, value = line.partition("=")
            if sep:
                values[key.strip()] = value.strip().strip("\"'")
        name = values.get("PRETTY_NAME") or values.get("NAME")
        if name:
            return name
    return None


def find_c_compiler(prefer_clang: bool = False) -> Tuple[Optional[str], str]:
    """Find the C compiler a build would use and ask it for its version.

    ``$CC`` wins when set (and is then the only candidate); otherwise ``gcc``,
    ``cc`` and ``clang`` are tried (``clang`` first with ``prefer_clang``).

    Returns:
        ``(path, version_line)`` of the compiler, or ``(None, reason)``
        when none was found.
    """
    env_cc = os.environ.get("CC", "").strip()
    if env_cc:
        try:
            candidates = [shlex.split(env_cc)]
        except ValueError:
            return None, "none found ($CC=%r cannot be parsed)" % env_cc
    elif prefer_clang:
        candidates = [["clang"], ["gcc"], ["cc"]]
    else:
        candidates = [["gcc"], ["cc"], ["clang"]]

    for command in candidates:
        if not command:
            continue
        path = shutil.which(command[0])
        if path is None:
            continue
        try:
            result = subprocess.run(
                [path] + command[1:] + ["--version"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=20,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        output = result.stdout.decode("utf-8", "replace").strip()
        if result.returncode != 0 or not output:
            continue
        return path, output.splitlines()[0].strip()

    if env_cc:
        return None, "none found ($CC=%r is not a working compiler)" % env_cc
    return None, "none found (install gcc, or set CC)"


def describe_c_compiler(prefer_clang: bool = False) -> Tuple[Optional[str], str]:
    """Like :func:`find_c_compiler`, but asks the build stage first.

    The build stage's own detection (``nuitka.build.compiler``) is what a
    compilation will really use; when it cannot be imported, the simpler
    search here is used.
    """
    try:
        from nuitka.build.compiler import detect_compiler
    except Exception:  # build stage absent or broken: fall back
        return find_c_compiler(prefer_clang=prefer_clang)
    try:
        info = detect_compiler(clang=prefer_clang)
    except Exception as exc:  # BuildError: a one-line, actionable message
        return None, "none found (%s)" % " ".join(str(exc).split())
    path = getattr(info, "path", None)
    version = getattr(info, "version", None)
    if not path or not version:
        return find_c_compiler(prefer_clang=prefer_clang)
    return str(path), str(version)


def version_report_lines(prefer_clang: bool = False) -> List[str]:
    """The lines printed by ``--version``: compiler version first, then facts.

    One item per line, ``Name: value``, so bug reports can include it
    verbatim.
    """
    lines = [__version__]
    lines.append("Python: %s" % platform.python_version())
    lines.append("Flavor: %s" % get_python_flavor())
    lines.append("Executable: %s" % (sys.executable or "unknown"))
    lines.append("OS: %s" % get_os_name())
    lines.append("Arch: %s" % get_arch())
    distribution = get_distribution()
    if distribution:
        lines.append("Distribution: %s" % distribution)
    path, version = describe_c_compiler(prefer_clang=prefer_clang)
    if path is None:
        lines.append("C compiler: %s" % version)
    else:
        lines.append("C compiler: %s (%s)" % (version, path))
    return lines
