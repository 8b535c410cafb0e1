"""Helpers for compiling test programs and comparing them with CPython.

The harness is deliberately free of pytest imports (except where noted) so
that it can be used from small scripts as well:

    from harness import discover_programs, run_cpython, compile_program

A test program is a ``.py`` file directly inside a category folder of
``tests/programs``.  Files whose name starts with ``_`` and everything in
sub-folders (helper packages of the ``imports`` category) are not programs.

Directives are comment lines at the very top of a program (before the first
line that is not a comment):

    # nuitka-test: args=--follow-imports --some-option
    # nuitka-test: stdin=first line\nsecond line
    # nuitka-test: argv=one two
    # nuitka-test: env=NAME=value
    # nuitka-test: timeout=120
    # nuitka-test: slow
    # nuitka-test: skip=reason
    # nuitka-test: xfail=reason
    # nuitka-test: compile-error
    # nuitka-test: variant=--follow-imports

``variant=ARGS`` adds one more test of the same program compiled with the
extra ARGS (on top of ``args``); the plain test is always kept.  Its test id
gets a suffix, e.g. ``imports/import_star@follow-imports``.

``compile-error`` marks a program that CPython rejects (a SyntaxError):
the compiler must print exactly what CPython prints on stderr, exit with the
same code (1) and leave no binary behind.

A file name ending in ``_3NN`` (e.g. ``match_statement_310.py``) needs
Python >= 3.NN and is skipped on older interpreters.
"""

import dataclasses
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = TESTS_DIR.parent
PROGRAMS_DIR = TESTS_DIR / "programs"
SPECIAL_PROGRAMS_DIR = TESTS_DIR / "special_programs"

CATEGORIES = (
    "expressions",
    "statements",
    "functions",
    "classes",
    "comprehensions",
    "generators",
    "async",
    "exceptions",
    "builtins_introspection",
    "imports",
    "frames_tracebacks",
    "errors",
)

# Seconds.  Compilation includes the C compiler, so be generous.
COMPILE_TIMEOUT = int(os.environ.get("NUITKA_TEST_COMPILE_TIMEOUT", "900"))
RUN_TIMEOUT = int(os.environ.get("NUITKA_TEST_RUN_TIMEOUT", "120"))

_DIRECTIVE_RE = re.compile(r"^#\s*nuitka-test:\s*(.*?)\s*$")
_VERSION_SUFFIX_RE = re.compile(r"_3(\d{1,2})$")
_ADDRESS_RE = re.compile(r"0x[0-9a-f]+")


@dataclasses.dataclass
class Directives:
    args: list = dataclasses.field(default_factory=list)
    stdin: str = None
    argv: list = dataclasses.field(default_factory=list)
    env: dict = dataclasses.field(default_factory=dict)
    timeout: int = None
    slow: bool = False
    skip: str = None
    xfail: str = None
    compile_error: bool = False
    variants: list = dataclasses.field(default_factory=list)


def parse_directives(path):
    """Read ``# nuitka-test:`` lines from the top of a program."""
    result = Directives()
    with open(path, "rb") as f:
        raw_lines = f.read().splitlines()
    for raw in raw_lines:
        line = raw.decode("utf-8", "replace").strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _DIRECTIVE_RE.match(line)
        if not match:
            continue
        text = match.group(1)
        key, sep, value = text.partition("=")
        key = key.strip().lower().replace("_", "-")
        if key == "args":
            result.args.extend(shlex.split(value))
        elif key == "stdin":
            result.stdin = value.encode("utf-8").decode("unicode_escape")
        elif key == "argv":
            result.argv.extend(shlex.split(value))
        elif key == "env":
            name, _, env_value = value.partition("=")
            result.env[name.strip()] = env_value
        elif key == "timeout":
            result.timeout = int(value)
        elif key == "slow":
            result.slow = True
        elif key == "skip":
            result.skip = value or "skipped by directive"
        elif key == "xfail":
            result.xfail = value or "expected to fail"
        elif key == "compile-error":
            result.compile_error = True
        elif key == "variant":
            result.variants.append(shlex.split(value))
        else:
            raise ValueError("%s: unknown nuitka-test directive %r" % (path, text))
    return result


def required_python(path):
    """Minimum (major, minor) Python version from a ``_3NN`` suffix, or None."""
    match = _VERSION_SUFFIX_RE.search(Path(path).stem)
    if match:
        return (3, int(match.group(1)))
    return None


def discover_programs(base=PROGRAMS_DIR):
    """All test programs, sorted, as Path objects."""
    result = []
    for category in sorted(os.listdir(base)):
        category_dir = Path(base) / category
        if not category_dir.is_dir() or category.startswith((".", "_")):
            continue
        for name in sorted(os.listdir(category_dir)):
            if name.endswith(".py") and not name.startswith("_"):
                result.append(category_dir / name)
    return result


def program_id(path, variant=()):
    path = Path(path)
    result = "%s/%s" % (path.parent.name, path.stem)
    if variant:
        result += "@" + "_".join(arg.lstrip("-").replace("=", "-") for arg in variant)
    return result


_KEEP_ENV = (
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "TMPDIR",
    "TEMP",
    "TMP",
    "LANG",
    "LANGUAGE",
    "SYSTEMROOT",
    "PYENV_VERSION",
    "PYENV_ROOT",
)

# Variables only the compiler gets (C compiler selection, caches).
_KEEP_COMPILE_ENV = (
    "CC",
    "CXX",
    "CCFLAGS",
    "CFLAGS",
    "LDFLAGS",
    "CCACHE_DIR",
    "XDG_CACHE_HOME",
    "SOURCE_DATE_EPOCH",
)


