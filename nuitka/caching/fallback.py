"""Caches in a sandbox: when the user cache folder cannot be written.

Package builds (Nix, Debian's sbuild/pbuilder) run the compiler with
``HOME`` missing or read-only (``HOME=/homeless-shelter``,
``HOME=/nonexistent``), no network and a read-only source tree.  Before a
compilation, :func:`ensure_writable_caches` checks that the compiler's cache
folder (:func:`nuitka.build.cache.get_cache_dir`) and ccache's can be
written.  When one cannot, it goes into the build folder instead
(``PROG.build/_cache`` and ``PROG.build/_ccache``), with one note on stderr;
the compilation works exactly as with a fresh cache.  When that is not
possible either, the caches are off (the build stage then reports the
unwritable build folder itself).
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

#: Sub-folders of the build folder used instead.
FALLBACK_NAME = "_cache"
CCACHE_FALLBACK_NAME = "_ccache"


def is_writable_folder(path) -> bool:
    """Whether ``path`` exists or can be made, and a file can be made in it."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".nuitka-write-test-", dir=str(path))
    except OSError:
        return False
    os.close(fd)
    try:
        os.unlink(name)
    except OSError:
        pass
    return True


def can_create_below(path) -> bool:
    """Whether ``path`` is (or, with its missing parents, could be made) a
    writable folder; creates nothing (``os.access`` knows read-only file
    systems, also for root)."""
    path = Path(os.path.abspath(str(path)))
    while not path.exists():
        if path.parent == path:
            return False
        path = path.parent
    return path.is_dir() and os.access(str(path), os.W_OK | os.X_OK)


def _ccache_dir():
    """ccache's cache folder as ccache itself would use it, or None."""
    binary = os.environ.get("NUITKA_CCACHE_BINARY", "").strip()
    if binary.lower() in ("none", "no", "0", "false", "off"):
        return None
    if os.environ.get("CCACHE_DIR"):
        return os.environ["CCACHE_DIR"]
    ccache = shutil.which(os.path.expanduser(binary) if binary else "ccache")
    if ccache is None:
        return None
    try:
        result = subprocess.run([ccache, "-k", "cache_dir"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=30,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.decode("utf-8", "replace").strip()
    return value if result.returncode == 0 and value else None


def ensure_writable_caches(build_dir, note=None, check_ccache=True):
    """Redirect the caches into ``build_dir`` when their folders cannot be
    written; ``note(text)`` gets one line saying so.  Returns the list of
    ``(what, unwritable folder, folder used or None)``."""
    from nuitka.build.cache import get_cache_dir, set_cache_dir_override

    changes = []
    set_cache_dir_override(None)
    cache_dir = get_cache_dir()
    if not is_writable_folder(cache_dir):
        fallback = Path(build_dir) / FALLBACK_NAME
        if is_writable_folder(fallback):
            set_cache_dir_override(fallback)
            changes.append(("cache folder", cache_dir, fallback))
        else:
            changes.append(("cache folder", cache_dir, None))
    if check_ccache:
        ccache_dir = _ccache_dir()
        if ccache_dir is not None and not is_writable_folder(ccache_dir):
            fallback = Path(build_dir) / CCACHE_FALLBACK_NAME
            if is_writable_folder(fallback):
                os.environ["CCACHE_DIR"] = str(fallback)
                changes.append(("ccache folder", ccache_dir, fallback))
            else:
                # ccache would fail every compile: compile without it.
                os.environ["NUITKA_CCACHE_BINARY"] = "none"
                changes.append(("ccache folder", ccache_dir, None))
    if changes and note is not None:
        parts = []
        for what, old, new in changes:
            parts.append("%s '%s' is not writable, %s" % (
                what, old, "using '%s'" % new if new is not None else "not caching"))
        note("%s (e.g. HOME is missing or read-only)" % "; ".join(parts))
    return changes
