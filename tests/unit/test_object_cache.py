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