def program_env(extra=None, hashseed="0"):
    """Clean environment for running a test program (CPython or compiled)."""
    env = {}
    for name, value in os.environ.items():
        if name in _KEEP_ENV or name.startswith("LC_"):
            env[name] = value
    env.setdefault("LANG", "C.UTF-8")
    env["PYTHONHASHSEED"] = hashseed
    # Never leave __pycache__ folders in the repository.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # Python 3.13 colours tracebacks on terminals; we never want that.
    env["PYTHON_COLORS"] = "0"
    env["NO_COLOR"] = "1"
    if extra:
        env.update(extra)
    return env


def compile_env(extra=None):
    """Environment for running the compiler: the program env plus the repo."""
    env = program_env(extra)
    for name, value in os.environ.items():
        if name in _KEEP_COMPILE_ENV or name.startswith("NUITKA_"):
            env[name] = value
    # The compiler is run with cwd = program folder; make the package
    # importable from the repository checkout.
    env["PYTHONPATH"] = str(REPO_ROOT)
    # Bytecode of the compiler's own modules goes to a prefix outside the
    # repository (faster repeated compiler starts, nothing cached in the repo).
    del env["PYTHONDONTWRITEBYTECODE"]
    env["PYTHONPYCACHEPREFIX"] = os.environ.get(
        "NUITKA_TEST_PYCACHE_PREFIX",
        os.path.join(tempfile.gettempdir(), "nuitka-tests-pycache-%s" % os.getuid()),
    )
    # What the test asks for wins over the outer environment.
    env.update(extra or {})
    return env


@dataclasses.dataclass
class RunResult:
    stdout: str
    stderr: str
    returncode: int
    command: list

    def describe(self):
        return "command: %s\nexit code: %s\n--- stdout ---\n%s--- stderr ---\n%s" % (
            " ".join(shlex.quote(str(c)) for c in self.command),
            self.returncode,
            _ensure_newline(self.stdout),
            _ensure_newline(self.stderr),
        )


def _ensure_newline(text):
    if text and not text.endswith("\n"):
        return text + "\n"
    return text


def _run(command, cwd, env, stdin=None, timeout=RUN_TIMEOUT):
    try:
        proc = subprocess.run(
            [str(c) for c in command],
            cwd=str(cwd),
            env=env,
            input=stdin.encode("utf-8") if stdin is not None else None,
            stdin=subprocess.DEVNULL if stdin is None else None,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as e:
        return RunResult(
            stdout=(e.stdout or b"").decode("utf-8", "backslashreplace"),
            stderr=(e.stderr or b"").decode("utf-8", "backslashreplace")
            + "\n<<< TIMEOUT after %s seconds >>>\n" % timeout,
            returncode="timeout",
            command=list(command),
        )
    return RunResult(
        stdout=proc.stdout.decode("utf-8", "backslashreplace"),
        stderr=proc.stderr.decode("utf-8", "backslashreplace"),
        returncode=proc.returncode,
        command=list(command),
    )


def run_cpython(path, directives=None, hashseed="0", python_args=()):
    """Run ``sys.executable prog.py`` in the program's folder."""
    path = Path(path).resolve()
    directives = directives or parse_directives(path)
    return _run(
        [sys.executable, *python_args, path.name, *directives.argv],
        cwd=path.parent,
        env=program_env(directives.env, hashseed=hashseed),
        stdin=directives.stdin,
        timeout=directives.timeout or RUN_TIMEOUT,
    )


def compile_command(path, output_dir, extra_args=()):
    path = Path(path)
    return [
        sys.executable,
        "-m",
        "nuitka",
        "--output-dir=%s" % output_dir,
        "--remove-output",
        *extra_args,
        path.name,
    ]


def compile_program(path, output_dir, directives=None, extra_args=()):
    """Compile ``prog.py`` into ``output_dir/prog.bin``.

    Returns (RunResult of the compiler, expected binary path).
    """
    path = Path(path).resolve()
    directives = directives or parse_directives(path)
    command = compile_command(path, output_dir, [*directives.args, *extra_args])
    result = _run(
        command,
        cwd=path.parent,
        env=compile_env(),
        timeout=COMPILE_TIMEOUT,
    )
    return result, Path(output_dir) / (path.stem + ".bin")


def run_binary(binary, path, directives=None):
    """Run a compiled program with the same cwd/env/stdin as CPython got."""
    path = Path(path).resolve()
    directives = directives or parse_directives(path)
    return _run(
        [binary, *directives.argv],
        cwd=path.parent,
        env=program_env(directives.env),
        stdin=directives.stdin,
        timeout=directives.timeout or RUN_TIMEOUT,
    )


def normalise(text, tmp_dirs=()):
    """Mask what legitimately differs between two runs."""
    for tmp_dir in tmp_dirs:
        if not tmp_dir:
            continue
        tmp_dir = str(tmp_dir)
        text = text.replace(tmp_dir, "<TMPDIR>")
        real = os.path.realpath(tmp_dir)
        if real != tmp_dir:
            text = text.replace(real, "<TMPDIR>")
    text = _ADDRESS_RE.sub("0x...", text)
    return text


def unified_diff(expected, actual, what):
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile="cpython " + what,
        tofile="compiled " + what,
    )
    return "".join(_ensure_newline(line) for line in lines)


def compare_results(expected, actual, tmp_dirs=()):
    """Return a human readable difference report, or '' if equal."""
    report = []
    for what in ("stdout", "stderr"):
        exp = normalise(getattr(expected, what), tmp_dirs)
        act = normalise(getattr(actual, what), tmp_dirs)
        if exp != act:
            report.append(unified_diff(exp, act, what))
    if expected.returncode != actual.returncode:
        report.append(
            "exit code differs: cpython %s, compiled %s\n"
            % (expected.returncode, actual.returncode)
        )
    return "".join(report)
