"""Data files for the standalone folder: which files go where.

The options (see ``doc/user-manual.rst``, "Data files"):

* ``--include-data-files=SRC=DEST``: ``SRC`` is a file or a shell pattern
  (``*``, ``?``, ``[...]``, ``**`` for any folders), relative to the current
  directory; ``DEST`` is a path inside the dist folder.  ``DEST`` ending in
  ``/`` is a folder that receives every match under its own name; otherwise
  ``SRC`` must match exactly one file, which gets that name.
  ``--include-data-files=DIR=DEST/=PATTERN`` (three parts) takes the files
  below ``DIR`` matching ``PATTERN`` (relative to ``DIR``, e.g.
  ``**/*.txt``) and keeps their sub-folders under ``DEST``.
* ``--include-data-dir=DIR=DEST``: every file below ``DIR``, with its
  sub-folders, under ``DEST`` (``.`` is the dist folder itself).
* ``--include-package-data=PACKAGE[:PATTERN]``: the files of a package
  (found like its modules, on the program's search path) under its folder
  ``PACKAGE/as/path/``; by default all files but code (``.py``, ``.pyc``,
  extension modules, ``__pycache__``); with ``PATTERN`` the files whose path
  relative to the package folder, or whose name, matches it.
* ``--noinclude-data-files=PATTERN``: leave out the data files whose
  ``DEST`` path, or one of its parent folders, matches ``PATTERN``.

:func:`collect_data_files` returns :class:`DataFile` records; bad input
raises :class:`DataFileError` with a one-line message (nothing is copied
here: the standalone stage copies the files).
"""

import fnmatch
import glob
import importlib.machinery
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Tuple

__all__ = ["DataFile", "DataFileError", "collect_data_files", "is_code_file"]

#: File names that are code, never package data by default.
_CODE_SUFFIXES = tuple(
    sorted(
        {".py", ".pyw", ".pyc", ".pyo", ".so", ".pyd", ".dll", ".dylib"}
        | set(importlib.machinery.EXTENSION_SUFFIXES)
        | set(importlib.machinery.BYTECODE_SUFFIXES)
    )
)
_SKIPPED_FOLDERS = ("__pycache__",)


@dataclass(frozen=True)
class DataFile:
    """One file to copy: ``source`` (absolute) to ``dest`` (a relative posix
    path inside the dist folder); ``reason`` names the option it came from."""

    source: Path
    dest: str
    reason: str


