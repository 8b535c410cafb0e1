#!/usr/bin/env python3
"""Benchmark of the compile cache: cold, unchanged and one-module-changed builds.

Usage::

    python3 misc/bench_cache.py [--jobs N] [--keep] [--no-email]

Two cases, each in a fresh temporary NUITKA_CACHE_DIR (whose C runtime
library is built first by a warm-up compilation, so that "cold" means: no
cached module C code and no cached objects, the same as after
``--clean-cache=modules,ccache``):

* a generated 30-module program (``main.py`` importing ``mod01`` ..
  ``mod29``) compiled with ``--follow-imports``;
* the standard library's ``email`` package (a copy of it) compiled with
  ``--module email --include-package=email``.

For each: the cold build, an unchanged rebuild (same output folder), an
unchanged rebuild into a fresh output folder, and a rebuild after changing
one module.  Cache hits and C compiler runs are read from the compiler's own
``--report`` XML; times are the wall clock of the whole compiler process and
the CPU time (user + system) of it and all its children (SCons, gcc), which
a busy machine disturbs less.
Options that this checkout does not implement yet are detected and the case
is reported as skipped.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
MODULES = 30


def implemented_options():
    sys.path.insert(0, str(REPO_ROOT))
    from nuitka.options import OPTION_TABLE

    return {spec.flags[0] for spec in OPTION_TABLE if spec.implemented}


def module_source(number, variant=0):
    """A module with some functions, a class and a generator (~100 lines)."""
    lines = ["# module %d variant %d" % (number, variant), "import sys", ""]
    for index in range(12):
        lines += [
            "def func_%d(values, factor=%d):" % (index, index + 1),
            "    total = 0",
            "    for position, value in enumerate(values):",
            "        if value %% %d == 0:" % (index + 2),
            "            total += value * factor",
            "        elif position > %d:" % index,
            "            total -= position",
            "        else:",
            "            try:",
            "                total += len(str(value)) // (value - %d)" % index,
            "            except ZeroDivisionError:",
            "                total += 1",
            "    return total",
            "",
        ]
    lines += [
        "class Thing%d:" % number,
        "    def __init__(self, name):",
        "        self.name = name",
        "        self.items = {}",
        "    def add(self, key, value):",
        "        self.items.setdefault(key, []).append(value)",
        "        return len(self.items[key])",
        "    def __repr__(self):",
        "        return 'Thing%d(%%r, %%d)' %% (self.name, len(self.items))" % number,
        "",
        "def gen(limit):",
        "    for i in range(limit):",
        "        if i %% 3 == %d:" % (number % 3),
        "            yield i * %d" % (number + variant),
        "",
        "def summary():",
        "    values = list(range(40))",
        "    return (%d, sum(f(values) for f in (%s)), sum(gen(20)), Thing%d('t'))"
        % (number, ", ".join("func_%d" % i for i in range(12)), number),
        "",
    ]
    return "\n".join(lines) + "\n"


def write_program(folder):
    folder.mkdir(parents=True, exist_ok=True)
    names = ["mod%02d" % number for number in range(1, MODULES)]
    main = ["import %s" % name for name in names]
    main += ["", "for m in (%s,):" % ", ".join(names), "    print(m.summary())"]
    (folder / "main.py").write_text("\n".join(main) + "\n")
    for number, name in enumerate(names, 1):
        (folder / (name + ".py")).write_text(module_source(number))
    return folder / "main.py"


def compile_once(args, cwd, cache_dir, report_path, jobs):
    env = dict(os.environ)
    env["NUITKA_CACHE_DIR"] = str(cache_dir)
    env["PYTHONPATH"] = str(REPO_ROOT)
    command = [sys.executable, "-m", "nuitka", "--jobs=%d" % jobs]
    if report_path is not None:
        command.append("--report=%s" % report_path)
    started = time.monotonic()
    cpu_before = _children_cpu()
    proc = subprocess.run(
        command + list(args), cwd=str(cwd), env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    elapsed = time.monotonic() - started
    cpu = _children_cpu() - cpu_before
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout.decode("utf-8", "replace")[-3000:])
        raise SystemExit("compilation failed: %s" % " ".join(command + list(args)))
    return elapsed, cpu


def _children_cpu():
    """User + system CPU seconds of all finished child processes (the
    compiler, SCons, gcc): less disturbed by a busy machine than wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def summarize(report_path):
    root = ET.parse(str(report_path)).getroot()
    modules = list(root.iter("module"))
    hits = sum(1 for m in modules if m.get("code_cache") == "hit")
    build = root.find("build")
    return {
        "modules": len(modules),
        "code_hits": hits,
        "code_misses": sum(1 for m in modules if m.get("code_cache") == "miss"),
        "c_compiler_runs": int(build.get("c_compiler_runs")) if build is not None else -1,
    }


