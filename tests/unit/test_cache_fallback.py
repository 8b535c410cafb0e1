"""nuitka/caching/fallback.py: caches move into the build folder when the
user cache folder cannot be written (a path below a plain file cannot be
created, even by root)."""

import os

from nuitka.build.cache import get_cache_dir, set_cache_dir_override
from nuitka.caching.fallback import can_create_below, ensure_writable_caches, is_writable_folder


def test_writable_checks(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert is_writable_folder(tmp_path / "new" / "deep")
    assert not is_writable_folder(blocker / "sub")
    assert can_create_below(tmp_path / "not" / "yet")
    assert not (tmp_path / "not").exists()
    assert not can_create_below(blocker / "sub")


def test_fallback_into_build_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NUITKA_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv("CCACHE_DIR", str(blocker / "ccache"))
    notes = []
    try:
        changes = ensure_writable_caches(tmp_path / "prog.build", notes.append)
        assert get_cache_dir() == tmp_path / "prog.build" / "_cache"
        assert os.environ["CCACHE_DIR"] == str(tmp_path / "prog.build" / "_ccache")
    finally:
        set_cache_dir_override(None)
    assert [what for what, _, _ in changes] == ["cache folder", "ccache folder"]
    assert len(notes) == 1 and "is not writable, using" in notes[0]
    assert get_cache_dir() == blocker / "cache"


def test_nothing_changes_when_writable(tmp_path, monkeypatch):
    monkeypatch.setenv("NUITKA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CCACHE_DIR", str(tmp_path / "ccache"))
    notes = []
    assert ensure_writable_caches(tmp_path / "prog.build", notes.append) == []
    assert notes == [] and get_cache_dir() == tmp_path / "cache"
    assert not (tmp_path / "prog.build").exists()
