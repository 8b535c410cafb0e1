#!/usr/bin/env python3
"""Figures of the onefile packer and bootstrap.

    python misc/bench_onefile.py                      # synthetic hello dist
    python misc/bench_onefile.py --dist prog.dist --binary prog.bin
    python misc/bench_onefile.py --overhead           # bootstrap overhead only

Without ``--dist`` a small *working* standalone-like folder is made from the
running CPython (an embedding launcher with ``$ORIGIN`` rpath, the stripped
libpython, the modules start-up needs zipped as bytecode, ``hello.py``), so
start-up can be compared with ``python hello.py``.

Printed: pack time (cold: empty bootstrap cache; warm), folder size and file
count, onefile size, and median start-up times of the folder's binary, the
onefile with a temporary extraction, the onefile from its cache, and
``python hello.py``.  ``--overhead`` times the bootstrap alone with a
synthetic payload (a program that exits at once plus N MB of data).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nuitka.onefile import OnefileSettings, build_onefile  # noqa: E402

LAUNCHER = r"""
#include <Python.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
    char dir[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
    dir[n] = 0;
    *strrchr(dir, '/') = 0;
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.site_import = 0;
    config.write_bytecode = 0;
    wchar_t *home = Py_DecodeLocale(dir, NULL);
    PyConfig_SetString(&config, &config.home, home);
    config.module_search_paths_set = 1;
    wchar_t path[PATH_MAX + 32];
    swprintf(path, PATH_MAX + 32, L"%ls/stdlib.zip", home);
    PyWideStringList_Append(&config.module_search_paths, path);
    swprintf(path, PATH_MAX + 32, L"%ls/hello.py", home);
    PyConfig_SetString(&config, &config.run_filename, path);
    PyConfig_SetBytesArgv(&config, argc, argv);
    PyStatus status = Py_InitializeFromConfig(&config);
    if (PyStatus_Exception(status)) Py_ExitStatusException(status);
    PyConfig_Clear(&config);
    return Py_RunMain();
}
"""

HELLO = 'print("Hello world!")\n'


def run_quiet(cmd, **kwargs):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kwargs)


def make_python_dist(where: Path) -> Path:
    """A relocatable folder that runs hello.py with the running CPython."""
    dist = where / "hello.dist"
    dist.mkdir(parents=True)
    libdir = sysconfig.get_config_var("LIBDIR")
    soname = sysconfig.get_config_var("INSTSONAME")
    if not sysconfig.get_config_var("Py_ENABLE_SHARED") or not soname:
        raise SystemExit("needs a Python built with --enable-shared")
    shutil.copy(os.path.join(libdir, soname), dist / soname)
    run_quiet(["strip", "--strip-unneeded", str(dist / soname)])
    source = where / "launcher.c"
    source.write_text(LAUNCHER)
    include = sysconfig.get_paths()["include"]
    run_quiet(["gcc", "-O2", "-I" + include, str(source), "-o", str(dist / "hello.bin"),
               str(dist / soname), "-Wl,-rpath,$ORIGIN", "-s"])
    (dist / "hello.py").write_text(HELLO)
    # The pure-Python modules start-up imports (besides the frozen ones).
    names = subprocess.run(
        [sys.executable, "-I", "-S", "-c",
         "import sys; print('\\n'.join(n for n, m in sys.modules.items() "
         "if getattr(m, '__file__', None) and not n.startswith('_frozen')))"],
        stdout=subprocess.PIPE, check=True, text=True).stdout.split()
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    with zipfile.PyZipFile(dist / "stdlib.zip", "w", optimize=0) as archive:
        done = set()
        for name in sorted(names):
            top = name.split(".")[0]
            if top in done:
                continue
            done.add(top)
            if (stdlib / top).is_dir():
                archive.writepy(str(stdlib / top))
            elif (stdlib / (top + ".py")).is_file():
                archive.writepy(str(stdlib / (top + ".py")))
    return dist


def timed_runs(cmd, runs, env=None, cwd=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def folder_figures(dist: Path):
    size = count = 0
    for root, _dirs, files in os.walk(dist):
        for name in files:
            count += 1
            size += os.lstat(os.path.join(root, name)).st_size
    return size, count


def pack(dist, binary, output, spec, compression=True, cold=False):
    cache = tempfile.mkdtemp(prefix="bench-cache-") if cold else None
    old = os.environ.get("NUITKA_CACHE_DIR")
    if cache:
        os.environ["NUITKA_CACHE_DIR"] = cache
    start = time.perf_counter()
    try:
        build_onefile(dist, binary, output,
                      OnefileSettings(tempdir_spec=spec, compression=compression))
    finally:
        if cache:
            shutil.rmtree(cache, ignore_errors=True)
            if old is None:
                os.environ.pop("NUITKA_CACHE_DIR")
            else:
                os.environ["NUITKA_CACHE_DIR"] = old
    return time.perf_counter() - start


def bench_dist(dist: Path, binary: str, runs: int, work: Path, python_hello: bool):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(work / "home"), "TMPDIR": str(work / "tmp")}
    os.makedirs(env["HOME"], exist_ok=True)
    os.makedirs(env["TMPDIR"], exist_ok=True)
    temp_bin = work / "temp.bin"
    cached_bin = work / "cached.bin"
    cold = pack(dist, binary, temp_bin, "{TEMP}/onefile_{PID}_{TIME}", cold=True)
    warm = pack(dist, binary, temp_bin, "{TEMP}/onefile_{PID}_{TIME}")
    pack(dist, binary, cached_bin, "{CACHE_DIR}/bench/{PRODUCT}".replace("/{PRODUCT}", ""))
    size, count = folder_figures(dist)
    rows = [
        ("pack time, bootstrap not cached", "%.2f s" % cold),
        ("pack time, bootstrap cached", "%.2f s" % warm),
        ("folder size / files", "%.2f MB / %d" % (size / 1e6, count)),
        ("onefile size", "%.2f MB" % (temp_bin.stat().st_size / 1e6)),
    ]
    subprocess.run([str(cached_bin)], env=env, check=True, stdout=subprocess.DEVNULL)
    rows.append(("start: folder binary", "%.1f ms" % timed_runs([str(dist / binary)], runs, env)))
    rows.append(("start: onefile, temporary", "%.1f ms" % timed_runs([str(temp_bin)], runs, env)))
    rows.append(("start: onefile, cached", "%.1f ms" % timed_runs([str(cached_bin)], runs, env)))
    if python_hello:
        rows.append(("start: python hello.py", "%.1f ms" % timed_runs(
            [sys.executable, "hello.py"], runs, cwd=str(dist))))
    return rows


def bench_overhead(runs: int, work: Path, megabytes: int):
    dist = work / "overhead.dist"
    dist.mkdir()
    source = work / "true.c"
    source.write_text("int main(void) { return 0; }\n")
    run_quiet(["gcc", "-O2", "-s", str(source), "-o", str(dist / "true.bin")])
    # Real shared libraries as data, up to the size asked for.
    total = 0
    for candidate in sorted(Path("/usr/lib/x86_64-linux-gnu").glob("*.so*")):
        if total >= megabytes << 20 or candidate.is_symlink() or not candidate.is_file():
            continue
        size = candidate.stat().st_size
        if 100_000 < size < 4 << 20:
            shutil.copy(candidate, dist / candidate.name)
            total += size
    megabytes = total / 1e6
    files = len(os.listdir(dist))
    return [("payload: %.1f MB of libraries, %d files" % (megabytes, files), "")] + bench_dist(
        dist, "true.bin", runs, work, python_hello=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path)
    parser.add_argument("--binary", default="hello.bin")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--overhead", action="store_true")
    parser.add_argument("--megabytes", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-onefile-"))
    try:
        if args.overhead:
            rows = bench_overhead(args.runs, work, args.megabytes)
        else:
            dist = args.dist or make_python_dist(work)
            rows = bench_dist(dist, args.binary, args.runs, work, python_hello=args.dist is None)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print("%-*s  %s" % (width, name, value))


if __name__ == "__main__":
    main()
