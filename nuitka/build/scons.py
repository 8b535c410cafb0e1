"""Running SCons on a build description.

The build description (a JSON file, see ``SConstruct.py`` for its keys) is
written into the build's top folder and SCons is started as a subprocess::

    <python> -m SCons -f nuitka/build/SConstruct.py -Q --no-site-dir \
        [--silent] -j <jobs> desc=<json>

``<python>`` is the running interpreter when it can import SCons (the PyPI
``scons`` package), else the interpreter named by ``NUITKA_SCONS_PYTHON``,
else a ``scons`` script on ``PATH``.  The SConstruct only needs SCons and the
standard library; everything Python-version specific was computed by the
caller from the running interpreter's ``sysconfig``.

A subprocess (rather than ``SCons.Script.main()`` in-process) keeps SCons'
global state, ``chdir`` and ``sys.exit`` away from the compiler; it costs
about 0.2 s of interpreter and SCons start-up.
"""

import functools
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

from nuitka.build.errors import BuildError

#: The SCons build file run for every build.
SCONSTRUCT_PATH = Path(__file__).resolve().with_name("SConstruct.py")

#: Environment variable naming a Python interpreter that has SCons installed.
SCONS_PYTHON_ENV = "NUITKA_SCONS_PYTHON"

#: Lines of the SConstruct for ``on_progress`` (not part of the output).
PROGRESS_PREFIX = "nuitka-scons-progress: "

#: How many lines of failing compiler output are echoed to stderr.
MAX_ERROR_LINES = 200

#: Full SCons/compiler output of a failed build, kept in the top folder.
ERROR_LOG_NAME = "nuitka-scons-error.log"

_FAILED_TARGET_RE = re.compile(r"^scons: \*\*\* \[(.*?)\] ")


def get_scons_command() -> List[str]:
    """The command that starts SCons (see module docstring).

    Raises:
        BuildError: SCons is not installed anywhere we can use it.
    """
    return list(
        _get_scons_command_cached(sys.executable, os.environ.get(SCONS_PYTHON_ENV, ""))
    )