def run_case(title, work, make_args, change, cwd, jobs, check=None):
    cache_dir = work / "cache"
    # Warm-up: the C runtime library only (no module/object caches).
    compile_once(
        make_args(work / "warmup") + ["--disable-cache=modules,ccache"],
        cwd, cache_dir, None, jobs,
    )
    shutil.rmtree(str(work / "warmup"), ignore_errors=True)

    rows = []

    def step(label, out_dir):
        report = work / ("%s.xml" % label.replace(" ", "-"))
        seconds, cpu = compile_once(make_args(out_dir), cwd, cache_dir, report, jobs)
        rows.append((label, seconds, cpu, summarize(report)))
        if check is not None:
            check(out_dir)

    step("cold", work / "out")
    step("unchanged", work / "out")
    step("unchanged fresh dir", work / "out-fresh")
    change()
    step("one changed", work / "out")

    cold, cold_cpu = rows[0][1], rows[0][2]
    print("\n%s" % title)
    print(
        "  %-22s %8s %8s %8s %8s %6s %6s %8s"
        % ("build", "wall s", "vs cold", "cpu s", "vs cold", "hits", "misses", "cc runs")
    )
    for label, seconds, cpu, info in rows:
        print(
            "  %-22s %8.2f %7.1f%% %8.2f %7.1f%% %6d %6d %8d"
            % (label, seconds, 100 * seconds / cold, cpu, 100 * cpu / cold_cpu,
               info["code_hits"], info["code_misses"], info["c_compiler_runs"])
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=0, help="C compiler jobs (default: CPUs)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--no-email", action="store_true", help="skip the email package case")
    options = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    jobs = options.jobs or len(os.sched_getaffinity(0))

    implemented = implemented_options()
    work_root = Path(tempfile.mkdtemp(prefix="nuitka-bench-cache-"))
    print("work folder: %s" % work_root)
    try:
        if "--follow-imports" in implemented:
            work = work_root / "program"
            main_py = write_program(work / "src")

            def program_args(out_dir):
                return ["--follow-imports", "--output-dir=%s" % out_dir, "main.py"]

            def change_one():
                (work / "src" / "mod15.py").write_text(module_source(15, variant=1))

            def check(out_dir):
                def output(command):
                    return subprocess.run(
                        command, stdout=subprocess.PIPE, cwd=str(main_py.parent)
                    ).stdout

                if output([str(out_dir / "main.bin")]) != output([sys.executable, "-B", "main.py"]):
                    raise SystemExit("compiled program output differs in %s" % out_dir)

            run_case(
                "30-module program (--follow-imports)", work, program_args, change_one,
                main_py.parent, jobs, check,
            )
        else:
            print("\n30-module program: skipped, --follow-imports is not implemented yet")

        if options.no_email:
            pass
        elif {"--module", "--include-package"} <= implemented:
            work = work_root / "email"
            source = Path(sysconfig.get_paths()["stdlib"]) / "email"
            shutil.copytree(
                str(source), str(work / "src" / "email"),
                ignore=shutil.ignore_patterns("__pycache__"),
            )

            def email_args(out_dir):
                return [
                    "--module", "--include-package=email",
                    "--output-dir=%s" % out_dir, "email",
                ]

            def change_email():
                path = work / "src" / "email" / "quoprimime.py"
                path.write_text(path.read_text() + "\n_BENCH_CHANGED = 1\n")

            run_case(
                "stdlib email (--module email --include-package=email)", work,
                email_args, change_email, work / "src", jobs,
            )
        else:
            print("\nemail package: skipped, --module/--include-package not implemented yet")
    finally:
        if options.keep:
            print("kept %s" % work_root)
        else:
            shutil.rmtree(str(work_root), ignore_errors=True)


if __name__ == "__main__":
    main()
