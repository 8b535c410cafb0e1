"""Finding the C compiler and what is needed to build against this Python.

Two pieces of information are produced here, both cheap to compute and
cached per process:

* :class:`CompilerInfo` (:func:`detect_compiler`): which compiler binary to
  run (gcc by default or from ``CC``, clang with ``--clang``), its version
  (part of cache keys), the archiver that fits it, and the ``ccache`` wrapper
  if one is available (on ``PATH``, or named by ``NUITKA_CCACHE_BINARY``).
* :class:`PythonInfo` (:func:`get_python_info`): include folders (with a
  check that ``Python.h`` is really there) and the linker arguments that
  embed libpython into an executable, all from ``sysconfig`` of the running
  interpreter.

Failures the user can fix raise :class:`~nuitka.build.errors.BuildError`
with a one-line message.
"""

import dataclasses
import functools
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from typing import Optional, Tuple

from nuitka.build.errors import BuildError
from nuitka.build.farm import (
    FarmInfo,
    farm_from_ccache_prefix,
    probe_farm,
    split_wrapper,
)
from nuitka.build.farm import note as farm_note

#: Environment variable naming the ccache binary (or "none" to disable it).
CCACHE_ENV = "NUITKA_CCACHE_BINARY"

_CCACHE_DISABLED_VALUES = ("none", "no", "0", "false", "off")

_NO_COMPILER_HINT = "install gcc (Debian: apt-get install gcc) or set CC"


@dataclass(frozen=True)
class CompilerInfo:
    """A C compiler that was found and checked to run.

    Attributes:
        path: Absolute path of the compiler driver (``/usr/bin/gcc``).
        extra_args: Arguments that came with ``CC`` (``CC="gcc -m32"``).
        kind: ``"gcc"`` or ``"clang"`` (decides LTO and archiver details).
        version: First line of ``--version`` output; part of cache keys.
        ccache: Absolute path of ccache to prefix compile commands, or None.
        ar: Archiver for static libraries (``gcc-ar``/``llvm-ar`` when
            available, as those understand LTO objects, else ``ar``).
        farm: distcc or icecream in front of compilations (see
            :mod:`nuitka.build.farm`), or None.
    """

    path: str
    extra_args: Tuple[str, ...]
    kind: str
    version: str
    ccache: Optional[str]
    ar: str
    farm: Optional[FarmInfo] = None

    def compile_command(self):
        """Command prefix for compiling (with ccache when available).

        With both ccache and a farm, ccache comes first and hands its misses
        to the farm through ``CCACHE_PREFIX`` (see :meth:`compile_env`).
        """
        if self.ccache:
            prefix = [self.ccache]
        elif self.farm is not None and not self.farm.via_ccache_prefix:
            prefix = [self.farm.path]
        else:
            prefix = []
        return prefix + [self.path] + list(self.extra_args)

    def compile_env(self):
        """Environment changes for compile commands (ccache's farm prefix)."""
        if not self.ccache:
            return {}
        if self.farm is not None:
            return {"CCACHE_PREFIX": self.farm.path}
        if farm_from_ccache_prefix() is not None:
            # The user's CCACHE_PREFIX farm was found unusable: bypass it.
            return {"CCACHE_PREFIX": ""}
        return {}

    def link_command(self):
        """Command prefix for linking (ccache does not cache links)."""
        return [self.path] + list(self.extra_args)

    def ar_has_lto_plugin(self) -> bool:
        """Whether :attr:`ar` can index LTO objects (gcc-ar / llvm-ar)."""
        name = os.path.basename(self.ar)
        return "gcc-ar" in name or "llvm-ar" in name

    def identity(self) -> str:
        """A string that changes whenever the compiler's output may change."""
        return "%s|%s|%s|%s" % (
            self.kind,
            os.path.realpath(self.path),
            " ".join(self.extra_args),
            self.version,
        )


def detect_compiler(clang: bool = False) -> CompilerInfo:
    """Find the C compiler to use.

    Rules: with ``clang`` true, ``CC`` is used if it names a clang, else
    ``clang`` from ``PATH``.  Otherwise ``CC`` when set (it may contain
    arguments and a ``ccache`` prefix), else the first of ``gcc``, ``cc``,
    ``clang`` found on ``PATH``.

    Raises:
        BuildError: no compiler found, or it does not run.
    """
    return _detect_compiler_cached(
        bool(clang),
        os.environ.get("CC", ""),
        os.environ.get("PATH", ""),
        os.environ.get(CCACHE_ENV),
        os.environ.get("CCACHE_PREFIX", ""),
    )


