"""Shared libraries a standalone folder needs: the DT_NEEDED walk.

Every ELF file shipped (the program, libpython, extension modules, and the
libraries they bring) is read (``nuitka.standalone.elf``) and each
``DT_NEEDED`` name resolved the way ``ld.so`` does (``man ld.so``):

1. a name with a ``/`` is a path;
2. ``DT_RPATH`` of the object (when it has no ``DT_RUNPATH``), then of the
   objects that loaded it;
3. ``LD_LIBRARY_PATH`` of the compilation;
4. ``DT_RUNPATH`` of the object;
5. the folders of ``/etc/ld.so.conf`` (and its ``include`` files), read
   here instead of the ``ld.so.cache`` (never ``ldconfig -p``, which lies
   or is missing on NixOS-like systems);
6. the default folders: ``/lib``, ``/usr/lib`` (with ``64`` for 64-bit
   objects) and their multiarch subfolders.

``$ORIGIN`` (and ``${ORIGIN}``) is the folder of the object; a candidate
must be an ELF file of the same class and machine, as for the loader.
Libraries of the C library family (:data:`SYSTEM_LIBRARIES`) are never
copied: they must match the target's kernel and loader.
"""

import fnmatch
import glob
import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .elf import ElfError, ElfInfo, read_elf

#: glibc and its family (fnmatch patterns of DT_NEEDED names): provided by
#: the target system, never copied.
SYSTEM_LIBRARIES = (
    "libc.so*", "libm.so*", "libdl.so*", "libpthread.so*", "librt.so*",
    "libutil.so*", "ld-linux*.so*", "ld64.so*", "ld-*.so*", "libresolv.so*",
    "libnsl.so*", "libanl.so*", "libBrokenLocale.so*", "libmvec.so*",
    "libnss_*.so*", "libthread_db.so*", "libc_malloc_debug.so*",
    "libmemusage.so*", "libpcprofile.so*", "libSegFault.so*",
)


class DependencyError(Exception):
    """A library cannot be found (one line for the user)."""


def is_system_library(name: str) -> bool:
    base = os.path.basename(name)
    return any(fnmatch.fnmatchcase(base, pattern) for pattern in SYSTEM_LIBRARIES)


def _read_ld_so_conf(path: str, seen=None) -> List[str]:
    seen = set() if seen is None else seen
    real = os.path.realpath(path)
    if real in seen:
        return []
    seen.add(real)
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    result = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("include"):
            for pattern in line.split()[1:]:
                if not os.path.isabs(pattern):
                    pattern = os.path.join(os.path.dirname(path), pattern)
                for name in sorted(glob.glob(pattern)):
                    result.extend(_read_ld_so_conf(name, seen))
        elif line.startswith("hwcap"):
            continue
        else:
            # "dir" or "dir=TYPE" (old syntax); several separated by : , or blanks.
            for item in re.split(r"[:,\s]+", line):
                item = item.split("=", 1)[0]
                if item:
                    result.append(item)
    return result


def _multiarch_dirs(base):
    try:
        entries = sorted(os.listdir(base))
    except OSError:
        return []
    return [os.path.join(base, e) for e in entries if re.match(r"^[a-z0-9_]+-linux-[a-z0-9_]+$", e)]


def default_dirs(elf_class: int) -> List[str]:
    dirs = _read_ld_so_conf("/etc/ld.so.conf")
    bases = ["/lib64", "/usr/lib64", "/lib", "/usr/lib"] if elf_class == 2 else ["/lib32", "/usr/lib32", "/lib", "/usr/lib"]
    for base in bases:
        dirs.extend(_multiarch_dirs(base))
        dirs.append(base)
    result = []
    for d in dirs:
        if d not in result:
            result.append(d)
    return result


def _expand(entry: str, origin: str) -> Optional[str]:
    if not entry:
        return None  # an empty entry means the current folder: never used here
    entry = entry.replace("${ORIGIN}", origin).replace("$ORIGIN", origin)
    if "$" in entry:
        return None  # $LIB / $PLATFORM: not supported, skipped
    return entry


