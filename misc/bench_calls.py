#!/usr/bin/env python3
"""Call overhead of compiled functions, in instructions per call.

Usage::

    PYTHONPATH=<checkout> python3 misc/bench_calls.py [--python PY] [--case NAME ...]

Compiles one program (CALLS_PROGRAM below) with ``python -m nuitka`` and
runs every case under ``valgrind --tool=callgrind`` twice, with N1 and N2
iterations of the case's loop, compiled and uncompiled; the figure is
(Ir(N2) - Ir(N1)) / (N2 - N1): instructions per iteration (the call plus
the loop around it), independent of start-up and of other jobs on the
machine. Needs valgrind (``perf stat -e instructions`` is not available in
containers without perf events).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

CALLS_PROGRAM = r'''
import sys


def f0():
    return 1


def f1(a):
    return a


def f2(a, b):
    return a


def f3(a, b, c):
    return a


def fdef(a, b=2, c=3):
    return a


def fkw(a, *, b=2):
    return a


def fstar(*args):
    return args


def make_closure():
    x = 1

    def inner(a):
        return a + x

    return inner


closure = make_closure()


class C:
    def meth(self, a):
        return a


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def run(case, n):
    obj = C()
    if case == "call0":
        for _ in range(n):
            f0()
    elif case == "call1":
        for _ in range(n):
            f1(1)
    elif case == "call2":
        for _ in range(n):
            f2(1, 2)
    elif case == "call3":
        for _ in range(n):
            f3(1, 2, 3)
    elif case == "defaults":
        for _ in range(n):
            fdef(1)
    elif case == "keywords":
        for _ in range(n):
            f2(1, b=2)
    elif case == "kwonly":
        for _ in range(n):
            fkw(1, b=3)
    elif case == "star":
        for _ in range(n):
            fstar(1, 2)
    elif case == "method":
        for _ in range(n):
            obj.meth(1)
    elif case == "closure":
        for _ in range(n):
            closure(1)
    elif case == "fib":
        # fib(k) makes 2 * fib(k + 1) - 1 calls: n is rounded to that.
        k = 1
        while 2 * _fibv(k + 2) - 1 <= n:
            k += 1
        fib(k)
    elif case == "interp_calls":
        # Uncompiled code (exec) calling a compiled function.
        exec("for _ in range(n):\n    f1(1)\n", {"f1": f1, "n": n})
    elif case == "interp_only":
        # Uncompiled code calling an uncompiled function (costs of the
        # interpreter hooks, if any, on code that is not compiled).
        exec("def g(a):\n    return a\nfor _ in range(n):\n    g(1)\n", {"n": n})
    else:
        raise SystemExit("unknown case " + case)


def _fibv(k):
    a, b = 0, 1
    for _ in range(k):
        a, b = b, a + b
    return a


run(sys.argv[1], int(sys.argv[2]))
'''

CASES = ["call0", "call1", "call2", "call3", "defaults", "keywords", "kwonly", "star", "method",
         "closure", "fib", "interp_calls", "interp_only"]
N1, N2 = 20000, 120000


def fib_calls(n):
    def fibv(k):
        a, b = 0, 1
        for _ in range(k):
            a, b = b, a + b
        return a

    k = 1
    while 2 * fibv(k + 2) - 1 <= n:
        k += 1
    return 2 * fibv(k + 1) - 1


def instructions(cmd):
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True).stderr
    match = re.search(r"Collected : (\d+)", out) or re.search(r"I\s+refs:\s+([\d,]+)", out)
    return int(match.group(1).replace(",", ""))


def per_call(cmd, case):
    n1, n2 = N1, N2
    if case == "fib":
        n1, n2 = fib_calls(N1), fib_calls(N2)
    low = instructions(cmd + [case, str(N1)])
    high = instructions(cmd + [case, str(N2)])
    return (high - low) / (n2 - n1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--case", action="append", choices=CASES)
    args = parser.parse_args()
    cases = args.case or CASES
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_calls: error: valgrind is needed")
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "calls.py")
        with open(prog, "w") as f:
            f.write(CALLS_PROGRAM)
        subprocess.run([args.python, "-m", "nuitka", "--output-dir=" + tmp, prog], check=True,
                       stdout=subprocess.DEVNULL)
        binary = os.path.join(tmp, "calls.bin")
        print(f"{'case':14} {'CPython':>9} {'compiled':>9} {'ratio':>6}   (instructions per iteration)")
        for case in cases:
            cpy = per_call([args.python, prog], case)
            comp = per_call([binary], case)
            print(f"{case:14} {cpy:9.0f} {comp:9.0f} {comp / cpy:6.2f}", flush=True)


if __name__ == "__main__":
    main()
