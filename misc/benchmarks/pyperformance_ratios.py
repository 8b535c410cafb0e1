#!/usr/bin/env python3
"""Compile pyperformance's pure-Python benchmarks and print speed ratios.

    python3 -m pip install pyperformance     # once (it brings the benchmarks)
    python3 misc/benchmarks/pyperformance_ratios.py [--rounds 5] [--lto] [names...]

For each benchmark (default: the 15 of issue 11 and coroutines), its
``run_benchmark.py`` is compiled with this compiler (accelerated mode; with
``--lto`` a second time with ``--lto=yes``), and ``python run_benchmark.py``
and the compiled programs are run interleaved, ``--rounds`` times each, with
a small stand-in for the ``pyperf`` module (see ``_PYPERF_SHIM``): it times
the benchmark function in-process, best of ``--repeat`` runs of a
calibrated loop count, so the interpreter and the compiled program are
measured the same way. pyperf itself would spawn worker processes running
the *source* file.

Prints one line per benchmark with the median seconds per call under
CPython and compiled, and the ratio of the medians CPython/compiled (above
1.0: compiled is faster), then the geometric mean and the benchmarks below
1.0. A benchmark that fails to compile or run is reported as such and left
out of the mean. Measure with at most one other CPU-heavy job running.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

# Pure-Python benchmarks (no C extension does the work).
# The 15 of issue 11 (json_dumps spends its time in the json C accelerator,
# but it is the yardstick) plus coroutines as a 16th.
DEFAULT_BENCHMARKS = [
    "chaos",
    "deltablue",
    "fannkuch",
    "float",
    "generators",
    "go",
    "hexiom",
    "json_dumps",
    "nbody",
    "nqueens",
    "pyflate",
    "raytrace",
    "richards",
    "spectral_norm",
    "unpack_sequence",
    "coroutines",
]

_PYPERF_SHIM = r'''
"""Stand-in for pyperf used by misc/benchmarks/pyperformance_ratios.py."""
import argparse
import json
import os
import time

_REPEAT = int(os.environ.get("NUITKA_BENCH_REPEAT", "5"))
_TARGET = float(os.environ.get("NUITKA_BENCH_TARGET", "0.2"))

perf_counter = time.perf_counter


class Runner:
    def __init__(self, *args, **kwargs):
        self.metadata = {}
        self.argparser = argparse.ArgumentParser()

    def parse_args(self, args=None):
        ns, _ = self.argparser.parse_known_args(args)
        return ns

    def _report(self, name, per_call):
        print("PYPERF_SHIM " + json.dumps({"name": name, "seconds": per_call}), flush=True)

    def bench_time_func(self, name, time_func, *args, inner_loops=None, **kwargs):
        loops = 1
        while True:
            elapsed = time_func(loops, *args)
            if elapsed >= _TARGET or loops >= 1 << 20:
                break
            loops *= 2
        best = elapsed / loops
        for _ in range(_REPEAT - 1):
            best = min(best, time_func(loops, *args) / loops)
        self._report(name, best / (inner_loops or 1))

    def bench_func(self, name, func, *args, inner_loops=None, **kwargs):
        def time_func(loops, *a):
            t0 = perf_counter()
            for _ in range(loops):
                func(*a)
            return perf_counter() - t0

        self.bench_time_func(name, time_func, *args, inner_loops=inner_loops)

    def bench_async_func(self, name, func, *args, inner_loops=None, **kwargs):
        import asyncio

        def time_func(loops, *a):
            async def main():
                t0 = perf_counter()
                for _ in range(loops):
                    await func(*a)
                return perf_counter() - t0

            return asyncio.run(main())

        self.bench_time_func(name, time_func, *args, inner_loops=inner_loops)
'''


def benchmarks_dir():
    try:
        import pyperformance
    except ImportError:
        sys.exit("pyperformance is not installed: python3 -m pip install pyperformance")
    return os.path.join(os.path.dirname(pyperformance.__file__), "data-files", "benchmarks")


def run_timed(cmd, env, cwd):
    """Run a benchmark program; returns {name: seconds} from the shim's lines."""
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError("exit code %d: %s" % (proc.returncode, proc.stderr.strip()[-500:]))
    results = {}
    for line in proc.stdout.splitlines():
        if line.startswith("PYPERF_SHIM "):
            data = json.loads(line[len("PYPERF_SHIM "):])
            results[data["name"]] = data["seconds"]
    if not results:
        raise RuntimeError("no timing printed")
    return results


