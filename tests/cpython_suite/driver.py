"""CPython's own test suite as the judge of compiled modules.

For one module ``test_xxx`` of the installed ``test`` package
(``<stdlib>/test/test_xxx.py``) of the running interpreter:

1. copy it to ``<work>/src/test_xxx.py``; the collector imports it as
   ``test.test_xxx`` (it puts the folder first on ``test.__path__``, so
   ``test.support`` etc. still come from the installation), on both sides;
2. compile the copy with ``python -m nuitka --module`` into
   ``<work>/ext/test_xxx.cpython-3XX-*.so``;
3. run the copy and the extension module with unittest in child processes
   (``collector.py``, each in a fresh empty working directory, with a
   timeout), recording every test's outcome;
4. compare: a test that passes uncompiled (success or expected failure) and
   does not pass compiled is a regression, unless ``known_failures.txt``
   lists it with a reason.

Command line (also see tests/README.md)::

    python tests/cpython_suite/driver.py [--mode module|program|cpython]
                                         [--fast | --all | NAME ...] [-v]

prints one line per module (tests passing uncompiled / compiled / total) and
the regressions.  ``--mode cpython`` runs the uncompiled side twice (checks
the driver and the determinism of the module); ``--mode program`` compiles
the copy as a main program instead of an extension (debugging aid from before
``--module`` existed; module name ``__main__``).  The pytest items in
``test_cpython_suite.py`` always use ``--mode module``.
"""

import dataclasses
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

SUITE_DIR = Path(__file__).resolve().parent
if str(SUITE_DIR.parent) not in sys.path:
    sys.path.insert(0, str(SUITE_DIR.parent))

from harness import (  # noqa: E402  (after the sys.path set-up)
    COMPILE_TIMEOUT,
    _run,
    compile_env,
    program_env,
)

MODULES_FILE = SUITE_DIR / "modules.txt"
KNOWN_FAILURES_FILE = SUITE_DIR / "known_failures.txt"
COLLECTOR = SUITE_DIR / "collector.py"
MAIN_HOOK_DIR = SUITE_DIR / "_mainhook"

# Seconds for one run of one module (each side); modules.txt can override.
DEFAULT_RUN_TIMEOUT = int(os.environ.get("NUITKA_CPYTHON_SUITE_TIMEOUT", "300"))

PASSING = ("success", "expected_failure")

_VERSION_RE = re.compile(r"^(<|<=|>=|>|==)3\.(\d+)$")


def stdlib_test_dir():
    return Path(sysconfig.get_paths()["stdlib"]) / "test"


def _version_ok(conditions, version=None):
    version = version or sys.version_info[:2]
    for condition in conditions:
        op, minor = _VERSION_RE.match(condition).groups()
        other = (3, int(minor))
        if not {
            "<": version < other,
            "<=": version <= other,
            ">=": version >= other,
            ">": version > other,
            "==": version == other,
        }[op]:
            return False
    return True


@dataclasses.dataclass
class ModuleSpec:
    name: str
    category: str
    fast: bool
    versions: list
    timeout: int
    # A test package whose tests live in its submodules (test_json, ...):
    # compile them all into the extension (``--include-package``).
    submodules: bool = False

    def applies(self, version=None):
        return _version_ok(self.versions, version)


def load_modules(path=MODULES_FILE):
    """modules.txt: ``name category fast|slow [>=3.11] [<3.13] [timeout=N] [submodules]``."""
    specs = []
    for lineno, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, category, speed, *rest = line.split()
        if speed not in ("fast", "slow"):
            raise ValueError("%s:%d: speed must be fast or slow" % (path, lineno))
        versions, timeout, submodules = [], DEFAULT_RUN_TIMEOUT, False
        for item in rest:
            if item == "submodules":
                submodules = True
            elif item.startswith("timeout="):
                timeout = int(item[len("timeout=") :])
            elif _VERSION_RE.match(item):
                versions.append(item)
            else:
                raise ValueError("%s:%d: bad item %r" % (path, lineno, item))
        specs.append(
            ModuleSpec(name, category, speed == "fast", versions, timeout, submodules)
        )
    return specs


