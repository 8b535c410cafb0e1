"""Serialize compilations that share one build folder.

Two compilations of the same program into the same output directory would
write the same C files and run SCons on the same database at once.  The
cache itself needs no lock (see :mod:`nuitka.caching.store`), but the build
folder does: :func:`lock_build_dir` takes an exclusive ``fcntl.flock`` on a
lock file named after the build folder's absolute path, kept below the cache
directory (``locks/``) so that no stray file appears next to the outputs.  The
lock is released on :meth:`BuildDirLock.release` or, after a crash, by the
operating system when the process ends.
"""

import hashlib
import os


class BuildDirLock:
    def __init__(self, fd, path):
        self._fd = fd
        self.path = path

    def release(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)  # closing drops the flock
            except OSError:
                pass
            self._fd = None

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.release()


def lock_build_dir(build_dir, log=None) -> BuildDirLock:
    """Wait for and take the lock of ``build_dir``; never fails hard.

    Without ``fcntl`` (not POSIX) or a writable cache folder the returned
    lock is a no-op.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return BuildDirLock(None, None)
    from nuitka.build.cache import get_cache_dir

    name = hashlib.sha256(os.path.abspath(str(build_dir)).encode("utf-8", "surrogateescape"))
    lock_dir = get_cache_dir() / "locks"
    path = lock_dir / (name.hexdigest()[:32] + ".lock")
    try:
        lock_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(str(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return BuildDirLock(None, None)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if log is not None:
                log("waiting for another compilation using '%s'" % build_dir)
            fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        os.close(fd)
        return BuildDirLock(None, None)
    except BaseException:
        os.close(fd)
        raise
    return BuildDirLock(fd, path)