@functools.lru_cache(maxsize=None)
def _detect_compiler_cached(clang, cc_env, _path_env, ccache_env, _ccache_prefix):
    cc_argv = shlex.split(cc_env) if cc_env.strip() else []

    # "CC=ccache gcc" is common: treat the wrapper as our ccache setting.
    ccache_from_cc = None
    if cc_argv and os.path.basename(cc_argv[0]) == "ccache":
        ccache_from_cc = shutil.which(cc_argv[0])
        cc_argv = cc_argv[1:]

    # "CC=distcc gcc", "CC=ccache icecc gcc": a compile farm wrapper.
    farm_name, farm_path, cc_argv = split_wrapper(cc_argv)
    if farm_name is not None and farm_path is None:
        raise BuildError(
            "CC=%r names %s, which is not installed: install it (Debian: apt-get "
            "install %s) or remove it from CC"
            % (cc_env, farm_name, os.path.basename(farm_name))
        )

    if clang:
        if cc_argv and "clang" in os.path.basename(cc_argv[0]):
            path = shutil.which(cc_argv[0])
            extra = tuple(cc_argv[1:])
        else:
            path = shutil.which("clang")
            extra = ()
        if path is None:
            raise BuildError(
                "clang was requested (--clang) but not found: install clang "
                "(Debian: apt-get install clang) or set CC to a clang binary"
            )
    elif cc_argv:
        path = shutil.which(cc_argv[0])
        extra = tuple(cc_argv[1:])
        if path is None:
            raise BuildError(
                "No C compiler found: CC=%r does not name an executable; "
                "install gcc (Debian: apt-get install gcc) or fix CC" % cc_env
            )
    else:
        path = None
        for candidate in ("gcc", "cc", "clang"):
            path = shutil.which(candidate)
            if path is not None:
                break
        extra = ()
        if path is None:
            raise BuildError("No C compiler found: " + _NO_COMPILER_HINT)

    path = os.path.abspath(path)
    version_output = _run_version(path, extra)
    first_line = version_output.strip().splitlines()[0] if version_output.strip() else ""
    kind = "clang" if "clang" in version_output.lower() else "gcc"

    ccache = _find_ccache(ccache_env, ccache_from_cc)
    if farm_path is not None:
        farm = FarmInfo(kind=os.path.basename(farm_path), path=farm_path)
    elif ccache is not None:
        farm = farm_from_ccache_prefix()
    else:
        farm = None

    return CompilerInfo(
        path=path,
        extra_args=extra,
        kind=kind,
        version=first_line,
        ccache=ccache,
        ar=_find_archiver(path, kind),
        farm=farm,
    )


def settle_farm(compiler: CompilerInfo, quiet: bool = True) -> CompilerInfo:
    """The compiler with its farm checked: hosts that do not answer at all
    mean compiling locally (with one note), once per process."""
    if compiler.farm is None:
        return compiler
    usable, message = _probe_farm_cached(compiler.farm, os.environ.get("DISTCC_HOSTS"))
    if message:
        farm_note(message)
    if not usable:
        return dataclasses.replace(compiler, farm=None)
    if not quiet:
        farm_note("compiling through %s" % compiler.farm.describe())
    return compiler


@functools.lru_cache(maxsize=None)
def _probe_farm_cached(farm, _hosts_env):
    return probe_farm(farm)