@dataclasses.dataclass
class KnownFailure:
    module: str
    pattern: str
    versions: list
    reason: str
    lineno: int
    skip: bool = False  # do not even run it compiled (crashes, hangs)

    def matches(self, module, test_id):
        return (
            module == self.module
            and fnmatch.fnmatchcase(test_id, self.pattern)
            and _version_ok(self.versions)
        )

    def describe(self):
        return "%s::%s%s  (known_failures.txt:%d)" % (
            self.module,
            self.pattern,
            "".join(" " + v for v in self.versions),
            self.lineno,
        )


def load_known_failures(path=KNOWN_FAILURES_FILE):
    """known_failures.txt: ``module::Class.test_method [>=3.12] reason...``.

    The test part may be an fnmatch pattern (``Class.*``); ``<module>`` stands
    for the whole module (import failure, crash), ``<compile>`` for a failure
    of the compiler on the module.  A reason is mandatory.
    ``!skip`` after the gates: do not run the test compiled at all (it
    crashes the process or disturbs the tests after it).
    """
    known = []
    for lineno, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split()
        module, sep, pattern = parts[0].partition("::")
        if not sep or not pattern:
            raise ValueError("%s:%d: expected module::test" % (path, lineno))
        rest = parts[1:]
        versions = []
        while rest and _VERSION_RE.match(rest[0]):
            versions.append(rest.pop(0))
        skip = bool(rest) and rest[0] == "!skip"
        if skip:
            rest.pop(0)
        if not rest:
            raise ValueError("%s:%d: a reason is required" % (path, lineno))
        known.append(
            KnownFailure(module, pattern, versions, " ".join(rest), lineno, skip)
        )
    return known


def known_compile_failure(module, known_failures=None):
    """The ``module::<compile>`` entry for this Python, or None."""
    if known_failures is None:
        known_failures = load_known_failures()
    for entry in known_failures:
        if entry.module == module and entry.pattern == "<compile>" and _version_ok(entry.versions):
            return entry
    return None


@dataclasses.dataclass
class SideResult:
    """Outcomes of one run of one module: test id -> (outcome, detail)."""

    label: str
    outcomes: dict
    import_error: str = None
    crashed_in: str = None  # id of a test that started and never finished
    finished: bool = False
    timed_out: bool = False
    returncode: int = None
    output_tail: str = ""
    compiled: bool = None
    file: str = None
    seconds: float = 0.0

    def passed(self):
        return sum(1 for o, _ in self.outcomes.values() if o in PASSING)

    def problem(self):
        """Why the run did not complete normally, or None."""
        if self.import_error:
            return "importing the module failed:\n" + self.import_error
        if self.timed_out:
            return "timed out%s" % (
                " in %s" % self.crashed_in if self.crashed_in else ""
            )
        if not self.finished:
            return "the process died (exit code %s)%s\n%s" % (
                self.returncode,
                " in %s" % self.crashed_in if self.crashed_in else "",
                self.output_tail,
            )
        return None


def _tail(path, limit=3000):
    try:
        data = Path(path).read_bytes()
    except OSError:
        return ""
    return data[-limit:].decode("utf-8", "replace")


def _read_events(out_path, side):
    try:
        lines = Path(out_path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    started = None
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue  # a line cut short by a crash
        kind = event["event"]
        if kind == "import":
            side.compiled = event["compiled"]
            side.file = event["file"]
        elif kind == "import-error":
            side.import_error = event["error"]
        elif kind == "start":
            started = event["id"]
        elif kind == "result":
            side.outcomes[event["id"]] = (event["outcome"], event["detail"])
            if event["id"] == started:
                started = None
        elif kind == "done":
            side.finished = True
    if not side.finished:
        side.crashed_in = started


def run_side(label, command, cwd, env, out_path, timeout):
    """Run the collector command; returns a SideResult."""
    side = SideResult(label, {})
    log_path = Path(cwd).parent / ("%s.log" % label)
    start = time.monotonic()
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [str(c) for c in command],
            cwd=str(cwd),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            side.returncode = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            side.timed_out = True
            try:
                os.killpg(proc.pid, 9)
            except OSError:
                pass
            proc.wait()
    side.seconds = time.monotonic() - start
    side.output_tail = _tail(log_path)
    _read_events(out_path, side)
    return side


def _compile(src, output_dir, args):
    """Run the compiler on ``src`` (in its folder) with ``args``."""
    output_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "nuitka",
        *args,
        "--output-dir=%s" % output_dir,
        "--remove-output",
        src.name,
    ]
    return _run(command, src.parent, compile_env(), timeout=COMPILE_TIMEOUT)