@functools.lru_cache(maxsize=None)
def _get_scons_command_cached(executable, scons_python):
    if executable and importlib.util.find_spec("SCons") is not None:
        return (executable, "-m", "SCons")
    if scons_python:
        return (scons_python, "-m", "SCons")
    script = shutil.which("scons")
    if script is not None:
        try:
            result = subprocess.run(
                [script, "--version"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            result = None
        if result is not None and result.returncode == 0:
            return (script,)
    raise BuildError(
        "SCons not found: install it with '%s -m pip install scons' "
        "(or set %s to a Python that has it)"
        % (executable or "python3", SCONS_PYTHON_ENV)
    )


def run_scons(
    desc: Dict,
    top_dir: Path,
    jobs: int,
    show_scons: bool = False,
    what: str = "C compilation",
    error_log: Optional[Path] = None,
    on_progress=None,
) -> Dict:
    """Write ``desc`` to ``top_dir`` and let SCons build it.

    Args:
        desc: Build description; ``desc`` (the JSON path), ``sconsign`` and
            ``report`` entries are filled in here when missing.
        top_dir: Folder SCons runs in; relative paths in ``desc`` are
            relative to it.
        jobs: Parallel compiler processes (``-j``).
        show_scons: Stream SCons' output and the command lines to stdout.
        what: Wording for the error message (``"C compilation"``).
        error_log: Where the full output of a failed build is saved;
            default ``top_dir/nuitka-scons-error.log``.
        on_progress: Called with ``("compiled", source)`` after each C
            file, ``("linking", target)`` before the link and
            ``("failed", "")`` before the errors of a failed build are shown.

    Returns:
        The report written by the SConstruct: ``{"commands": [argv, ...]}``
        listing every command that ran (empty when nothing was out of date).

    Raises:
        BuildError: SCons or a compiler command failed.  The compiler's
            output is echoed to stderr first (in full with ``show_scons``).
    """
    top_dir = Path(top_dir)
    desc_path = top_dir / "nuitka-scons.json"
    error_log = Path(error_log) if error_log is not None else top_dir / ERROR_LOG_NAME
    report_path = top_dir / "nuitka-scons-report.json"
    desc = dict(desc)
    desc.setdefault("sconsign", str(top_dir / ".sconsign-nuitka"))
    desc.setdefault("report", str(report_path))
    if on_progress is not None:
        desc["progress"] = True

    _write_json(desc_path, desc)
    for stale in (report_path, error_log):
        try:
            stale.unlink()
        except FileNotFoundError:
            pass

    command = get_scons_command() + [
        "-f",
        str(SCONSTRUCT_PATH),
        "-Q",
        "--no-site-dir",
        "-j",
        str(max(1, jobs)),
    ]
    if not show_scons:
        command.append("--silent")
    command.append("desc=%s" % desc_path)

    env = dict(os.environ)
    env.pop("SCONSFLAGS", None)  # user SCons options would change our build

    if show_scons:
        sys.stdout.write("Nuitka-Scons: %s\n" % " ".join(command))
        sys.stdout.flush()

    try:
        process = subprocess.Popen(
            command,
            cwd=str(top_dir),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
    except OSError as e:
        raise BuildError(
            "Cannot run SCons (%s): %s; install it with 'python3 -m pip install scons'"
            % (command[0], e)
        ) from None
    output_lines = []
    try:
        for raw_line in process.stdout:
            line = raw_line.decode("utf-8", "replace")
            if line.startswith(PROGRESS_PREFIX):
                if on_progress is not None:
                    what, _, name = line[len(PROGRESS_PREFIX):].rstrip("\n").partition(" ")
                    on_progress(what, name)
                continue
            output_lines.append(line)
            if show_scons:
                sys.stdout.write(line)
                sys.stdout.flush()
        return_code = process.wait()
    except BaseException:
        process.kill()
        process.wait()
        raise
    finally:
        process.stdout.close()

    if return_code != 0:
        if on_progress is not None:
            on_progress("failed", "")  # (a status line goes before the errors)
        _report_failure(output_lines, show_scons, error_log, what, desc)

    try:
        with open(report_path, encoding="utf-8") as report_file:
            return json.load(report_file)
    except (OSError, ValueError):
        return {"commands": []}


def _report_failure(output_lines, show_scons, log_path, what, desc):
    # (Entries are [source, object] or, restored from the object cache,
    # [source, object, "prebuilt"].)
    sources_by_object = {entry[1]: entry[0] for entry in desc.get("objects", [])}
    compiled, linked = [], []
    for line in output_lines:
        match = _FAILED_TARGET_RE.match(line)
        if match:
            target = match.group(1)
            if target in sources_by_object:
                compiled.append(sources_by_object[target])
            else:
                linked.append(target)

    try:
        log_path.write_text("".join(output_lines), encoding="utf-8")
    except OSError:
        log_path = None

    if not show_scons:
        shown = output_lines[:MAX_ERROR_LINES]
        sys.stderr.write("".join(shown))
        if len(output_lines) > len(shown):
            sys.stderr.write(
                "... %d more lines in %s\n" % (len(output_lines) - len(shown), log_path)
            )
        sys.stderr.flush()

    if compiled:
        detail = "compiling %s" % ", ".join(os.path.basename(s) for s in compiled)
    elif linked:
        detail = "%s %s" % (
            "archiving" if desc.get("mode") == "library" else "linking",
            ", ".join(linked),
        )
    else:
        detail = "SCons exited with an error"
    raise BuildError(
        "%s failed (%s): see the compiler output above%s"
        % (what, detail, " and in %s" % log_path if log_path else "")
    )


def _write_json(path: Path, data) -> None:
    """Write JSON only when it changed (keeps the file's mtime stable)."""
    text = json.dumps(data, indent=1, sort_keys=True)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
