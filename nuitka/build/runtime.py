"""The C runtime as a cached static library.

All ``*.c`` files directly in the runtime folder (``nuitka/runtime``) are
compiled once into ``libnuitka_runtime.a``, which is kept in the user cache
(:func:`nuitka.build.cache.get_cache_dir` ``/runtime/<tag>-<key>/``).  The key
is a hash of

* the content of every ``.c``/``.h``/``.inc`` file below the runtime folder,
* the Python version, ``sys.abiflags``, SOABI and include folders,
* the compiler path, arguments and version,
* the compile flags (including ``CCFLAGS`` and LTO on/off),
* :data:`RUNTIME_FORMAT_VERSION` (bumped when the recipe here changes).

Concurrency and crash safety: the library is built with SCons in a fresh
``tmp-*`` folder inside the cache and the finished folder is renamed into
place with ``os.replace``.  A folder under the final name is therefore always
complete.  When two compilations race, the rename of the second one fails
(the target exists and is not empty) and it uses the winner's library.
Left-over ``tmp-*`` folders of crashed builds are removed after a day.
"""

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from nuitka.build.cache import get_cache_subdir
from nuitka.build.compiler import CompilerInfo, PythonInfo
from nuitka.build.errors import BuildError
from nuitka.build.flags import (
    get_compile_flags,
    get_include_flags,
    get_prefix_map_flag,
)
from nuitka.build.scons import run_scons

#: Bump to invalidate every cached runtime library (recipe changes).
RUNTIME_FORMAT_VERSION = "1"

#: File name of the archive inside its cache folder.
RUNTIME_LIBRARY_NAME = "libnuitka_runtime.a"

_HASHED_SUFFIXES = (".c", ".h", ".inc")

_STALE_TMP_SECONDS = 24 * 3600


@dataclass(frozen=True)
class RuntimeLibrary:
    """The runtime as the program build needs it.

    Attributes:
        key: Hash of everything the runtime's object code depends on (names
            the cache folder).
        header_key: Hash of what code including the runtime headers depends
            on (runtime headers, Python, compiler, flags); the program's
            objects depend on it, so a change of it recompiles them.
        library: The cached ``libnuitka_runtime.a``, or None when the runtime
            has no ``.c`` files (yet).
        include_dir: Folder to pass with ``-I`` (``#include "nuitka/x.h"``).
        from_cache: True when the library was already in the cache.
    """

    key: str
    header_key: str
    library: Optional[Path]
    include_dir: Path
    from_cache: bool


def get_runtime_sources(runtime_dir: Path) -> List[Path]:
    """The runtime's C files: ``*.c`` directly in ``runtime_dir``, sorted."""
    return sorted(path for path in Path(runtime_dir).glob("*.c") if path.is_file())


def get_runtime_compile_flags(
    runtime_dir: Path, compiler: CompilerInfo, python: PythonInfo, lto: bool
) -> List[str]:
    """All flags used to compile the runtime (includes and prefix map too)."""
    runtime_dir = Path(runtime_dir).resolve()
    return (
        get_compile_flags(compiler, _runtime_lto(compiler, lto))
        + get_include_flags(python.include_dirs)
        + get_include_flags([runtime_dir / "include"])
        + get_prefix_map_flag(runtime_dir, "nuitka/runtime")
    )


def compute_runtime_key(
    runtime_dir: Path,
    compiler: CompilerInfo,
    python: PythonInfo,
    lto: bool,
    headers_only: bool = False,
) -> str:
    """Hash (hex) of all inputs of the runtime library, see module docs.

    Paths of the runtime folder itself are not part of it: two checkouts
    with the same runtime sources share one cached library.  With
    ``headers_only`` only the files below ``include/`` are hashed: that is
    what the generated code's objects depend on (a change of a runtime
    ``.c`` file relinks programs but does not recompile them).
    """
    runtime_dir = Path(runtime_dir).resolve()
    digest = hashlib.sha256()

    def add(label, value):
        data = value if isinstance(value, bytes) else str(value).encode("utf-8")
        digest.update(("%s:%d:" % (label, len(data))).encode("ascii"))
        digest.update(data)

    add("format", RUNTIME_FORMAT_VERSION)
    add("headers_only", headers_only)
    add("python", python.identity())
    add("compiler", compiler.identity())
    add("flags", "\0".join(get_compile_flags(compiler, _runtime_lto(compiler, lto))))
    add("lto", _runtime_lto(compiler, lto))

    top = runtime_dir / "include" if headers_only else runtime_dir
    files = []
    if top.is_dir():
        for root, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in names:
                if name.endswith(_HASHED_SUFFIXES):
                    files.append(Path(root, name))
    for path in sorted(files, key=lambda p: p.relative_to(runtime_dir).as_posix()):
        add("file", path.relative_to(runtime_dir).as_posix())
        add("content", path.read_bytes())

    return digest.hexdigest()


