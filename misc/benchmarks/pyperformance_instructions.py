#!/usr/bin/env python3
"""Instruction counts of pyperformance benchmarks, compiled against CPython.

    python3 misc/benchmarks/pyperformance_instructions.py [names...]

The repeatable counterpart of ``pyperformance_ratios.py`` (wall-clock
ratios are noise on a shared machine): each benchmark is compiled as there
and run under callgrind with the same pyperf stand-in, once with one timed
call of the benchmark function and once with two (``NUITKA_BENCH_TARGET=0``
makes the loop count 1); the difference of the two counts is the cost of
one call, start-up cancelling out. Prints those instruction counts
under CPython and compiled, their ratio (above 1.0: compiled executes fewer
instructions) and the geometric mean. Needs valgrind; a run takes minutes.
"""

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pyperformance_ratios import _PYPERF_SHIM, DEFAULT_BENCHMARKS, benchmarks_dir  # noqa: E402


def instructions(command, cwd, env, repeat):
    env = dict(env, PYTHONHASHSEED="0", NUITKA_BENCH_REPEAT=str(repeat), NUITKA_BENCH_TARGET="0")
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd, env=env, capture_output=True, text=True,
    )
    match = re.search(r"refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode != 0 or not match:
        raise RuntimeError("%s failed: %s" % (command, proc.stderr.strip()[-300:]))
    return int(match.group(1).replace(",", ""))


def per_call(command, cwd, env):
    return instructions(command, cwd, env, 2) - instructions(command, cwd, env, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="benchmarks (default: %s)" % " ".join(DEFAULT_BENCHMARKS))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed")
    # The real interpreter (pyenv's python3 may be a shell script).
    python = os.path.realpath(sys.executable)
    source_root = benchmarks_dir()
    work = tempfile.mkdtemp(prefix="nuitka-bench-icount-")
    try:
        shim_dir = os.path.join(work, "shim")
        os.makedirs(shim_dir)
        with open(os.path.join(shim_dir, "pyperf.py"), "w") as f:
            f.write(_PYPERF_SHIM)
        env = dict(os.environ, PYTHONPATH=shim_dir)
        ratios = []
        print("%-18s %14s %14s %8s" % ("benchmark", "cpython", "compiled", "ratio"))
        for name in args.names or DEFAULT_BENCHMARKS:
            bench_dir = os.path.join(work, name)
            shutil.copytree(os.path.join(source_root, "bm_" + name), bench_dir)
            script = os.path.join(bench_dir, "run_benchmark.py")
            build = subprocess.run(
                [sys.executable, "-m", "nuitka", "--output-dir=" + bench_dir, script],
                capture_output=True, text=True,
            )
            if build.returncode != 0:
                print("%-18s compile failed: %s" % (name, build.stderr.strip().splitlines()[-1:]))
                continue
            try:
                cpython = per_call([python, script], bench_dir, env)
                compiled = per_call([os.path.join(bench_dir, "run_benchmark.bin")], bench_dir, env)
            except RuntimeError as e:
                print("%-18s run failed: %s" % (name, e))
                continue
            ratios.append(cpython / compiled)
            print("%-18s %14.0f %14.0f %8.2f" % (name, cpython, compiled, cpython / compiled), flush=True)
        if ratios:
            mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
            print("%-18s %14s %14s %8.2f  (geometric mean of %d)" % ("all", "", "", mean, len(ratios)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