def _run_version(path, extra):
    try:
        result = subprocess.run(
            [path, *extra, "--version"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as e:
        raise BuildError(
            "C compiler %s does not run (%s): %s" % (path, e, _NO_COMPILER_HINT)
        ) from None
    output = result.stdout.decode("utf-8", "replace")
    if result.returncode != 0:
        raise BuildError(
            "C compiler %s does not run ('--version' exited with %d): %s"
            % (path, result.returncode, _NO_COMPILER_HINT)
        )
    return output


def _find_ccache(ccache_env, ccache_from_cc):
    """ccache from NUITKA_CCACHE_BINARY, from a ``CC=ccache ...``, or PATH."""
    if ccache_env is not None and ccache_env.strip():
        if ccache_env.strip().lower() in _CCACHE_DISABLED_VALUES:
            return None
        found = shutil.which(os.path.expanduser(ccache_env.strip()))
        if found is not None:
            return os.path.abspath(found)
        sys.stderr.write(
            "Nuitka-Build: warning: %s=%r is not an executable, "
            "looking for ccache on PATH instead.\n" % (CCACHE_ENV, ccache_env)
        )
    if ccache_from_cc is not None:
        return os.path.abspath(ccache_from_cc)
    found = shutil.which("ccache")
    return os.path.abspath(found) if found is not None else None


def _find_archiver(compiler_path, kind):
    """Pick the archiver: the LTO-aware wrapper next to the compiler if any."""
    directory, name = os.path.split(compiler_path)
    candidates = []
    if kind == "gcc":
        if "gcc" in name:
            # x86_64-linux-gnu-gcc-12 -> x86_64-linux-gnu-gcc-ar-12
            candidates.append(os.path.join(directory, name.replace("gcc", "gcc-ar", 1)))
        candidates.append("gcc-ar")
    else:
        if "clang" in name:
            # clang-16 -> llvm-ar-16
            candidates.append(os.path.join(directory, name.replace("clang", "llvm-ar", 1)))
        candidates.append("llvm-ar")
    candidates.append("ar")

    for candidate in candidates:
        found = shutil.which(candidate)
        if found is not None:
            return os.path.abspath(found)
    raise BuildError(
        "No archiver ('ar') found: install binutils (Debian: apt-get install binutils)"
    )


@dataclass(frozen=True)
class PythonInfo:
    """How to compile and link C code for the running Python.

    Attributes:
        version: ``sys.version`` (exact build).
        abiflags: ``sys.abiflags``.
        cache_tag: ``sys.implementation.cache_tag`` (``cpython-311``).
        include_dirs: Folders holding ``Python.h`` and ``pyconfig.h``.
    """

    version: str
    abiflags: str
    cache_tag: str
    include_dirs: Tuple[str, ...]

    def identity(self) -> str:
        """A string that changes whenever C code built for it must change."""
        return "%s|%s|%s|%s|%s" % (
            self.version,
            self.abiflags,
            self.cache_tag,
            sysconfig.get_config_var("SOABI") or "",
            "|".join(self.include_dirs),
        )


def get_python_info() -> PythonInfo:
    """Include folders of the running Python, checking that headers exist.

    Raises:
        BuildError: ``Python.h`` is missing (no development headers).
    """
    return _get_python_info_cached()


@functools.lru_cache(maxsize=None)
def _get_python_info_cached():
    paths = sysconfig.get_paths()
    include_dirs = []
    for key in ("include", "platinclude"):
        value = paths.get(key)
        if value and value not in include_dirs:
            include_dirs.append(value)

    if not include_dirs or not os.path.isfile(os.path.join(include_dirs[0], "Python.h")):
        raise BuildError(
            "Python development headers not found (no Python.h in %s): install them "
            "(Debian: apt-get install python%s-dev) or use a Python that has them"
            % (include_dirs[0] if include_dirs else "?", sysconfig.get_python_version())
        )

    return PythonInfo(
        version=sys.version,
        abiflags=getattr(sys, "abiflags", ""),
        cache_tag=sys.implementation.cache_tag or "python",
        include_dirs=tuple(include_dirs),
    )


def get_python_embed_link_args() -> Tuple[str, ...]:
    """Linker arguments (after the objects) to embed libpython in a program.

    Mirrors ``python3-config --embed --ldflags``, but links libpython by its
    full path (this also works when only ``libpython3.X.so.1.0`` is installed)
    and adds ``-Wl,-rpath,<dir>`` for a shared libpython, so the program finds
    it without ``LD_LIBRARY_PATH``.  For a static libpython, the symbols are
    exported (``LINKFORSHARED``) so that extension modules can use them.

    Raises:
        BuildError: no libpython could be found.
    """
    return _get_python_embed_link_args_cached()


@functools.lru_cache(maxsize=None)
def _get_python_embed_link_args_cached():
    def var(name):
        return sysconfig.get_config_var(name) or ""

    shared = bool(sysconfig.get_config_var("Py_ENABLE_SHARED"))
    libdirs = [var("LIBDIR"), var("LIBPL")]
    if var("MULTIARCH"):
        libdirs.append(os.path.join(var("LIBDIR"), var("MULTIARCH")))
    libdirs = [d for d in libdirs if d]

    names = [var("LDLIBRARY"), var("INSTSONAME")]
    if not shared:
        names = [var("LIBRARY") or var("LDLIBRARY")]
    names = [n for n in names if n]

    library = None
    for name in names:
        for libdir in libdirs:
            candidate = os.path.join(libdir, name)
            if os.path.isfile(candidate):
                library = candidate
                break
        if library is not None:
            break

    if library is None:
        raise BuildError(
            "libpython not found (looked for %s in %s): install it "
            "(Debian: apt-get install libpython%s-dev) or use a Python built with it"
            % (" or ".join(names) or "libpython", ", ".join(libdirs),
               sysconfig.get_python_version())
        )

    args = [library]
    if shared:
        args.append("-Wl,-rpath," + os.path.dirname(library))
    else:
        args += shlex.split(var("LINKFORSHARED"))
        args += shlex.split(var("MODLIBS"))
    args += shlex.split(var("LIBS"))
    args += shlex.split(var("SYSLIBS"))
    return tuple(args)
