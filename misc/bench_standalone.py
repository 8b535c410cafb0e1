#!/usr/bin/env python3
"""Figures of --standalone and --onefile for a hello world and a program
using json, argparse, asyncio, sqlite3, decimal, ssl and ctypes.

    python misc/bench_standalone.py [--runs N] [--keep DIR]

For each program: build time with an empty cache (``NUITKA_CACHE_DIR`` a new
folder: the C runtime and the onefile bootstrap are compiled too) and with
warm caches but a new program (a unique line appended, so its module is a
cache miss); folder size and file count; onefile size; median start-up time
of the standalone binary, the onefile with a temporary extraction and with
a cached one (``--onefile-tempdir-spec={CACHE_DIR}/...``), and
``python prog.py``.  Run it on a quiet machine: it is CPU bound.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from nuitka.standalone.dist_folder import folder_stats  # noqa: E402 (after the path)
PROGRAMS = ROOT / "tests" / "standalone" / "programs"


def build(src_dir, program, out, cache, extra=()):
    env = dict(os.environ, NUITKA_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "nuitka", "--output-dir=%s" % out, "--remove-output", *extra, program],
                   cwd=str(src_dir), env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def median_start(command, runs, env=None):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.monotonic() - start)
    return statistics.median(times)


def bench(name, work, runs):
    src = work / ("src-" + name)
    shutil.copytree(PROGRAMS, src)
    program = name + ".py"
    cold_cache = work / ("cache-cold-" + name)
    out = work / ("out-" + name)
    row = {}
    row["standalone build, cold cache"] = "%.1f s" % build(src, program, out, cold_cache, ["--standalone"])
    # Warm caches, new program: one more line changes the module.
    with open(src / program, "a") as f:
        f.write("\nprint(end='')  # %s\n" % time.time())
    shutil.rmtree(out)
    row["standalone build, warm cache, new program"] = "%.1f s" % build(src, program, out, cold_cache, ["--standalone"])
    dist = out / (name + ".dist")
    count, size = folder_stats(dist)
    row["folder size, files"] = "%.1f MB, %d" % (size / 1e6, count)
    # (The first onefile build also compiles the bootstrap into the cache.)
    cached_out = work / ("onefile-cached-" + name)
    spec = "--onefile-tempdir-spec=%s/extract-%s" % (work, name)
    build(src, program, cached_out, cold_cache, ["--onefile", spec])
    cached = cached_out / (name + ".bin")
    onefile_out = work / ("onefile-" + name)
    row["onefile build, warm cache"] = "%.1f s" % build(src, program, onefile_out, cold_cache, ["--onefile"])
    onefile = onefile_out / (name + ".bin")
    row["onefile size"] = "%.2f MB" % (os.path.getsize(onefile) / 1e6)
    subprocess.run([str(cached)], check=True, stdout=subprocess.DEVNULL)
    binary = dist / (name + ".bin")
    row["start: standalone"] = "%.0f ms" % (1000 * median_start([str(binary)], runs))
    row["start: onefile, temporary"] = "%.0f ms" % (1000 * median_start([str(onefile)], runs))
    row["start: onefile, cached"] = "%.0f ms" % (1000 * median_start([str(cached)], runs))
    row["start: python prog.py"] = "%.0f ms" % (1000 * median_start([sys.executable, str(src / program)], runs))
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-standalone-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = {name: bench(name, work, args.runs) for name in ("hello", "stdlib_user")}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("Python %s, %d runs per start-up figure (median)" % (sys.version.split()[0], args.runs))
    names = list(rows)
    width = max(len(k) for k in rows[names[0]])
    print("%-*s  %-14s  %s" % (width, "figure", names[0], names[1]))
    for key in rows[names[0]]:
        print("%-*s  %-14s  %s" % (width, key, rows[names[0]][key], rows[names[1]][key]))


if __name__ == "__main__":
    main()
