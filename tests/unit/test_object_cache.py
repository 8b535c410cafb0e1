"""The object cache keeps each object as soon as its compiler command
succeeded (nuitka/caching/objects.py): a cold build that fails or is
interrupted later (killed: nothing after SCons runs) is warm for what it
compiled."""

import pytest

from nuitka.build import builder
from nuitka.build.errors import BuildError
from nuitka.caching.objects import PREBUILT, ObjectCache
from nuitka.caching.store import CacheStore

PAIRS = [["a.c", "a.o"], ["b.c", "b.o"]]
ARGS = (["gcc"], ["-O2", "-I", "/x"], "signature")


def _build_dir(tmp_path):
    build_dir = tmp_path / "build"
    build_dir.mkdir(parents=True)
    (build_dir / "a.c").write_text("int a;\n")
    (build_dir / "b.c").write_text("int b;\n")
    return build_dir


def test_compiled_object_is_stored_before_the_build_ends(tmp_path):
    store = CacheStore(tmp_path / "cache")
    build_dir = _build_dir(tmp_path)
    cache = ObjectCache(store)
    assert cache.restore(PAIRS, build_dir, *ARGS) == PAIRS
    (build_dir / "a.o").write_bytes(b"object a")
    cache.store_compiled("a.c", build_dir)
    # (The build is killed here: store_results never runs.)
    other_dir = _build_dir(tmp_path / "again")
    again = ObjectCache(store)
    assert again.restore(PAIRS, other_dir, *ARGS) == [["a.c", "a.o", PREBUILT], ["b.c", "b.o"]]
    assert (other_dir / "a.o").read_bytes() == b"object a"


def test_store_results_does_not_store_twice(tmp_path, monkeypatch):
    store = CacheStore(tmp_path / "cache")
    build_dir = _build_dir(tmp_path)
    cache = ObjectCache(store)
    cache.restore(PAIRS, build_dir, *ARGS)
    (build_dir / "a.o").write_bytes(b"object a")
    (build_dir / "b.o").write_bytes(b"object b")
    cache.store_compiled("a.c", build_dir)
    cache.store_compiled("unknown.c", build_dir)  # not an object of this build: ignored
    puts = []
    real_put = store.put
    monkeypatch.setattr(store, "put", lambda key, payload, meta=None: puts.append(meta) or real_put(key, payload, meta))
    cache.store_results({"commands": [["gcc", "-c", "-o", "a.o", "a.c"], ["gcc", "-c", "-o", "b.o", "b.c"]]},
                        build_dir)
    assert puts == [{"source": "b.c"}]
    assert cache.results == {"a.c": {"cache": "miss", "compiled": True},
                             "b.c": {"cache": "miss", "compiled": True}}


def test_failed_build_keeps_what_compiled(tmp_path, monkeypatch):
    """builder wiring: each "compiled" progress line of SCons stores its object."""
    store = CacheStore(tmp_path / "cache")
    build_dir = _build_dir(tmp_path)
    cache = ObjectCache(store)
    desc = {"objects": cache.restore(PAIRS, build_dir, *ARGS)}

    def fake_run_scons(desc, build_dir, jobs, show_scons, what, on_progress=None):
        (build_dir / "a.o").write_bytes(b"object a")
        on_progress("compiled", "a.c")
        raise BuildError("C compilation failed (compiling b.c)")

    monkeypatch.setattr(builder, "run_scons", fake_run_scons)

    class Spec:
        progress = None
        show_scons = False

    with pytest.raises(BuildError):
        builder._run_scons_with_progress(Spec, desc, build_dir, 1,
                                         lambda source: cache.store_compiled(source, build_dir))
    again = ObjectCache(store)
    assert again.restore(PAIRS, _build_dir(tmp_path / "again"), *ARGS)[0] == ["a.c", "a.o", PREBUILT]


def _runtime_dir(base, header_text="#define X 1\n"):
    include = base / "include" / "nuitka"
    include.mkdir(parents=True)
    (include / "prelude.h").write_text(header_text)
    return base


def _program_ccflags(runtime_dir, build_dir):
    """The flags the builder gives a program's C files (nuitka/build/builder.py)."""
    from nuitka.build.compiler import CompilerInfo, PythonInfo
    from nuitka.build.runtime import RuntimeLibrary

    class Spec:
        defines = {}
        target = "exe"

    Spec.build_dir = build_dir
    compiler = CompilerInfo(path="/usr/bin/gcc", extra_args=[], kind="gcc", version="gcc 1",
                            ccache=None, ar="ar")
    python = PythonInfo(version="3.x", abiflags="", cache_tag="cpython-3x",
                        include_dirs=["/usr/include/python3.x"])
    runtime = RuntimeLibrary("key", "header-key", None, runtime_dir.resolve() / "include", False)
    desc = builder.make_program_description(Spec, compiler, python, runtime, False, 1, [], "x")
    return desc["ccflags"]