class DataFileError(Exception):
    """Bad data file options: ``message`` is one line for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def is_code_file(name: str) -> bool:
    """Whether a file name is Python code or an extension module."""
    return name.endswith(_CODE_SUFFIXES)


def _has_magic(text: str) -> bool:
    return glob.has_magic(text)


def _absolute(text: str, cwd: Path) -> Path:
    return Path(os.path.normpath(os.path.join(str(cwd), os.path.expanduser(text))))


def _check_dest(dest: str, option: str, allow_root: bool = False) -> str:
    """The normalised relative posix path, or DataFileError."""
    if dest == "":
        raise DataFileError("%s: the target after '=' is empty; give a path inside the dist folder" % option)
    if dest.startswith("/") or os.path.isabs(dest):
        raise DataFileError(
            "%s: the target '%s' is absolute; give a path relative to the dist folder" % (option, dest)
        )
    normal = posixpath.normpath(dest.replace(os.sep, "/"))
    if normal == ".." or normal.startswith("../"):
        raise DataFileError(
            "%s: the target '%s' is outside the dist folder; give a path inside it" % (option, dest)
        )
    if normal == "." and not allow_root:
        raise DataFileError("%s: the target '%s' names the dist folder itself; give a file or folder name" % (option, dest))
    return "" if normal == "." else normal


def _join(folder: str, name: str) -> str:
    return posixpath.join(folder, name) if folder else name


def _walk_files(folder: Path, skip_pycache: bool = True) -> List[Path]:
    """Every file below ``folder`` (symlinks to files included), sorted."""
    found = []
    for root, dirs, files in os.walk(str(folder), followlinks=True):
        dirs[:] = sorted(d for d in dirs if not (skip_pycache and d in _SKIPPED_FOLDERS))
        for name in sorted(files):
            path = Path(root) / name
            if path.is_file():
                found.append(path)
    return found


def _split_spec(value: str, option: str, parts: Tuple[int, ...]) -> List[str]:
    pieces = value.split("=")
    if len(pieces) not in parts:
        raise DataFileError(
            "%s=%s: expected %s" % (option, value, "SRC=DEST" if parts == (2,) else "SRC=DEST or DIR=DEST/=PATTERN")
        )
    return pieces


def _data_files_option(value: str, cwd: Path) -> List[DataFile]:
    option = "--include-data-files"
    reason = "%s=%s" % (option, value)
    pieces = _split_spec(value, option, (2, 3))
    if len(pieces) == 3:
        return _data_files_recursive(pieces, reason, cwd)
    src, dest = pieces
    if not src:
        raise DataFileError("%s: the source before '=' is empty; give a file or a pattern" % reason)
    folder_target = dest.endswith("/") or dest.endswith(os.sep)
    dest_path = _check_dest(dest, reason, allow_root=folder_target)
    pattern = str(_absolute(src, cwd))
    if _has_magic(src):
        matches = sorted(Path(p) for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
        if not matches:
            raise DataFileError("%s: the pattern '%s' matches no file (relative to %s)" % (reason, src, cwd))
        if not folder_target and len(matches) > 1:
            raise DataFileError(
                "%s: the pattern matches %d files but the target '%s' is one file; end the target with "
                "'/' to put them into a folder" % (reason, len(matches), dest)
            )
    else:
        path = Path(pattern)
        if not path.exists():
            raise DataFileError("%s: the source '%s' does not exist (relative to %s)" % (reason, src, cwd))
        if path.is_dir():
            raise DataFileError("%s: the source '%s' is a folder; use --include-data-dir for folders" % (reason, src))
        matches = [path]
    if folder_target:
        return [DataFile(match, _join(dest_path, match.name), reason) for match in matches]
    return [DataFile(matches[0], dest_path, reason)]


def _data_files_recursive(pieces: List[str], reason: str, cwd: Path) -> List[DataFile]:
    src, dest, pattern = pieces
    folder = _absolute(src, cwd)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise DataFileError("%s: the source '%s' %s (relative to %s)" % (reason, src, what, cwd))
    if not pattern:
        raise DataFileError("%s: the pattern after the second '=' is empty; e.g. '**/*.txt'" % reason)
    dest_path = _check_dest(dest, reason, allow_root=True)
    result = []
    for path in _walk_files(folder, skip_pycache=False):
        relative = path.relative_to(folder).as_posix()
        if _pattern_matches(relative, pattern):
            result.append(DataFile(path, _join(dest_path, relative), reason))
    if not result:
        raise DataFileError("%s: the pattern '%s' matches no file below '%s'" % (reason, pattern, src))
    return result


def _pattern_matches(relative: str, pattern: str) -> bool:
    """Shell-style match of a relative path; ``**/`` also matches no folder."""
    if fnmatch.fnmatchcase(relative, pattern):
        return True
    while pattern.startswith("**/"):
        pattern = pattern[3:]
        if fnmatch.fnmatchcase(relative, pattern):
            return True
    return False


def _data_dir_option(value: str, cwd: Path) -> List[DataFile]:
    option = "--include-data-dir"
    reason = "%s=%s" % (option, value)
    src, dest = _split_spec(value, option, (2,))
    if not src:
        raise DataFileError("%s: the source before '=' is empty; give a folder" % reason)
    folder = _absolute(src, cwd)
    if not folder.exists():
        raise DataFileError("%s: the folder '%s' does not exist (relative to %s)" % (reason, src, cwd))
    if not folder.is_dir():
        raise DataFileError("%s: '%s' is a file; use --include-data-files for files" % (reason, src))
    dest_path = _check_dest(dest, reason, allow_root=True)
    return [
        DataFile(path, _join(dest_path, path.relative_to(folder).as_posix()), reason)
        for path in _walk_files(folder, skip_pycache=False)
    ]


def _package_data_option(value: str, finder, warn: Callable[[str], None]) -> List[DataFile]:
    reason = "--include-package-data=%s" % value
    name, _, pattern = value.partition(":")
    name = name.strip()
    if not name or not all(part.isidentifier() for part in name.split(".")):
        raise DataFileError("%s: '%s' is not a package name; write PACKAGE or PACKAGE:PATTERN" % (reason, name))
    if finder is None:
        raise DataFileError("%s: no module search path to find the package in" % reason)
    info = finder.find(name)
    if info.kind == "missing":
        raise DataFileError(
            "%s: package '%s' not found (searched the program's folder and sys.path)" % (reason, name)
        )
    if not info.is_package or not info.search_locations:
        raise DataFileError("%s: '%s' is a module, not a package; only packages have data files" % (reason, name))
    base = name.replace(".", "/")
    result = []
    seen = set()
    for location in info.search_locations:
        folder = Path(location)
        for path in _walk_files(folder):
            relative = path.relative_to(folder).as_posix()
            if pattern:
                if not (_pattern_matches(relative, pattern) or fnmatch.fnmatchcase(path.name, pattern)):
                    continue
            elif is_code_file(path.name):
                continue
            dest = _join(base, relative)
            if dest in seen:
                continue  # (a namespace package's earlier portion wins)
            seen.add(dest)
            result.append(DataFile(path.resolve(), dest, reason))
    if not result:
        if pattern:
            raise DataFileError("%s: the pattern '%s' matches no file of package '%s'" % (reason, pattern, name))
        warn("%s: package '%s' has no data files" % (reason, name))
    return result


def _excluded(dest: str, patterns: Iterable[str]) -> Optional[str]:
    """The first pattern that matches ``dest`` or one of its parent folders."""
    parts = dest.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        pattern = pattern.strip().rstrip("/")
        if any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates):
            return pattern
    return None


def _by_dest(item: DataFile) -> str:
    return item.dest


def collect_data_files(options, graph, warn: Optional[Callable[[str], None]] = None, cwd=None) -> List[DataFile]:
    """The data files the options ask for, in option order, without those
    excluded by ``--noinclude-data-files``.

    ``graph`` (a :class:`nuitka.modules.graph.ModuleGraph`, or None) gives
    the module finder for ``--include-package-data``.  ``warn`` receives
    notes that do not stop the compilation.  Raises :class:`DataFileError`.
    """
    warn = warn or (lambda message: None)
    cwd = Path(cwd) if cwd is not None else Path.cwd()
    finder = getattr(graph, "finder", None)
    collected: List[DataFile] = []
    # (Each option's files sorted by target: the order is deterministic.)
    for value in getattr(options, "include_data_files", None) or ():
        collected.extend(sorted(_data_files_option(value, cwd), key=_by_dest))
    for value in getattr(options, "include_data_dirs", None) or ():
        collected.extend(sorted(_data_dir_option(value, cwd), key=_by_dest))
    for value in getattr(options, "include_package_data", None) or ():
        collected.extend(sorted(_package_data_option(value, finder, warn), key=_by_dest))

    excludes = list(getattr(options, "noinclude_data_files", None) or ())
    result: List[DataFile] = []
    by_dest: Dict[str, DataFile] = {}
    for item in collected:
        if excludes and _excluded(item.dest, excludes):
            continue
        previous = by_dest.get(item.dest)
        if previous is not None:
            if os.path.realpath(str(previous.source)) == os.path.realpath(str(item.source)):
                continue
            raise DataFileError(
                "data file target '%s' is given twice: '%s' (%s) and '%s' (%s)"
                % (item.dest, previous.source, previous.reason, item.source, item.reason)
            )
        by_dest[item.dest] = item
        result.append(item)
    # A file and a folder of the same name cannot both exist.
    for dest in by_dest:
        parent = dest.rpartition("/")[0]
        while parent:
            if parent in by_dest:
                raise DataFileError(
                    "data file target '%s' is a file, but '%s' needs it to be a folder" % (parent, dest)
                )
            parent = parent.rpartition("/")[0]
    for pattern in excludes:
        if not any(_excluded(item.dest, [pattern]) for item in collected):
            warn("--noinclude-data-files=%s matches no data file" % pattern)
    return result