def compile_benchmark(script, output_dir, extra_args=()):
    """Compile run_benchmark.py; the binary's path, or None with a message."""
    build = subprocess.run(
        [sys.executable, "-m", "nuitka", "--quiet", "--output-dir=" + output_dir, *extra_args, script],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        return None, (build.stderr.strip().splitlines() or ["exit code %d" % build.returncode])[-1]
    return os.path.join(output_dir, "run_benchmark.bin"), None


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="benchmarks (default: %s)" % " ".join(DEFAULT_BENCHMARKS))
    parser.add_argument("--rounds", type=int, default=5,
                        help="interleaved rounds (CPython, compiled, [LTO]) per benchmark; medians are compared")
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions inside one run, best is kept")
    parser.add_argument("--lto", action="store_true", help="also compile with --lto=yes (a second ratio column)")
    parser.add_argument("--keep", help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()

    source_root = benchmarks_dir()
    work = args.keep or tempfile.mkdtemp(prefix="nuitka-bench-")
    os.makedirs(work, exist_ok=True)
    shim_dir = os.path.join(work, "shim")
    os.makedirs(shim_dir, exist_ok=True)
    with open(os.path.join(shim_dir, "pyperf.py"), "w") as f:
        f.write(_PYPERF_SHIM)
    env = dict(os.environ, PYTHONPATH=shim_dir, NUITKA_BENCH_REPEAT=str(args.repeat))

    variants = [("compiled", ())] + ([("lto", ("--lto=yes",))] if args.lto else [])
    ratios = {name: [] for name, _ in variants}
    header = "%-18s %12s %12s %8s" % ("benchmark", "cpython s", "compiled s", "ratio")
    if args.lto:
        header += " %12s %8s" % ("lto s", "ratio")
    print(header)
    for name in args.names or DEFAULT_BENCHMARKS:
        bench_src = os.path.join(source_root, "bm_" + name)
        if not os.path.isdir(bench_src):
            print("%-18s not found in pyperformance" % name)
            continue
        bench_dir = os.path.join(work, name)
        shutil.rmtree(bench_dir, ignore_errors=True)
        shutil.copytree(bench_src, bench_dir)
        script = os.path.join(bench_dir, "run_benchmark.py")
        commands = [("cpython", [sys.executable, script])]
        failed = None
        for variant, extra in variants:
            binary, failed = compile_benchmark(script, os.path.join(bench_dir, variant), extra)
            if binary is None:
                break
            commands.append((variant, [binary]))
        if failed is not None:
            print("%-18s compile failed: %s" % (name, failed))
            continue
        # Interleaved: every round runs each variant once, so drifts of the
        # machine's speed hit all of them alike.
        timings = {variant: {} for variant, _ in commands}
        try:
            for _ in range(args.rounds):
                for variant, command in commands:
                    for key, seconds in run_timed(command, env, bench_dir).items():
                        timings[variant].setdefault(key, []).append(seconds)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print("%-18s run failed: %s" % (name, e))
            continue
        for key, cpython_times in timings["cpython"].items():
            base = median(cpython_times)
            line = "%-18s %12.4g" % (key, base)
            for variant, _ in variants:
                mine = median(timings[variant].get(key) or [float("nan")])
                ratio = base / mine
                ratios[variant].append((key, ratio))
                line += " %12.4g %8.2f" % (mine, ratio)
            print(line)
        sys.stdout.flush()
    if ratios["compiled"]:
        line = "%-18s %12s" % ("geometric mean", "")
        for variant, _ in variants:
            line += " %12s %8.2f" % ("", geometric_mean([r for _, r in ratios[variant]]))
        print(line + "  (%d benchmarks, %d rounds)" % (len(ratios["compiled"]), args.rounds))
        # Issue 11's yardstick is the mean over the 15 without coroutines.
        if any(key == "coroutines" for key, _ in ratios["compiled"]) and len(ratios["compiled"]) > 1:
            line = "%-18s %12s" % ("  without coroutines", "")
            for variant, _ in variants:
                line += " %12s %8.2f" % ("", geometric_mean([r for k, r in ratios[variant] if k != "coroutines"]))
            print(line)
        slow = ["%s %.2f" % (key, r) for key, r in ratios["compiled"] if r < 1.0]
        if slow:
            print("compiled below 1.0: " + ", ".join(slow))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
