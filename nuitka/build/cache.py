"""The user cache directory of the compiler.

Everything that is worth keeping between compilations lives below one folder:
``appdirs.user_cache_dir("nuitka")`` (on Linux ``~/.cache/nuitka``), or the
folder named by the environment variable ``NUITKA_CACHE_DIR``.

Sub-folders (one per kind of cached thing, so ``--clean-cache=NAME`` can drop
one kind):

``runtime``
    Compiled C runtime libraries, one folder per content/flags key
    (see :mod:`nuitka.build.runtime`).

``onefile``
    The onefile bootstrap, one executable per content/flags key
    (see :mod:`nuitka.onefile.bootstrap`).
"""

import os
import shutil
from pathlib import Path
from typing import Iterable, List, Union

#: Environment variable that overrides the cache location.
CACHE_DIR_ENV = "NUITKA_CACHE_DIR"

#: Cache kinds known to the build stage (``--clean-cache`` accepts these and "all").
CACHE_KINDS = ("runtime", "onefile")

#: Set by :func:`set_cache_dir_override` for one compilation whose user
#: cache folder cannot be written (see nuitka.caching.fallback).
_override = [None]


def set_cache_dir_override(path) -> None:
    """Use ``path`` instead of the user cache folder (``None``: stop)."""
    _override[0] = Path(path).absolute() if path is not None else None


def get_cache_dir() -> Path:
    """Return the base cache folder (not created here).

    ``NUITKA_CACHE_DIR`` wins when set and non-empty; otherwise
    ``appdirs.user_cache_dir("nuitka")``.  Without the ``appdirs`` package the
    same location is computed by hand (XDG rules: ``$XDG_CACHE_HOME/nuitka``
    or ``~/.cache/nuitka``).
    """
    if _override[0] is not None:
        return _override[0]
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(os.path.expanduser(override)).absolute()

    try:
        import appdirs
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
            os.path.expanduser("~"), ".cache"
        )
        return Path(base).absolute() / "nuitka"

    return Path(appdirs.user_cache_dir("nuitka")).absolute()


def get_cache_subdir(kind: str) -> Path:
    """Return (and create) the cache folder for one kind of cached thing."""
    _check_kind_name(kind)
    path = get_cache_dir() / kind
    path.mkdir(parents=True, exist_ok=True)
    return path


def clean_cache(what: Union[str, Iterable[str]] = "all") -> List[Path]:
    """Delete cached data; used by ``--clean-cache=...``.

    Args:
        what: ``"all"`` to remove the whole cache folder, or a cache kind such
            as ``"runtime"`` (a comma separated string or an iterable of
            kinds is accepted too).

    Returns:
        The folders that were removed (missing ones are skipped silently).

    Raises:
        ValueError: for a name that is not a plain folder name.
    """
    if isinstance(what, str):
        kinds = [part.strip() for part in what.split(",") if part.strip()]
    else:
        kinds = list(what)

    base = get_cache_dir()
    if "all" in kinds:
        targets = [base]
    else:
        for kind in kinds:
            _check_kind_name(kind)
        targets = [base / kind for kind in kinds]

    removed = []
    for target in targets:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target, ignore_errors=True)
            removed.append(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
            removed.append(target)
    return removed


def _check_kind_name(kind: str) -> None:
    if (
        not kind
        or kind in (".", "..")
        or "/" in kind
        or "\\" in kind
        or kind != kind.strip()
    ):
        raise ValueError("invalid cache kind name %r" % (kind,))
