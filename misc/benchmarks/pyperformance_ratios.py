#!/usr/bin/env python3
"""Compile pyperformance's pure-Python benchmarks and print speed ratios.

    python3 -m pip install pyperformance     # once (it brings the benchmarks)
    python3 misc/benchmarks/pyperformance_ratios.py [--repeat 5] [names...]

For each benchmark, its ``run_benchmark.py`` is compiled with this compiler
(accelerated mode) and both the compiled program and ``python
run_benchmark.py`` are run with a small stand-in for the ``pyperf`` module
(see ``_PYPERF_SHIM``): it times the benchmark function in-process, best of
``--repeat`` runs of a calibrated loop count, so the interpreter and the
compiled program are measured the same way, one after the other. pyperf
itself would spawn worker processes running the *source* file.

Prints one line per benchmark with seconds per call under CPython, compiled,
and the ratio CPython/compiled (above 1.0: compiled is faster), then the
geometric mean. A benchmark that fails to compile or run is reported as
such and left out of the mean.
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
DEFAULT_BENCHMARKS = [
    "chaos",
    "comprehensions",
    "coroutines",
    "deltablue",
    "fannkuch",
    "float",
    "generators",
    "go",
    "hexiom",
    "nbody",
    "nqueens",
    "raytrace",
    "richards",
    "spectral_norm",
    "unpack_sequence",
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="benchmarks (default: %s)" % " ".join(DEFAULT_BENCHMARKS))
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions, best is kept")
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

    ratios = []
    print("%-18s %12s %12s %8s" % ("benchmark", "cpython s", "compiled s", "ratio"))
    for name in args.names or DEFAULT_BENCHMARKS:
        bench_src = os.path.join(source_root, "bm_" + name)
        if not os.path.isdir(bench_src):
            print("%-18s not found in pyperformance" % name)
            continue
        bench_dir = os.path.join(work, name)
        shutil.rmtree(bench_dir, ignore_errors=True)
        shutil.copytree(bench_src, bench_dir)
        script = os.path.join(bench_dir, "run_benchmark.py")
        compiled = os.path.join(bench_dir, "run_benchmark.bin")
        build = subprocess.run(
            [sys.executable, "-m", "nuitka", "--output-dir=" + bench_dir, script],
            capture_output=True,
            text=True,
        )
        if build.returncode != 0:
            print("%-18s compile failed: %s" % (name, build.stderr.strip().splitlines()[-1:]))
            continue
        try:
            cpython = run_timed([sys.executable, script], env, bench_dir)
            nuitka = run_timed([compiled], env, bench_dir)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print("%-18s run failed: %s" % (name, e))
            continue
        for key in cpython:
            if key not in nuitka:
                continue
            ratio = cpython[key] / nuitka[key]
            ratios.append(ratio)
            print("%-18s %12.6f %12.6f %8.2f" % (key, cpython[key], nuitka[key], ratio))
        sys.stdout.flush()
    if ratios:
        mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("%-18s %12s %12s %8.2f  (geometric mean of %d)" % ("all", "", "", mean, len(ratios)))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
