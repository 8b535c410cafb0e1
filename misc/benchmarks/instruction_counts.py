#!/usr/bin/env python3
"""Instructions per operation, compiled against CPython, under callgrind.

    python3 misc/benchmarks/instruction_counts.py [probe...]

Wall-clock ratios are noise on a shared machine; instruction counts are
repeatable. Each probe in ``probes/`` takes a size argument; it is run with
a small and a large size (PYTHONHASHSEED=0), under CPython and compiled
(with the ``nuitka`` on ``sys.path``), and the difference of the two counts
divided by the number of operations the size difference makes is printed:
start-up and compilation of the module cancel out. Needs valgrind.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

#: probe -> (small size, large size, operations per size unit or a function
#: of the size giving the operation count, what an operation is)
PROBES = {
    "unpack_locals": (1, 2001, lambda n: 80 * n, "10-value unpacking"),
    "coroutine_fib": (1, 18, lambda n: _fib_calls(n), "coroutine call"),
}


def _fib_calls(n):
    return 1 if n <= 1 else 1 + _fib_calls(n - 1) + _fib_calls(n - 2)


def instructions(command, cwd):
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd, env=env, capture_output=True, text=True,
    )
    match = re.search(r"refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode != 0 or not match:
        raise RuntimeError("%s failed: %s" % (command, proc.stderr[-500:]))
    return int(match.group(1).replace(",", ""))


def main():
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed")
    names = sys.argv[1:] or sorted(PROBES)
    # The real interpreter (pyenv's python3 is a shell script valgrind would
    # measure instead).
    python = os.path.realpath(sys.executable)
    work = tempfile.mkdtemp(prefix="nuitka-icount-")
    try:
        print("%-16s %14s %14s %8s  per" % ("probe", "cpython", "compiled", "ratio"))
        for name in names:
            small, large, ops, what = PROBES[name]
            source = os.path.join(work, name + ".py")
            shutil.copy(os.path.join(HERE, "probes", name + ".py"), source)
            subprocess.run(
                [sys.executable, "-m", "nuitka", "--remove-output", "--output-dir=" + work, source],
                check=True, capture_output=True,
            )
            binary = os.path.join(work, name + ".bin")
            count = ops(large) - ops(small)
            cpython = (instructions([python, source, str(large)], work)
                       - instructions([python, source, str(small)], work)) / count
            compiled = (instructions([binary, str(large)], work) - instructions([binary, str(small)], work)) / count
            print("%-16s %14.0f %14.0f %8.2f  %s" % (name, cpython, compiled, cpython / compiled, what))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
