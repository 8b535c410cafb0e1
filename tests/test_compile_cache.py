"""The compile cache (nuitka/caching): reuse by content hash.

Cache use is read from the compiler's own report (``--report=FILE``, see
nuitka/reports/xml_report.py), never from timings: per module ``code_cache``
(generated C code reused: no frontend/codegen), ``object_cache`` and
``c_compiled`` (whether the C compiler ran for it), and ``<build
c_compiler_runs=...>`` for the whole build.

Every test gets its own NUITKA_CACHE_DIR; the C runtime library is built once
per test module and copied in, so that tests do not recompile it.
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from harness import compile_env, program_env, _run

pytestmark = pytest.mark.compiles

PROGRAM = """\
import sys

def greet(name):
    return "hello %s" % name

print(greet("cache"), VALUE)
print(sys.argv[1:])
"""


def write_program(folder, value="1"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "prog.py"
    path.write_text("VALUE = %s\n" % value + PROGRAM)
    return path


def compile_prog(prog, out_dir, cache_dir, *args, report=True):
    """Compile ``prog`` into ``out_dir``; return (RunResult, report or None)."""
    env = compile_env({"NUITKA_CACHE_DIR": str(cache_dir)})
    report_path = out_dir.parent / (out_dir.name + "-report.xml")
    command = [sys.executable, "-m", "nuitka", "--output-dir=%s" % out_dir]
    if report:
        command.append("--report=%s" % report_path)
    command += list(args) + [prog.name]
    result = _run(command, cwd=prog.parent, env=env, timeout=600)
    parsed = ET.parse(str(report_path)).getroot() if report and report_path.exists() else None
    return result, parsed


def module_status(report, name="__main__"):
    for element in report.iter("module"):
        if element.get("name") == name:
            return element.attrib
    raise AssertionError("module %r not in report" % name)


def c_file_status(report, name):
    for element in report.iter("c_file"):
        if element.get("name") == name:
            return element.attrib
    raise AssertionError("C file %r not in report" % name)


def same_compiler(*reports):
    """Skip when the compiler's sources changed between two compilations
    (someone edited the checkout meanwhile): hits cannot be expected then."""
    hashes = {report.find("cache").get("compiler_hash") for report in reports}
    if len(hashes) != 1:
        pytest.skip("the compiler's sources changed during the test")


def c_compiler_runs(report):
    return int(report.find("build").get("c_compiler_runs"))


def run_binary(out_dir, *args):
    proc = subprocess.run(
        [str(out_dir / "prog.bin"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=program_env(),
        timeout=60,
    )
    return proc.stdout.decode(), proc.returncode


def assert_ok(result):
    assert result.returncode == 0, result.describe()


@pytest.fixture(scope="module")
def shared_runtime(tmp_path_factory):
    base = tmp_path_factory.mktemp("runtime-cache")
    prog = write_program(base / "src")
    result, _ = compile_prog(
        prog, base / "out", base / "cache", "--disable-cache=modules,ccache", report=False
    )
    assert_ok(result)
    return base / "cache" / "runtime"


@pytest.fixture
def cache_dir(tmp_path, shared_runtime):
    cache = tmp_path / "cache"
    shutil.copytree(str(shared_runtime), str(cache / "runtime"), symlinks=True)
    return cache


def test_unchanged_rebuild_reuses_everything(tmp_path, cache_dir):
    prog = write_program(tmp_path / "src")
    out = tmp_path / "out"

    result, first = compile_prog(prog, out, cache_dir)
    report = first
    assert_ok(result)
    assert report.get("completion") == "yes"
    assert module_status(report)["code_cache"] == "miss"
    assert module_status(report)["object_cache"] == "miss"
    assert module_status(report)["c_compiled"] == "yes"
    assert run_binary(out, "x") == ("hello cache 1\n['x']\n", 0)

    # Same output folder: everything from the cache, no C compiler at all.
    result, report = compile_prog(prog, out, cache_dir)
    assert_ok(result)
    same_compiler(first, report)
    status = module_status(report)
    assert status["code_cache"] == "hit", status
    assert status["object_cache"] == "hit", status
    assert status["c_compiled"] == "no", status
    assert c_compiler_runs(report) == 0
    assert run_binary(out) == ("hello cache 1\n[]\n", 0)

    # A fresh output folder (the build folder is gone): still no compiling.
    out2 = tmp_path / "out2"
    result, report = compile_prog(prog, out2, cache_dir, "--remove-output")
    assert_ok(result)
    same_compiler(first, report)
    assert module_status(report)["code_cache"] == "hit"
    assert module_status(report)["c_compiled"] == "no"
    assert c_file_status(report, "__program.c")["object_cache"] == "hit"
    assert c_compiler_runs(report) == 0
    assert not (out2 / "prog.build").exists()
    assert run_binary(out2) == ("hello cache 1\n[]\n", 0)


def test_other_checkout_of_the_compiler_shares_the_cache(tmp_path, cache_dir):
    """Another checkout (a worktree, an install location) of the same
    compiler sources at another path: module code, objects and the C runtime
    library all come from the cache (keys are content-based; the runtime
    folder is mapped by -ffile-prefix-map and masked in object keys)."""
    from harness import REPO_ROOT

    prog = write_program(tmp_path / "src")
    result, first = compile_prog(prog, tmp_path / "out", cache_dir)
    assert_ok(result)

    runtimes = sorted(path.name for path in (cache_dir / "runtime").iterdir())
    checkout = tmp_path / "elsewhere" / "checkout"
    shutil.copytree(str(REPO_ROOT / "nuitka"), str(checkout / "nuitka"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = compile_env({"NUITKA_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(checkout)})
    out = tmp_path / "out2"
    report_path = tmp_path / "out2-report.xml"
    result = _run([sys.executable, "-m", "nuitka", "--output-dir=%s" % out,
                   "--report=%s" % report_path, prog.name], cwd=prog.parent, env=env, timeout=600)
    assert_ok(result)
    report = ET.parse(str(report_path)).getroot()
    # The other checkout's runtime headers were used.
    ccflags = report.find("compiler").find("ccflags").text
    assert str(checkout / "nuitka" / "runtime" / "include") in ccflags, ccflags
    same_compiler(first, report)
    status = module_status(report)
    assert status["code_cache"] == "hit", status
    assert status["object_cache"] == "hit", status
    assert c_file_status(report, "__program.c")["object_cache"] == "hit"
    assert c_compiler_runs(report) == 0
    assert run_binary(out, "x") == ("hello cache 1\n['x']\n", 0)
    # The C runtime library was not compiled again for the other checkout.
    assert sorted(path.name for path in (cache_dir / "runtime").iterdir()) == runtimes


def test_changed_source_is_a_miss(tmp_path, cache_dir):
    prog = write_program(tmp_path / "src")
    out = tmp_path / "out"
    result, first = compile_prog(prog, out, cache_dir)
    assert_ok(result)

    write_program(tmp_path / "src", value="2")
    result, report = compile_prog(prog, out, cache_dir)
    assert_ok(result)
    same_compiler(first, report)
    status = module_status(report)
    assert status["code_cache"] == "miss", status
    assert status["object_cache"] == "miss", status
    assert status["c_compiled"] == "yes", status
    # What did not change is still reused.
    assert c_file_status(report, "__program.c")["c_compiled"] == "no"
    assert run_binary(out) == ("hello cache 2\n[]\n", 0)

    # Back to the first version: its entries are still there.
    write_program(tmp_path / "src", value="1")
    result, report = compile_prog(prog, tmp_path / "out3", cache_dir)
    assert_ok(result)
    same_compiler(first, report)
    assert module_status(report)["code_cache"] == "hit"
    assert c_compiler_runs(report) == 0
    assert run_binary(tmp_path / "out3") == ("hello cache 1\n[]\n", 0)


def test_disable_cache(tmp_path, cache_dir):
    prog = write_program(tmp_path / "src")
    before = sorted(str(p) for p in cache_dir.rglob("*") if "locks" not in p.parts)
    out = tmp_path / "out"
    result, report = compile_prog(prog, out, cache_dir, "--disable-cache")
    assert_ok(result)
    status = module_status(report)
    assert status["code_cache"] == "disabled", status
    assert status["object_cache"] == "disabled", status
    assert status["c_compiled"] == "yes", status
    assert report.find("cache").get("modules") == "disabled"
    assert report.find("cache").get("ccache") == "disabled"
    assert run_binary(out) == ("hello cache 1\n[]\n", 0)
    # Not even the runtime library came from the cache.
    assert list((out / "prog.build" / "_runtime").glob("*/libnuitka_runtime.a"))
    after = sorted(str(p) for p in cache_dir.rglob("*") if "locks" not in p.parts)
    assert before == after


def test_disable_cache_twice(tmp_path, cache_dir):
    prog = write_program(tmp_path / "src")
    for attempt in range(2):
        out = tmp_path / ("out%d" % attempt)
        result, report = compile_prog(prog, out, cache_dir, "--disable-cache=modules,ccache")
        assert_ok(result)
        status = module_status(report)
        assert status["code_cache"] == "disabled", status
        assert status["object_cache"] == "disabled", status
        assert status["c_compiled"] == "yes", status
        assert run_binary(out) == ("hello cache 1\n[]\n", 0)
    assert not (cache_dir / "modules").exists()
    assert not (cache_dir / "ccache").exists()


def test_disable_one_cache_kind(tmp_path, cache_dir):
    prog = write_program(tmp_path / "src")
    result, first = compile_prog(prog, tmp_path / "out1", cache_dir)
    assert_ok(result)
    # No cached C code, but the regenerated C text is identical, so its
    # object still comes from the object cache.
    result, report = compile_prog(prog, tmp_path / "out2", cache_dir, "--disable-cache=modules")
    assert_ok(result)
    same_compiler(first, report)
    status = module_status(report)
    assert status["code_cache"] == "disabled", status
    assert status["object_cache"] == "hit", status
    assert c_compiler_runs(report) == 0
    assert run_binary(tmp_path / "out2") == ("hello cache 1\n[]\n", 0)


def test_clean_cache(tmp_path, cache_dir):
    prog = write_program(tmp_path / "src")
    result, _ = compile_prog(prog, tmp_path / "out", cache_dir)
    assert_ok(result)
    assert list((cache_dir / "modules").rglob("*.entry"))
    assert list((cache_dir / "ccache").rglob("*.entry"))

    env = compile_env({"NUITKA_CACHE_DIR": str(cache_dir)})
    result = _run([sys.executable, "-m", "nuitka", "--clean-cache=modules"], tmp_path, env)
    assert_ok(result)
    assert not (cache_dir / "modules").exists()
    assert list((cache_dir / "ccache").rglob("*.entry"))

    result = _run([sys.executable, "-m", "nuitka", "--clean-cache=all"], tmp_path, env)
    assert_ok(result)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_corrupt_entries_are_misses(tmp_path, cache_dir):
    prog = write_program(tmp_path / "src")
    result, first = compile_prog(prog, tmp_path / "out1", cache_dir)
    assert_ok(result)

    entries = list(cache_dir.glob("modules/*/*.entry")) + list(cache_dir.glob("ccache/*/*.entry"))
    assert len(entries) == 3  # module C code, two objects
    for number, entry in enumerate(entries):
        data = entry.read_bytes()
        if number % 2:
            entry.write_bytes(data[: len(data) // 2])  # truncated
        else:
            flipped = bytes([data[-5] ^ 0xFF])
            entry.write_bytes(data[:-5] + flipped + data[-4:])  # corrupted payload

    result, second = compile_prog(prog, tmp_path / "out2", cache_dir)
    report = second
    assert_ok(result)
    status = module_status(report)
    assert status["code_cache"] == "miss", status
    assert status["object_cache"] == "miss", status
    assert c_file_status(report, "__program.c")["object_cache"] == "miss"
    assert c_compiler_runs(report) == 2
    assert run_binary(tmp_path / "out2") == ("hello cache 1\n[]\n", 0)

    # The bad entries were replaced by good ones.
    result, report = compile_prog(prog, tmp_path / "out3", cache_dir)
    assert_ok(result)
    same_compiler(second, report)
    assert module_status(report)["code_cache"] == "hit"
    assert c_compiler_runs(report) == 0


@pytest.mark.parametrize("same_output", [False, True], ids=["two-outputs", "one-output"])
def test_concurrent_compilations(tmp_path, cache_dir, same_output):
    prog = write_program(tmp_path / "src")
    env = compile_env({"NUITKA_CACHE_DIR": str(cache_dir)})
    outs = [tmp_path / "out"] * 2 if same_output else [tmp_path / "outA", tmp_path / "outB"]
    processes = [
        subprocess.Popen(
            [
                sys.executable, "-m", "nuitka", "--output-dir=%s" % out,
                "--report=%s" % (tmp_path / ("report%d.xml" % number)), prog.name,
            ],
            cwd=str(prog.parent),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for number, out in enumerate(outs)
    ]
    for process in processes:
        output = process.communicate(timeout=600)[0].decode("utf-8", "replace")
        assert process.returncode == 0, output
    for out in outs:
        assert run_binary(out) == ("hello cache 1\n[]\n", 0)

    # Whatever got stored is valid and complete.
    result, report = compile_prog(prog, tmp_path / "out-after", cache_dir)
    assert_ok(result)
    same_compiler(ET.parse(str(tmp_path / "report0.xml")).getroot(), report)
    assert module_status(report)["code_cache"] == "hit"
    assert c_compiler_runs(report) == 0
    assert not list(cache_dir.rglob(".tmp-*"))


def test_killed_compilation_leaves_a_usable_cache(tmp_path, cache_dir):
    import signal
    import time

    prog = write_program(tmp_path / "src")
    env = compile_env({"NUITKA_CACHE_DIR": str(cache_dir)})
    process = subprocess.Popen(
        [sys.executable, "-m", "nuitka", "--output-dir=%s" % (tmp_path / "out"), prog.name],
        cwd=str(prog.parent),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # Kill it (and its SCons and gcc) once the C code is cached, i.e. while
    # the C compiler runs.
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if list(cache_dir.glob("modules/*/*.entry")):
            break
        time.sleep(0.05)
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()

    result, report = compile_prog(prog, tmp_path / "out", cache_dir)
    assert_ok(result)
    assert report.get("completion") == "yes"
    assert run_binary(tmp_path / "out") == ("hello cache 1\n[]\n", 0)
    result, report = compile_prog(prog, tmp_path / "out2", cache_dir)
    assert_ok(result)
    assert run_binary(tmp_path / "out2") == ("hello cache 1\n[]\n", 0)


# -- the store and the keys alone (no compiling) --------------------------------


def test_store_roundtrip_and_verification(tmp_path):
    from nuitka.caching.store import CacheStore

    store = CacheStore(tmp_path / "kind")
    key = "ab" * 32
    assert store.get(key) is None
    assert store.put(key, b"payload", {"x": 1})
    assert store.get(key) == (b"payload", {"x": 1})

    path = store.entry_path(key)
    # An entry copied under another key is not accepted.
    other = "cd" * 32
    store.entry_path(other).parent.mkdir(parents=True)
    shutil.copy(str(path), str(store.entry_path(other)))
    assert store.get(other) is None
    assert not store.entry_path(other).exists()

    path.write_bytes(path.read_bytes()[:-1])
    assert store.get(key) is None
    assert not path.exists()
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".tmp-")]


def test_store_trim(tmp_path):
    from nuitka.caching.store import CacheStore

    store = CacheStore(tmp_path / "kind")
    keys = ["%064x" % number for number in range(4)]
    for number, key in enumerate(keys):
        store.put(key, b"x" * 1000)
        os.utime(str(store.entry_path(key)), (1000 + number, 1000 + number))
    assert store.trim(max_age_days=10 ** 6, max_size_bytes=2500, now=2000) == 2
    assert [store.get(key) is not None for key in keys] == [False, False, True, True]


def test_key_inputs():
    from nuitka.caching.keys import codegen_options_parts, module_code_key
    from nuitka.options import parse_options

    base = module_code_key("m", "/a/m.py", b"x = 1\n")
    assert base == module_code_key("m", "/a/m.py", b"x = 1\n")
    assert base != module_code_key("m", "/a/m.py", b"x = 2\n")
    assert base != module_code_key("n", "/a/m.py", b"x = 1\n")
    assert base != module_code_key("m", "/b/m.py", b"x = 1\n")
    assert base != module_code_key("m", "/a/m.py", b"x = 1\n", (("debug", "True"),))
    assert base != module_code_key("m", "/a/m.py", b"x = 1\n", extra=(("dep", "h"),))

    names = dict(codegen_options_parts(parse_options([__file__])))
    assert "jobs" not in names and "output_dir" not in names
    assert "python_flags" in names and "debug" in names