def compile_module(src, output_dir, extra_args=()):
    """``python -m nuitka --module`` the copied test module.

    Returns (RunResult, path of the extension or None)."""
    result = _compile(src, output_dir, ["--module", *extra_args])
    stem = src.stem
    found = sorted(
        p
        for p in output_dir.glob(stem + ".*")
        if p.suffix in (".so", ".pyd") and p.name.split(".")[0] == stem
    )
    return result, (found[0] if found else None)


def compile_program(src, output_dir):
    result = _compile(src, output_dir, [])
    binary = output_dir / (src.stem + ".bin")
    return result, (binary if binary.exists() else None)


class CompileFailed(Exception):
    def __init__(self, result):
        super().__init__(result.describe())
        self.result = result


def _collector_side(label, name, path, work, timeout, env_extra=None, skip=()):
    cwd = work / ("cwd-" + label)
    cwd.mkdir()
    out = work / ("%s.jsonl" % label)
    env = program_env(env_extra)
    command = [
        sys.executable,
        COLLECTOR,
        "--name",
        name,
        "--path",
        path,
        "--out",
        out,
    ]
    for pattern in skip:
        command += ["--skip", pattern]
    return run_side(label, command, cwd, env, out, timeout)


def _main_side(label, name, command, work, timeout):
    cwd = work / ("cwd-" + label)
    cwd.mkdir()
    out = work / ("%s.jsonl" % label)
    env = program_env(
        {"PYTHONPATH": str(MAIN_HOOK_DIR), "CPYSUITE_MAIN": "%s:%s" % (name, out)}
    )
    return run_side(label, command, cwd, env, out, timeout)


