"""Tests of the build stage (nuitka/build): compile hand-written C through build().

The real runtime folder (nuitka/runtime) changes while the compiler is being
written, so these tests point ``BuildSpec.runtime_dir`` at small runtimes
made in a temporary folder, and ``NUITKA_CACHE_DIR`` at a temporary cache.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from nuitka.build import cache  # noqa: E402
from nuitka.build import compiler as compiler_module  # noqa: E402
from nuitka.build.builder import build, get_object_pairs  # noqa: E402
from nuitka.build.compiler import detect_compiler, get_python_info  # noqa: E402
from nuitka.build.errors import BuildError  # noqa: E402
from nuitka.build.runtime import (  # noqa: E402
    RUNTIME_LIBRARY_NAME,
    ensure_runtime_library,
)
from nuitka.build.spec import BuildSpec  # noqa: E402

pytestmark = pytest.mark.compiles

HELLO_C = r"""
#include <Python.h>
#include <stdio.h>

int main(int argc, char **argv) {
    Py_Initialize();
    PyRun_SimpleString("print('hi')");
    Py_Finalize();
#ifdef GREETING
    printf("%s\n", GREETING);
#endif
#ifdef FROM_ENV
    printf("from env %d\n", FROM_ENV);
#endif
    return 0;
}
"""

ANSWER_C = r"""
#include <Python.h>
#include "nuitka/answer.h"

int main(int argc, char **argv) {
    Py_Initialize();
    PyRun_SimpleString("print('hi')");
    Py_Finalize();
    printf("answer %d\n", nuitka_test_answer());
    return 0;
}
"""

MODULE_C = r"""
#include <Python.h>

static PyObject *hello(PyObject *self, PyObject *unused) {
    return PyUnicode_FromString("hello from C");
}

