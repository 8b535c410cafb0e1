#!/usr/bin/env python3
"""Compile random programs with many scopes nested on each line and compare
them with CPython (the generator is tests/harness/scope_fuzz.py).

    python misc/fuzz_scopes.py --seeds 0:200             # pairing check only
    python misc/fuzz_scopes.py --seeds 0:20 --compile    # also compile and run

Use any Python 3.10-3.13 to run it; failing programs are kept in --keep-dir.
Exit code 1 when a seed failed.
"""

import argparse
import ast
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from harness.scope_fuzz import program  # noqa: E402
from nuitka.frontend.scoping import module_scope_info  # noqa: E402


def seeds(text):
    start, _, end = text.partition(":")
    return range(int(start), int(end)) if end else [int(start)]


def run(command, cwd):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=ROOT)
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


def check(seed, args, keep_dir):
    source = program(seed, statements=args.statements)
    filename = "fuzz%d.py" % seed
    try:
        module_scope_info(source, filename, compile(source, filename, "exec", dont_inherit=True), ast.parse(source))
    except Exception as e:  # noqa: BLE001
        return "pairing: %s: %s" % (type(e).__name__, e), source
    if not args.compile:
        return None, source
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, filename)
        with open(path, "w") as f:
            f.write(source)
        expected = run([sys.executable, filename], tmp)
        rc, out, err = run([sys.executable, "-m", "nuitka", "--remove-output", filename], tmp)
        if rc != 0:
            return "compiler failed:\n" + err[-3000:], source
        actual = run([os.path.join(tmp, "fuzz%d.bin" % seed)], tmp)
        if actual != expected:
            return "output differs:\ncpython %r\ncompiled %r" % (expected, actual), source
    return None, source


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=seeds, default=range(0, 100))
    parser.add_argument("--statements", type=int, default=25)
    parser.add_argument("--compile", action="store_true", help="compile and compare with CPython")
    parser.add_argument("--keep-dir", default=os.path.join(tempfile.gettempdir(), "fuzz-scopes-failures"))
    args = parser.parse_args()
    failures = 0
    started = time.monotonic()
    for seed in args.seeds:
        error, source = check(seed, args, args.keep_dir)
        if error:
            failures += 1
            os.makedirs(args.keep_dir, exist_ok=True)
            kept = os.path.join(args.keep_dir, "fuzz%d.py" % seed)
            with open(kept, "w") as f:
                f.write(source)
            print("seed %d FAILED (%s): %s" % (seed, kept, error))
    print("%s: %d seeds, %d failures, %.0f s" % (sys.version.split()[0], len(args.seeds), failures, time.monotonic() - started))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