def run_module(spec, work, mode="module", known_failures=None):
    """Run one module both ways; returns (uncompiled, compiled, compile_seconds).

    Raises CompileFailed when the compiler fails."""
    if known_failures is None:
        known_failures = load_known_failures()
    skip = [
        k.pattern
        for k in known_failures
        if k.skip and k.module == spec.name and _version_ok(k.versions)
    ]
    work = Path(work)
    original = stdlib_test_dir() / (spec.name + ".py")
    # Folders named "test" as in the installation: a test package's tests
    # are then found as test.test_xxx.* below the folder above it (the
    # collector's replacement of test.support.load_package_tests()).
    src_dir = work / "src" / "test"
    src_dir.mkdir(parents=True, exist_ok=True)
    src = src_dir / original.name
    is_package = not original.exists() and (stdlib_test_dir() / spec.name / "__init__.py").exists()
    if is_package:
        # A test package (3.11+ test_dataclasses, ...): its __init__ holds
        # the tests and is compiled (``--module`` of the package folder);
        # its other modules stay uncompiled, next to the extension in the
        # folder the compiled package's __path__ names, unless the spec says
        # ``submodules`` (test_json, ...: the tests are in the submodules),
        # then they are compiled into the extension too and their sources
        # next to it are only read (inspect, tracebacks).
        original = stdlib_test_dir() / spec.name
        src = src_dir / spec.name
        shutil.copytree(original, src, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        shutil.copyfile(original, src)

    compile_start = time.monotonic()
    if mode == "module":
        extra = ["--include-package=" + spec.name] if is_package and spec.submodules else []
        result, extension = compile_module(src, work / "ext" / "test", extra)
        if result.returncode != 0 or extension is None:
            raise CompileFailed(result)
        ext_dir = extension.parent
        # The source next to the extension, as after compiling in place
        # (the default output folder): __file__ names it, and tests that
        # read their own source (open(__file__), inspect) find it.  The
        # import system prefers the extension to a module's source; a
        # package's __init__.py would win over it, so that one stays out.
        if is_package:
            shutil.copytree(
                original,
                ext_dir / spec.name,
                # Only the package's own __init__.py stays out (subpackages
                # compiled into the extension are found before the folder).
                ignore=lambda folder, names: [
                    n for n in names
                    if n == "__pycache__" or (n == "__init__.py" and Path(folder) == original)
                ],
            )
        else:
            shutil.copyfile(original, ext_dir / original.name)
    elif mode == "program":
        result, binary = compile_program(src, work / "bin")
        if result.returncode != 0 or binary is None:
            raise CompileFailed(result)
    compile_seconds = time.monotonic() - compile_start

    if mode == "program":
        uncompiled = _main_side(
            "uncompiled", spec.name, [sys.executable, src], work, spec.timeout
        )
        compiled = _main_side("compiled", spec.name, [binary], work, spec.timeout)
    else:
        uncompiled = _collector_side(
            "uncompiled", spec.name, src_dir, work, spec.timeout
        )
        if mode == "cpython":
            compiled = _collector_side(
                "compiled", spec.name, src_dir, work, spec.timeout
            )
        else:
            compiled = _collector_side(
                "compiled", spec.name, ext_dir, work, spec.timeout, skip=skip
            )
    return uncompiled, compiled, compile_seconds


@dataclasses.dataclass
class Comparison:
    module: str
    uncompiled: SideResult
    compiled: SideResult
    regressions: list  # (test id, uncompiled outcome, compiled outcome, detail)
    known: list  # (test id, KnownFailure)
    stale_known: list  # KnownFailure entries for this module that matched nothing
    compiled_only: list  # test ids passing only compiled

    def total(self):
        return len(set(self.uncompiled.outcomes) | set(self.compiled.outcomes))

    def summary(self):
        return "%-28s uncompiled %4d  compiled %4d  of %4d%s" % (
            self.module,
            self.uncompiled.passed(),
            self.compiled.passed(),
            self.total(),
            "  REGRESSIONS %d" % len(self.regressions) if self.regressions else "",
        )

    def report(self, verbose=False):
        lines = [self.summary()]
        for side in (self.uncompiled, self.compiled):
            problem = side.problem()
            if problem:
                lines.append("%s run: %s" % (side.label, problem))
        for test_id, before, after, detail in self.regressions:
            lines.append("  REGRESSION %s::%s: %s -> %s" % (self.module, test_id, before, after))
            if verbose and detail:
                lines.extend("      " + l for l in detail.rstrip().splitlines())
        for test_id, entry in self.known:
            lines.append("  known %s::%s: %s" % (self.module, test_id, entry.reason))
        for entry in self.stale_known:
            lines.append("  stale known failure (passes now): %s" % entry.describe())
        for test_id in self.compiled_only:
            lines.append("  passes only compiled: %s::%s" % (self.module, test_id))
        return "\n".join(lines)


def compare(module, uncompiled, compiled, known_failures=None):
    if known_failures is None:
        known_failures = load_known_failures()
    entries = [k for k in known_failures if k.module == module and _version_ok(k.versions)]
    used = set()
    regressions, known, compiled_only = [], [], []

    def lookup(test_id):
        for entry in entries:
            if entry.matches(module, test_id):
                used.add(id(entry))
                return entry
        return None

    problem = compiled.problem()
    if problem and not compiled.outcomes and uncompiled.passed():
        # Nothing ran at all compiled: one regression for the module.
        entry = lookup("<module>")
        if entry:
            known.append(("<module>", entry))
        else:
            regressions.append(("<module>", "passing", "no results", problem))
        return Comparison(
            module, uncompiled, compiled, regressions, known,
            [e for e in entries if id(e) not in used], compiled_only,
        )
    for test_id in sorted(uncompiled.outcomes):
        before, _ = uncompiled.outcomes[test_id]
        if before not in PASSING:
            continue
        after, detail = compiled.outcomes.get(test_id, (None, None))
        if after in PASSING:
            continue
        if after is None:
            if test_id == compiled.crashed_in:
                after, detail = "crashed", compiled.problem()
            elif compiled.problem():
                after, detail = "not run", compiled.problem()
            else:
                after = "missing"
        entry = lookup(test_id)
        if entry is None and (after in ("crashed", "not run")):
            entry = lookup("<module>")
        if entry:
            known.append((test_id, entry))
        else:
            regressions.append((test_id, before, after, detail))
    for test_id in sorted(compiled.outcomes):
        after, _ = compiled.outcomes[test_id]
        before, _ = uncompiled.outcomes.get(test_id, (None, None))
        if after in PASSING and before not in PASSING:
            compiled_only.append(test_id)
    stale = [e for e in entries if id(e) not in used]
    return Comparison(module, uncompiled, compiled, regressions, known, stale, compiled_only)


def check_module(spec, work, mode="module", known_failures=None):
    uncompiled, compiled, compile_seconds = run_module(spec, work, mode, known_failures)
    comparison = compare(spec.name, uncompiled, compiled, known_failures)
    comparison.compile_seconds = compile_seconds
    return comparison


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="test modules (default: --all)")
    parser.add_argument("--mode", choices=("module", "program", "cpython"), default="module")
    parser.add_argument("--fast", action="store_true", help="only the fast modules")
    parser.add_argument("--all", action="store_true", help="every module in modules.txt")
    parser.add_argument("--keep", action="store_true", help="keep the work folders")
    parser.add_argument("--json", help="write the per-module counts to this file")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    specs = [s for s in load_modules() if s.applies()]
    if args.names:
        by_name = {s.name: s for s in load_modules()}
        specs = [
            by_name.get(n)
            or ModuleSpec(
                n, "?", False, [], DEFAULT_RUN_TIMEOUT,
                # Not listed: a package with test_* submodules has its tests there.
                submodules=any((stdlib_test_dir() / n).glob("test_*.py")),
            )
            for n in args.names
        ]
        for spec in specs:
            if not spec.applies():
                print("%-28s not for this Python (%s)" % (spec.name, " ".join(spec.versions)))
        specs = [s for s in specs if s.applies()]
    elif args.fast:
        specs = [s for s in specs if s.fast]
    known_failures = load_known_failures()
    totals = [0, 0, 0, 0]
    summary = {}
    status = 0
    print("Python %s, mode %s" % (sys.version.split()[0], args.mode), flush=True)
    for spec in specs:
        work = Path(tempfile.mkdtemp(prefix="cpysuite-%s-" % spec.name))
        try:
            comparison = check_module(spec, work, args.mode, known_failures)
        except CompileFailed as e:
            known = known_compile_failure(spec.name, known_failures)
            print(
                "%-28s COMPILE FAILED%s\n%s"
                % (
                    spec.name,
                    " (known: %s)" % known.reason if known else "",
                    e.result.stderr[-2000:],
                ),
                flush=True,
            )
            summary[spec.name] = {"compile_failed": e.result.stderr[-500:]}
            if known is None:
                status = 1
            continue
        finally:
            if args.keep:
                print("  (work folder %s)" % work)
            else:
                shutil.rmtree(work, ignore_errors=True)
        print(comparison.report(args.verbose), flush=True)
        summary[spec.name] = {
            "uncompiled": comparison.uncompiled.passed(),
            "compiled": comparison.compiled.passed(),
            "total": comparison.total(),
            "regressions": [r[0] for r in comparison.regressions],
            "known": [k[0] for k in comparison.known],
            "seconds": [
                round(comparison.compile_seconds, 1),
                round(comparison.uncompiled.seconds, 1),
                round(comparison.compiled.seconds, 1),
            ],
        }
        totals[0] += comparison.uncompiled.passed()
        totals[1] += comparison.compiled.passed()
        totals[2] += comparison.total()
        totals[3] += len(comparison.regressions)
        if comparison.regressions:
            status = 1
    print(
        "TOTAL: %d modules, %d tests pass uncompiled, %d compiled, of %d; %d regressions"
        % (len(specs), totals[0], totals[1], totals[2], totals[3])
    )
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1, sort_keys=True))
    return status


if __name__ == "__main__":
    sys.exit(main())