static PyMethodDef methods[] = {{"hello", hello, METH_NOARGS, NULL}, {NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "mymod", NULL, -1, methods};

PyMODINIT_FUNC PyInit_mymod(void) { return PyModule_Create(&def); }
"""


def make_runtime(folder: Path, answer: int = None) -> Path:
    """A runtime folder; with ``answer`` it has one C file and one header."""
    include = folder / "include" / "nuitka"
    include.mkdir(parents=True, exist_ok=True)
    if answer is not None:
        (include / "answer.h").write_text(
            "#define NUITKA_TEST_ANSWER_VALUE %d\nint nuitka_test_answer(void);\n" % answer
        )
        (folder / "answer.c").write_text(
            '#include "nuitka/answer.h"\n'
            "__attribute__((visibility(\"default\")))\n"
            "int nuitka_test_answer(void) { return NUITKA_TEST_ANSWER_VALUE; }\n"
        )
    return folder


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Every test gets its own cache folder and a clean compiler environment."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("NUITKA_CACHE_DIR", str(cache_dir))
    for name in ("CC", "CCFLAGS", "LDFLAGS", "NUITKA_CCACHE_BINARY", "SCONSFLAGS"):
        monkeypatch.delenv(name, raising=False)
    return cache_dir


@pytest.fixture
def empty_runtime(tmp_path):
    return make_runtime(tmp_path / "runtime-empty")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def make_spec(tmp_path, sources, runtime_dir, **kwargs):
    kwargs.setdefault("output_path", tmp_path / "out" / "prog.bin")
    return BuildSpec(
        build_dir=tmp_path / "prog.build",
        c_sources=sources,
        runtime_dir=runtime_dir,
        jobs=kwargs.pop("jobs", 2),
        **kwargs,
    )


def run(path, cwd=None):
    return subprocess.run(
        [str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=cwd, timeout=60,
    )


def commands_run(build_dir: Path):
    report = json.loads((build_dir / "nuitka-scons-report.json").read_text())
    return report["commands"]


# --- basic builds -----------------------------------------------------------


def test_hello_exe_runs(tmp_path, empty_runtime):
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    spec = make_spec(tmp_path, [source], empty_runtime)

    result = build(spec)

    assert result == spec.output_path.absolute()
    assert os.access(result, os.X_OK)
    completed = run(result, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "hi\n"
    # Source inside build_dir: object next to it, relative names on the command line.
    assert (tmp_path / "prog.build" / "hello.o").is_file()
    compile_command = [c for c in commands_run(spec.build_dir) if "-c" in c][0]
    assert "hello.c" in compile_command
    # No temporary files are left next to the output.
    assert sorted(os.listdir(result.parent)) == ["prog.bin"]


def test_unchanged_rebuild_runs_nothing(tmp_path, empty_runtime):
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    spec = make_spec(tmp_path, [source], empty_runtime)
    build(spec)
    assert len(commands_run(spec.build_dir)) == 2  # compile + link
    obj = tmp_path / "prog.build" / "hello.o"
    obj_mtime = obj.stat().st_mtime_ns

    time.sleep(0.01)
    result = build(spec)
    assert commands_run(spec.build_dir) == []
    assert obj.stat().st_mtime_ns == obj_mtime
    assert run(result).stdout == "hi\n"

    # Code generation rewrites files with identical content: still nothing to do.
    time.sleep(0.01)
    source.write_text(HELLO_C)
    build(spec)
    assert commands_run(spec.build_dir) == []
    assert obj.stat().st_mtime_ns == obj_mtime


def test_changed_source_recompiles_only_it(tmp_path, empty_runtime):
    one = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    two = write(tmp_path / "prog.build" / "other.c", "int other_function(void) { return 1; }\n")
    spec = make_spec(tmp_path, [one, two], empty_runtime)
    build(spec)

    two.write_text("int other_function(void) { return 2; }\n")
    build(spec)
    commands = commands_run(spec.build_dir)
    compiled = [c[-1] for c in commands if "-c" in c]
    assert compiled == ["other.c"]
    assert len(commands) == 2  # one compile, one link


def test_local_header_change_recompiles(tmp_path, empty_runtime):
    write(tmp_path / "prog.build" / "local.h", '#define GREETING "one"\n')
    source = write(tmp_path / "prog.build" / "hello.c", '#include "local.h"\n' + HELLO_C)
    spec = make_spec(tmp_path, [source], empty_runtime)
    assert run(build(spec)).stdout == "hi\none\n"

    write(tmp_path / "prog.build" / "local.h", '#define GREETING "two"\n')
    assert run(build(spec)).stdout == "hi\ntwo\n"


def test_source_outside_build_dir(tmp_path, empty_runtime):
    source = write(tmp_path / "elsewhere" / "hello.c", HELLO_C)
    spec = make_spec(tmp_path, [source], empty_runtime)
    assert run(build(spec)).stdout == "hi\n"
    assert len(list((spec.build_dir / "_objects").glob("hello-*.o"))) == 1


def test_output_does_not_depend_on_build_dir_location(tmp_path, empty_runtime):
    outputs = []
    for name in ("one", "a-longer-folder-name"):
        source = write(tmp_path / name / "x.build" / "hello.c", HELLO_C)
        spec = BuildSpec(
            build_dir=tmp_path / name / "x.build",
            c_sources=[source],
            output_path=tmp_path / name / "x.bin",
            runtime_dir=empty_runtime,
        )
        outputs.append(build(spec).read_bytes())
    assert outputs[0] == outputs[1]


def test_object_pairs_are_relative_inside_build_dir(tmp_path):
    build_dir = tmp_path / "b"
    pairs = get_object_pairs(
        [build_dir / "module.foo.c", build_dir / "sub" / "x.c", tmp_path / "y.c"], build_dir
    )
    assert pairs[0] == ("module.foo.c", "module.foo.o")
    assert pairs[1] == ("sub/x.c", "sub/x.o")
    assert pairs[2][0] == str((tmp_path / "y.c").resolve())
    assert pairs[2][1].startswith("_objects/y-")


def test_defines_with_quotes_in_folder_with_spaces(tmp_path, empty_runtime):
    folder = tmp_path / "a folder with spaces $HOME"
    source = write(folder / "prog.build" / "hello.c", HELLO_C)
    spec = BuildSpec(
        build_dir=folder / "prog.build",
        c_sources=[source],
        output_path=folder / "my prog.bin",
        runtime_dir=empty_runtime,
        defines={"GREETING": '"hello, quoted $world \\"x\\""'},
    )
    completed = run(build(spec))
    assert completed.stdout == 'hi\nhello, quoted $world "x"\n', completed.stderr


def test_env_ccflags_and_ldflags_are_used(tmp_path, empty_runtime, monkeypatch):
    monkeypatch.setenv("CCFLAGS", "-DFROM_ENV=7")
    monkeypatch.setenv("LDFLAGS", "-Wl,-z,now")
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    spec = make_spec(tmp_path, [source], empty_runtime)
    assert run(build(spec)).stdout == "hi\nfrom env 7\n"
    link_command = [c for c in commands_run(spec.build_dir) if "-c" not in c][0]
    assert link_command[-1] == "-Wl,-z,now"


def test_module_target_imports(tmp_path, empty_runtime):
    source = write(tmp_path / "mymod.build" / "mymod.c", MODULE_C)
    output = tmp_path / "out" / ("mymod" + sysconfig.get_config_var("EXT_SUFFIX"))
    spec = BuildSpec(
        build_dir=tmp_path / "mymod.build",
        c_sources=[source],
        output_path=output,
        target="module",
        runtime_dir=empty_runtime,
    )
    assert build(spec) == output
    completed = subprocess.run(
        [sys.executable, "-c", "import mymod; print(mymod.hello())"],
        cwd=str(output.parent), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, timeout=60,
    )
    assert completed.stdout == "hello from C\n", completed.stderr
    link_command = [c for c in commands_run(spec.build_dir) if "-c" not in c][0]
    assert "-shared" in link_command
    assert not any("libpython" in arg for arg in link_command)


def test_lto_yes(tmp_path):
    runtime = make_runtime(tmp_path / "runtime", answer=42)
    source = write(tmp_path / "prog.build" / "main.c", ANSWER_C)
    spec = make_spec(tmp_path, [source], runtime, lto="yes")
    assert run(build(spec)).stdout == "hi\nanswer 42\n"
    link_command = [c for c in commands_run(spec.build_dir) if "-c" not in c][0]
    assert any(arg.startswith("-flto") for arg in link_command)


def test_show_scons_prints_commands(tmp_path, empty_runtime, capfd):
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    build(make_spec(tmp_path, [source], empty_runtime, show_scons=True))
    out, _err = capfd.readouterr()
    assert "-m SCons" in out or "scons" in out.lower()
    assert " -c -o hello.o hello.c" in out


def test_quiet_build_prints_nothing(tmp_path, empty_runtime, capfd):
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    build(make_spec(tmp_path, [source], empty_runtime))
    out, err = capfd.readouterr()
    assert out == "" and err == ""


# --- the runtime library and its cache ---------------------------------------


def test_runtime_library_is_cached_and_keyed_by_content(tmp_path, isolated_cache):
    runtime = make_runtime(tmp_path / "runtime", answer=42)
    source = write(tmp_path / "prog.build" / "main.c", ANSWER_C)
    spec = make_spec(tmp_path, [source], runtime)
    assert run(build(spec)).stdout == "hi\nanswer 42\n"

    libraries = list(isolated_cache.glob("runtime/*/" + RUNTIME_LIBRARY_NAME))
    assert len(libraries) == 1
    library_mtime = libraries[0].stat().st_mtime_ns
    assert list(isolated_cache.glob("runtime/tmp-*")) == []

    # Another program build with the same runtime uses the cached library.
    other = make_spec(tmp_path / "second", [source], runtime)
    assert run(build(other)).stdout == "hi\nanswer 42\n"
    assert libraries[0].stat().st_mtime_ns == library_mtime
    assert list(isolated_cache.glob("runtime/*/" + RUNTIME_LIBRARY_NAME)) == libraries

    # A runtime header change gives a new library and recompiles the program.
    make_runtime(runtime, answer=43)
    assert run(build(spec)).stdout == "hi\nanswer 43\n"
    assert len(list(isolated_cache.glob("runtime/*/" + RUNTIME_LIBRARY_NAME))) == 2
    assert any("-c" in c for c in commands_run(spec.build_dir))


def test_runtime_c_change_relinks_without_recompiling(tmp_path, isolated_cache):
    runtime = make_runtime(tmp_path / "runtime", answer=42)
    source = write(tmp_path / "prog.build" / "main.c", ANSWER_C)
    spec = make_spec(tmp_path, [source], runtime)
    assert run(build(spec)).stdout == "hi\nanswer 42\n"

    (runtime / "answer.c").write_text(
        '#include "nuitka/answer.h"\n'
        'int nuitka_test_answer(void) { return NUITKA_TEST_ANSWER_VALUE + 100; }\n'
    )
    assert run(build(spec)).stdout == "hi\nanswer 142\n"
    commands = commands_run(spec.build_dir)
    assert len(commands) == 1 and "-c" not in commands[0]  # only the link


def test_runtime_key_depends_on_ccflags(tmp_path, isolated_cache, monkeypatch):
    runtime = make_runtime(tmp_path / "runtime", answer=1)
    compiler = detect_compiler()
    python = get_python_info()
    first = ensure_runtime_library(runtime, compiler, python, lto=False, jobs=1)
    monkeypatch.setenv("CCFLAGS", "-DSOMETHING")
    second = ensure_runtime_library(runtime, compiler, python, lto=False, jobs=1)
    third = ensure_runtime_library(runtime, compiler, python, lto=True, jobs=1)
    assert len({first.key, second.key, third.key}) == 3
    assert first.library != second.library


def test_concurrent_runtime_builds_share_one_library(tmp_path, isolated_cache):
    runtime = make_runtime(tmp_path / "runtime", answer=7)
    compiler = detect_compiler()
    python = get_python_info()
    results, errors = [], []

    def worker():
        try:
            results.append(ensure_runtime_library(runtime, compiler, python, False, 1))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len({r.library for r in results}) == 1
    assert results[0].library.is_file()
    assert list(isolated_cache.glob("runtime/tmp-*")) == []


def test_runtime_compile_error(tmp_path, isolated_cache, capfd):
    runtime = make_runtime(tmp_path / "runtime")
    (runtime / "broken.c").write_text("int broken(void) { return }\n")
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    spec = make_spec(tmp_path, [source], runtime)
    with pytest.raises(BuildError, match="runtime failed .*broken.c"):
        build(spec)
    assert not spec.output_path.exists()
    assert list(isolated_cache.glob("runtime/*/" + RUNTIME_LIBRARY_NAME)) == []
    assert list(isolated_cache.glob("runtime/tmp-*")) == []
    assert "broken.c" in capfd.readouterr().err


# --- failures -----------------------------------------------------------------


def test_c_syntax_error_raises_and_leaves_no_output(tmp_path, empty_runtime, capfd):
    source = write(tmp_path / "prog.build" / "broken.c", "int main(void) { return 0 }\n")
    spec = make_spec(tmp_path, [source], empty_runtime)
    write(spec.output_path, "old output")

    with pytest.raises(BuildError) as info:
        build(spec)

    message = str(info.value)
    assert message.startswith("C compilation failed")
    assert "broken.c" in message
    assert "\n" not in message
    assert not spec.output_path.exists()
    assert os.listdir(spec.output_path.parent) == []
    err = capfd.readouterr().err
    assert "error" in err and "broken.c" in err  # the compiler's own message


def test_link_error_raises(tmp_path, empty_runtime):
    source = write(
        tmp_path / "prog.build" / "main.c",
        "int missing_function(void);\nint main(void) { return missing_function(); }\n",
    )
    spec = make_spec(tmp_path, [source], empty_runtime)
    with pytest.raises(BuildError, match="C compilation failed .*linking"):
        build(spec)
    assert not spec.output_path.exists()


def test_missing_compiler(tmp_path, empty_runtime, monkeypatch):
    monkeypatch.setenv("CC", "/nonexistent")
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    spec = make_spec(tmp_path, [source], empty_runtime)
    write(spec.output_path, "old output")
    with pytest.raises(BuildError, match="^No C compiler found.*apt-get install gcc"):
        build(spec)
    assert not spec.output_path.exists()


def test_no_compiler_on_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(BuildError, match="^No C compiler found: install gcc"):
        detect_compiler()


@pytest.mark.skipif(shutil.which("clang") is not None, reason="clang is installed")
def test_missing_clang(tmp_path, empty_runtime):
    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    with pytest.raises(BuildError, match="clang"):
        build(make_spec(tmp_path, [source], empty_runtime, clang=True))


def test_missing_python_headers(tmp_path, monkeypatch):
    real_get_paths = sysconfig.get_paths

    def fake_get_paths(*args, **kwargs):
        paths = dict(real_get_paths(*args, **kwargs))
        paths["include"] = paths["platinclude"] = str(tmp_path / "no-include")
        return paths

    monkeypatch.setattr(sysconfig, "get_paths", fake_get_paths)
    compiler_module._get_python_info_cached.cache_clear()
    try:
        with pytest.raises(BuildError, match="Python development headers"):
            get_python_info()
    finally:
        compiler_module._get_python_info_cached.cache_clear()


def test_ccache_from_env_is_used(tmp_path, empty_runtime, monkeypatch):
    log = tmp_path / "ccache.log"
    fake = write(
        tmp_path / "bin" / "fake-ccache",
        '#!/bin/sh\necho "$@" >> "%s"\nexec "$@"\n' % log,
    )
    fake.chmod(0o755)
    monkeypatch.setenv("NUITKA_CCACHE_BINARY", str(fake))
    assert detect_compiler().ccache == str(fake)

    source = write(tmp_path / "prog.build" / "hello.c", HELLO_C)
    assert run(build(make_spec(tmp_path, [source], empty_runtime))).stdout == "hi\n"
    assert "hello.c" in log.read_text()  # compiles went through ccache


def test_ccache_can_be_disabled(monkeypatch):
    monkeypatch.setenv("NUITKA_CCACHE_BINARY", "none")
    assert detect_compiler().ccache is None


def test_bad_spec_values_are_rejected(tmp_path):
    with pytest.raises(ValueError):
        BuildSpec(tmp_path, [], tmp_path / "x", target="dll")
    with pytest.raises(ValueError):
        BuildSpec(tmp_path, [], tmp_path / "x", lto="maybe")


# --- cache folder -------------------------------------------------------------


def test_cache_dir_and_clean(tmp_path, isolated_cache, monkeypatch):
    assert cache.get_cache_dir() == isolated_cache
    runtime_cache = cache.get_cache_subdir("runtime")
    (runtime_cache / "x").write_text("x")
    assert cache.clean_cache("runtime") == [runtime_cache]
    assert not runtime_cache.exists()
    cache.get_cache_subdir("runtime")
    assert cache.clean_cache("all") == [isolated_cache]
    assert not isolated_cache.exists()
    with pytest.raises(ValueError):
        cache.clean_cache("../etc")

    monkeypatch.delenv("NUITKA_CACHE_DIR")
    assert cache.get_cache_dir().name == "nuitka"


# --- other Python versions ----------------------------------------------------


def _other_pythons():
    try:
        root = subprocess.run(
            ["pyenv", "root"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for minor in ("3.10", "3.11", "3.12", "3.13"):
        candidates = sorted(glob.glob(os.path.join(root, "versions", minor + ".*", "bin", "python")))
        if candidates and "%d.%d" % sys.version_info[:2] != minor:
            found.append(candidates[-1])
    return found


@pytest.mark.parametrize("python", _other_pythons())
def test_hello_with_other_python(tmp_path, empty_runtime, python):
    """The build works under another interpreter; SCons may come from ours."""
    source = write(
        tmp_path / "prog.build" / "hello.c",
        HELLO_C.replace("print('hi')", "import sys; print(sys.executable, sys.version_info[:2])"),
    )
    script = (
        "import sys\n"
        "from nuitka.build.builder import build\n"
        "from nuitka.build.spec import BuildSpec\n"
        "print(build(BuildSpec(build_dir=sys.argv[1], c_sources=[sys.argv[2]],"
        " output_path=sys.argv[3], runtime_dir=sys.argv[4])))\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["NUITKA_SCONS_PYTHON"] = sys.executable
    output = tmp_path / "out" / "prog.bin"
    completed = subprocess.run(
        [python, "-c", script, str(tmp_path / "prog.build"), str(source), str(output),
         str(empty_runtime)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    result = run(output)
    expected_version = subprocess.run(
        [python, "-c", "import sys; print(sys.version_info[:2])"],
        stdout=subprocess.PIPE, text=True, timeout=60,
    ).stdout
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(expected_version), result.stdout