def test_object_key_does_not_depend_on_the_runtime_path(tmp_path, monkeypatch):
    """Two checkouts (worktrees, install locations) of the same compiler have
    their C runtime in different folders: with identical headers, the
    objects are the same (the folder is mapped by -ffile-prefix-map), so are
    their keys; the header contents are in the signature."""
    from nuitka.build.compiler import CompilerInfo, PythonInfo
    from nuitka.build.runtime import compute_runtime_key
    from nuitka.caching.keys import object_key

    monkeypatch.delenv("CCFLAGS", raising=False)
    first = _runtime_dir(tmp_path / "checkout-a" / "nuitka" / "runtime")
    second = _runtime_dir(tmp_path / "elsewhere" / "nuitka" / "runtime")
    other_headers = _runtime_dir(tmp_path / "changed" / "nuitka" / "runtime", "#define X 2\n")
    build_a, build_b = _build_dir(tmp_path / "a"), _build_dir(tmp_path / "b")

    flags_a = _program_ccflags(first, build_a)
    flags_b = _program_ccflags(second, build_b)
    assert flags_a != flags_b  # the paths are on the command lines ...
    assert "-ffile-prefix-map=%s=nuitka/runtime" % first.resolve() in flags_a
    assert "-ffile-prefix-map=%s=." % build_a.resolve() in flags_a

    compiler = CompilerInfo(path="/usr/bin/gcc", extra_args=[], kind="gcc", version="gcc 1",
                            ccache=None, ar="ar")
    python = PythonInfo(version="3.x", abiflags="", cache_tag="cpython-3x",
                        include_dirs=["/usr/include/python3.x"])

    def header_key(runtime_dir):
        return compute_runtime_key(runtime_dir, compiler, python, False, headers_only=True)

    assert header_key(first) == header_key(second)
    assert header_key(first) != header_key(other_headers)

    def key(runtime_dir, build_dir, flags):
        return object_key(b"int a;\n", ["gcc"], flags, header_key(runtime_dir),
                          build_dir.resolve(), runtime_dir.resolve())

    # ... but not in the keys.
    assert key(first, build_a, flags_a) == key(second, build_b, flags_b)
    flags_c = _program_ccflags(other_headers, build_b)
    assert key(first, build_a, flags_a) != key(other_headers, build_b, flags_c)

    # Through the cache: stored from one checkout, a hit in the other.
    store = CacheStore(tmp_path / "cache")
    cache = ObjectCache(store)
    restored = cache.restore(PAIRS, build_a.resolve(), ["gcc"], flags_a, header_key(first),
                             first.resolve())
    assert restored == PAIRS
    (build_a / "a.o").write_bytes(b"object a")
    cache.store_compiled("a.c", build_a.resolve())
    again = ObjectCache(store)
    restored = again.restore(PAIRS, build_b.resolve(), ["gcc"], flags_b, header_key(second),
                             second.resolve())
    assert restored[0] == ["a.c", "a.o", PREBUILT]


def test_runtime_header_path_does_not_reach_the_object(tmp_path):
    """What the key masking relies on, with the real C compiler: a header
    using __FILE__ (and debug info, -g) compiled from two runtime folders
    with the program's flags gives byte-identical objects."""
    import shutil
    import subprocess

    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("no gcc")
    objects = []
    for name in ("checkout-a", "other-place"):
        runtime = _runtime_dir(tmp_path / name / "nuitka" / "runtime",
                               "static const char *where = __FILE__;\n"
                               "static inline const char *f(void) { return where; }\n")
        build = tmp_path / (name + "-build")
        build.mkdir()
        (build / "m.c").write_text('#include "nuitka/prelude.h"\n'
                                   "const char *g(void) { return f(); }\n")
        flags = [flag for flag in _program_ccflags(runtime, build)
                 if not flag.startswith("-I/usr/include/python")]
        subprocess.run([gcc, "-g", "-c", "-o", "m.o", "m.c"] + flags, cwd=build, check=True)
        data = (build / "m.o").read_bytes()
        assert str(tmp_path).encode() not in data
        objects.append(data)
    assert objects[0] == objects[1]


def test_failure_report_with_prebuilt_objects(tmp_path, capfd):
    """A build that fails (here: linking) after some objects came from the
    cache ([source, object, "prebuilt"] entries) is reported as a build
    error, not as an internal error of the compiler."""
    from nuitka.build.scons import _report_failure

    desc = {"objects": [["a.c", "a.o", PREBUILT], ["b.c", "b.o"]], "mode": "program"}
    output = ["undefined reference to `f'\n", "scons: *** [prog.bin] Error 1\n"]
    with pytest.raises(BuildError, match="linking prog.bin"):
        _report_failure(output, False, tmp_path / "error.log", "C compilation", desc)
    output = ["b.c:1: error: expected ';'\n", "scons: *** [b.o] Error 1\n"]
    with pytest.raises(BuildError, match="compiling b.c"):
        _report_failure(output, False, tmp_path / "error.log", "C compilation", desc)
    assert "undefined reference" in capfd.readouterr().err
