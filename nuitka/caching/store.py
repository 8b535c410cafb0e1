"""A content-addressed store of cache entries, safe for concurrent use.

One store is one folder below the user cache directory (one per cache kind,
e.g. ``modules`` for generated C code, ``ccache`` for object files).  An
entry is one file named by its key (a hex SHA-256 of everything the cached
result depends on), fanned out into 256 sub-folders::

    <cache dir>/<kind>/<key[:2]>/<key>.entry

File format: one ASCII header line holding JSON (format version, payload size
and SHA-256, plus free metadata), a newline, then the payload bytes.

Why this is safe without locks:

* Entries are write-once: the same key always describes the same result, so
  two compilations storing one key at the same time store equal bytes.
* A write goes to a unique temporary file in the same folder which is then
  renamed into place with ``os.replace`` (atomic on POSIX): a reader sees
  either no entry or a complete one, never a half-written one, even when the
  writer crashes or is killed.
* Every read checks the payload's size and hash.  An entry that does not
  verify (truncated by a full disk, corrupted, or from an older format) is
  treated as a miss and removed; the caller regenerates and stores it again.

Cleanup is bounded and cheap: at most once per hour a store drops entries not
used for ``NUITKA_CACHE_MAX_AGE_DAYS`` days (default 30) and, when it holds
more than ``NUITKA_CACHE_MAX_SIZE_MB`` (default 2048), the least recently used
ones until it fits.  A hit refreshes the entry's modification time.
"""

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Optional, Tuple

#: Bumped whenever the entry file layout changes (old entries become misses).
STORE_FORMAT = 1

_MAGIC = b"NUITKA-CACHE "
_TRIM_MARKER = ".last-trim"
_TRIM_INTERVAL_SECONDS = 3600
_STALE_TMP_SECONDS = 3600


class CacheStore:
    """Entries of one cache kind in ``folder`` (created on first write)."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def entry_path(self, key: str) -> Path:
        return self.folder / key[:2] / (key + ".entry")

    def get(self, key: str) -> Optional[Tuple[bytes, dict]]:
        """``(payload, meta)`` of a valid entry, else ``None`` (a miss)."""
        path = self.entry_path(key)
        try:
            with open(path, "rb") as entry_file:
                data = entry_file.read()
        except OSError:
            return None
        result = _decode(data, key)
        if result is None:
            # Corrupt or foreign: drop it so that the next store succeeds.
            _unlink(path)
            return None
        try:
            os.utime(path)  # least-recently-used order for the trimming
        except OSError:
            pass
        return result

    def put(self, key: str, payload: bytes, meta: Optional[dict] = None) -> bool:
        """Store an entry atomically; ``False`` when the cache is not writable.

        Failing to store is never an error for the compilation: the result
        is simply not cached.
        """
        path = self.entry_path(key)
        header = {
            "format": STORE_FORMAT,
            "key": key,
            "size": len(payload),
            "sha256": hashlib.sha256(payload).hexdigest(),
            "meta": meta or {},
        }
        data = (
            _MAGIC
            + json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")
            + b"\n"
            + payload
        )
        if not atomic_write(path, data, prefix=".tmp-%s-" % key[:16]):
            return False
        self._maybe_trim()
        return True

    # -- cleanup ---------------------------------------------------------------

    def _maybe_trim(self) -> None:
        marker = self.folder / _TRIM_MARKER
        now = time.time()
        try:
            if now - marker.stat().st_mtime < _TRIM_INTERVAL_SECONDS:
                return
        except FileNotFoundError:
            pass
        except OSError:
            return
        try:
            marker.touch()
        except OSError:
            return
        self.trim(now=now)

    def trim(self, max_age_days=None, max_size_bytes=None, now=None) -> int:
        """Remove old entries and stale temporary files; return how many."""
        if max_age_days is None:
            max_age_days = _env_number("NUITKA_CACHE_MAX_AGE_DAYS", 30)
        if max_size_bytes is None:
            max_size_bytes = _env_number("NUITKA_CACHE_MAX_SIZE_MB", 2048) * 1024 * 1024
        now = time.time() if now is None else now
        entries = []
        removed = 0
        try:
            subdirs = list(os.scandir(self.folder))
        except OSError:
            return 0
        for subdir in subdirs:
            if not subdir.is_dir(follow_symlinks=False):
                continue
            try:
                files = list(os.scandir(subdir.path))
            except OSError:
                continue
            for item in files:
                try:
                    stat = item.stat(follow_symlinks=False)
                except OSError:
                    continue
                if item.name.startswith(".tmp-"):
                    if now - stat.st_mtime > _STALE_TMP_SECONDS:
                        removed += _unlink(item.path)
                    continue
                if now - stat.st_mtime > max_age_days * 86400:
                    removed += _unlink(item.path)
                    continue
                entries.append((stat.st_mtime, stat.st_size, item.path))
        total = sum(size for _mtime, size, _path in entries)
        for _mtime, size, path in sorted(entries):
            if total <= max_size_bytes:
                break
            removed += _unlink(path)
            total -= size
        return removed


def _decode(data: bytes, key: str) -> Optional[Tuple[bytes, dict]]:
    if not data.startswith(_MAGIC):
        return None
    end = data.find(b"\n")
    if end < 0:
        return None
    try:
        header = json.loads(data[len(_MAGIC) : end].decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or header.get("format") != STORE_FORMAT:
        return None
    payload = data[end + 1 :]
    if header.get("key") != key or header.get("size") != len(payload):
        return None
    if header.get("sha256") != hashlib.sha256(payload).hexdigest():
        return None
    meta = header.get("meta")
    return payload, meta if isinstance(meta, dict) else {}


def atomic_write(path: Path, data: bytes, prefix=".tmp-", suffix="") -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder
    and ``os.replace``: readers see the old file or the whole new one, never
    a part (also when the compiler is killed). False on OSError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=str(path.parent))
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as tmp_file:
            tmp_file.write(data)
        os.replace(tmp_name, path)
    except OSError:
        _unlink(tmp_name)
        return False
    except BaseException:
        _unlink(tmp_name)
        raise
    return True


def _unlink(path) -> int:
    try:
        os.unlink(path)
        return 1
    except OSError:
        return 0


def _env_number(name, default):
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default