@dataclass
class DependencyWalk:
    """Result of :func:`walk_dependencies`."""

    #: DT_NEEDED name -> resolved file (libraries to copy).
    libraries: Dict[str, str] = field(default_factory=dict)
    #: (object, name) of system libraries that stay out (for reports).
    system: List[Tuple[str, str]] = field(default_factory=list)
    #: DT_NEEDED name -> the file that needs it first (for reports).
    needed_by: Dict[str, str] = field(default_factory=dict)


class Resolver:
    def __init__(self, ld_library_path: Optional[str] = None, origins: Optional[Dict[str, str]] = None):
        if ld_library_path is None:
            ld_library_path = os.environ.get("LD_LIBRARY_PATH", "")
        #: copied file -> the file it was copied from: ``$ORIGIN`` is the
        #: original's folder (``$ORIGIN/../pillow.libs`` of an extension
        #: module copied into a standalone folder).
        self.origins = dict(origins or {})
        self.ld_library_path = [d for d in re.split(r"[:;]", ld_library_path) if d]
        self._defaults = {}
        self._infos: Dict[str, ElfInfo] = {}

    def info(self, path: str) -> ElfInfo:
        if path not in self._infos:
            self._infos[path] = read_elf(path)
        return self._infos[path]

    def _compatible(self, path: str, like: ElfInfo) -> bool:
        if not os.path.isfile(path):
            return False
        try:
            info = self.info(path)
        except ElfError:
            return False
        return info.elf_class == like.elf_class and info.machine == like.machine

    def candidates(self, name: str, obj: ElfInfo, loaders: List[ElfInfo]) -> List[str]:
        dirs = []

        def add(paths, owner):
            origin = os.path.dirname(os.path.abspath(self.origins.get(owner.path, owner.path)))
            for entry in (paths or "").split(":"):
                expanded = _expand(entry, origin)
                if expanded:
                    dirs.append(expanded)

        if not obj.runpath:
            for owner in [obj] + loaders:
                if owner.runpath:
                    break
                add(owner.rpath, owner)
        dirs.extend(self.ld_library_path)
        add(obj.runpath, obj)
        if obj.elf_class not in self._defaults:
            self._defaults[obj.elf_class] = default_dirs(obj.elf_class)
        dirs.extend(self._defaults[obj.elf_class])
        return dirs

    def resolve(self, name: str, obj: ElfInfo, loaders: List[ElfInfo]) -> str:
        if "/" in name:
            if self._compatible(name, obj):
                return name
            raise DependencyError("library '%s' needed by '%s' does not exist" % (name, obj.path))
        dirs = self.candidates(name, obj, loaders)
        for d in dirs:
            path = os.path.join(d, name)
            if self._compatible(path, obj):
                return path
        raise DependencyError(
            "cannot find library '%s' needed by '%s' (searched its rpath, "
            "LD_LIBRARY_PATH, /etc/ld.so.conf and the system folders)" % (name, obj.path)
        )


def walk_dependencies(binaries: List[str], resolver: Optional[Resolver] = None) -> DependencyWalk:
    """Every library the ELF files ``binaries`` need, transitively, except
    system ones. Raises DependencyError for one that cannot be found."""
    resolver = resolver or Resolver()
    result = DependencyWalk()
    todo = [(path, []) for path in binaries]
    done = set()
    while todo:
        path, loaders = todo.pop(0)
        if path in done:
            continue
        done.add(path)
        try:
            obj = resolver.info(path)
        except ElfError as e:
            raise DependencyError(str(e)) from None
        for name in obj.needed:
            if is_system_library(name):
                result.system.append((path, name))
                continue
            if name in result.libraries:
                continue
            found = resolver.resolve(name, obj, loaders)
            result.libraries[name] = found
            result.needed_by[name] = path
            todo.append((found, [obj] + loaders))
    return result