def ensure_runtime_library(
    runtime_dir: Path,
    compiler: CompilerInfo,
    python: PythonInfo,
    lto: bool,
    jobs: int,
    show_scons: bool = False,
    quiet: bool = True,
    cache_root: Optional[Path] = None,
) -> RuntimeLibrary:
    """Return the runtime library, building it into the cache if needed.

    ``cache_root`` replaces the ``runtime`` folder of the user cache (used
    for ``--disable-cache=runtime``: the library is then kept in the build
    folder).

    Raises:
        BuildError: the runtime does not compile.
    """
    runtime_dir = Path(runtime_dir).resolve()
    include_dir = runtime_dir / "include"
    key = compute_runtime_key(runtime_dir, compiler, python, lto)
    header_key = compute_runtime_key(runtime_dir, compiler, python, lto, headers_only=True)
    sources = get_runtime_sources(runtime_dir)
    if not sources:
        return RuntimeLibrary(key, header_key, None, include_dir, from_cache=False)

    try:
        if cache_root is None:
            cache_root = get_cache_subdir("runtime")
        else:
            cache_root = Path(cache_root)
            cache_root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BuildError(
            "Cannot create the cache folder (%s): set NUITKA_CACHE_DIR to a "
            "writable folder" % e
        ) from None
    folder_name = "%s-%s-%s" % (python.cache_tag + python.abiflags, compiler.kind, key[:24])
    final_dir = cache_root / folder_name
    library = final_dir / RUNTIME_LIBRARY_NAME

    if library.is_file():
        if not quiet:
            _info("Using cached C runtime library %s" % library)
        return RuntimeLibrary(key, header_key, library, include_dir, from_cache=True)

    _remove_stale_tmp_dirs(cache_root)

    if not quiet:
        _info("Compiling the C runtime library (%d files) into %s" % (len(sources), final_dir))
    started = time.monotonic()

    try:
        tmp_dir = Path(tempfile.mkdtemp(prefix="tmp-%s-" % folder_name, dir=str(cache_root)))
    except OSError as e:
        raise BuildError(
            "Cannot write to the cache folder (%s): set NUITKA_CACHE_DIR to a "
            "writable folder" % e
        ) from None
    try:
        _build_library(
            tmp_dir, sources, runtime_dir, compiler, python, lto, jobs, show_scons,
            error_log=cache_root / ("error-%s.log" % folder_name),
        )
        _write_info(tmp_dir, key, runtime_dir, compiler, python, lto, sources)
        _publish(tmp_dir, final_dir, library)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)

    if not quiet:
        _info("C runtime library done in %.2fs" % (time.monotonic() - started))
    return RuntimeLibrary(key, header_key, library, include_dir, from_cache=False)


def _runtime_lto(compiler: CompilerInfo, lto: bool) -> bool:
    # clang's LTO bitcode needs llvm-ar in an archive; without it the runtime
    # is compiled normally (the program's own objects still use LTO).
    return lto and (compiler.kind == "gcc" or compiler.ar_has_lto_plugin())


def _build_library(
    tmp_dir, sources, runtime_dir, compiler, python, lto, jobs, show_scons, error_log
):
    objects = []
    used_names = set()
    for source in sources:
        name = source.stem + ".o"
        while name in used_names:  # cannot happen for one folder, but be safe
            name = "_" + name
        used_names.add(name)
        objects.append([str(source), "objects/" + name])

    desc = {
        "mode": "library",
        "cc": compiler.compile_command(),
        "cc_env": compiler.compile_env(),
        "ar": [compiler.ar],
        "ccflags": get_runtime_compile_flags(runtime_dir, compiler, python, lto),
        "cpppath": [],
        "objects": objects,
        "signature": "",
        "output": RUNTIME_LIBRARY_NAME,
    }
    run_scons(
        desc,
        tmp_dir,
        jobs,
        show_scons,
        what="C compilation of the Nuitka runtime",
        error_log=error_log,
    )

    # Only the archive and the description are kept in the cache.
    shutil.rmtree(tmp_dir / "objects", ignore_errors=True)
    for leftover in tmp_dir.glob(".sconsign*"):
        leftover.unlink()


def _write_info(tmp_dir, key, runtime_dir, compiler, python, lto, sources):
    info = {
        "key": key,
        "python": python.identity(),
        "compiler": compiler.identity(),
        "lto": _runtime_lto(compiler, lto),
        "flags": get_compile_flags(compiler, _runtime_lto(compiler, lto)),
        "sources": [source.name for source in sources],
    }
    (tmp_dir / "info.json").write_text(json.dumps(info, indent=1), encoding="utf-8")


def _publish(tmp_dir: Path, final_dir: Path, library: Path) -> None:
    """Rename the finished folder into place; a lost race uses the winner."""
    for _attempt in range(2):
        try:
            os.replace(tmp_dir, final_dir)
            return
        except OSError:
            if library.is_file():
                return  # another compilation was faster, its result is equal
            # A broken folder (no library) under the final name: replace it.
            broken = final_dir.with_name(final_dir.name + ".broken-%d" % os.getpid())
            try:
                os.replace(final_dir, broken)
            except OSError:
                pass
            shutil.rmtree(broken, ignore_errors=True)
    raise BuildError(
        "Cannot store the C runtime library in %s: check that the cache folder "
        "is writable or set NUITKA_CACHE_DIR" % final_dir
    )


def _remove_stale_tmp_dirs(cache_root: Path) -> None:
    now = time.time()
    for path in cache_root.glob("tmp-*"):
        try:
            if now - path.stat().st_mtime > _STALE_TMP_SECONDS:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass


def _info(message: str) -> None:
    sys.stderr.write("Nuitka-Build: %s\n" % message)
    sys.stderr.flush()
