"""C compiler and linker flags used by the build stage.

Choices (and why):

* ``-std=gnu11``: C11 with GNU extensions (statement expressions,
  ``__attribute__``) that the runtime may use.
* ``-O2``: generated code is large; ``-O3`` mostly costs compile time there.
  ``CCFLAGS=-O3`` in the environment overrides it (later flags win).
* ``-fwrapv -fno-strict-aliasing``: the semantics CPython itself relies on.
* ``-fvisibility=hidden``: only ``PyInit_*`` (marked by ``PyMODINIT_FUNC``)
  and ``main`` need to be visible; smaller, faster binaries.
* ``-fPIC`` everywhere: the one cached runtime library serves executables
  and extension modules; with hidden visibility PIC costs nothing over the
  PIE code Debian's gcc produces by default.
* ``-w``: generated code triggers many harmless warnings; real errors are
  still shown.  ``CCFLAGS=-Wall`` brings warnings back.
* ``-DNDEBUG``: like release builds of CPython.
* ``-pipe``: avoid temporary files between compiler passes.
* LTO: ``--lto=yes`` compiles with ``-flto`` and links with ``-flto=<jobs>``
  (gcc) or ``-flto=thin`` on both (clang).  ``--lto=auto`` currently means
  **off**: with gcc, LTO multiplies the link time of large programs and its
  gain for C that mostly calls into libpython is small; turning it on for
  ``auto`` later is a one-line change in :func:`lto_enabled`.

``CCFLAGS`` and ``LDFLAGS`` from the environment are appended to the compile
and link flags (the user manual promises this).
"""

import os
import shlex
from typing import Dict, List, Optional

from nuitka.build.compiler import CompilerInfo

#: Flags common to every compilation; no paths in here (they are hashed into
#: the runtime cache key).
BASE_COMPILE_FLAGS = (
    "-std=gnu11",
    "-O2",
    "-fwrapv",
    "-fno-strict-aliasing",
    "-fvisibility=hidden",
    "-fPIC",
    "-pipe",
    "-w",
    "-DNDEBUG",
)


def get_env_flags(name: str) -> List[str]:
    """Flags from an environment variable such as ``CCFLAGS`` (shell-split)."""
    return shlex.split(os.environ.get(name, ""))


def lto_enabled(lto: str) -> bool:
    """Decide whether LTO is used for ``--lto=yes|no|auto``.

    ``auto`` is off for now, see the module documentation.
    """
    return lto == "yes"


def get_compile_flags(compiler: CompilerInfo, lto: bool) -> List[str]:
    """Path independent compile flags: base flags, LTO flags, then ``CCFLAGS``."""
    flags = list(BASE_COMPILE_FLAGS)
    if lto:
        flags += get_lto_compile_flags(compiler)
    flags += get_env_flags("CCFLAGS")
    return flags


def get_lto_compile_flags(compiler: CompilerInfo) -> List[str]:
    """Compile flags for LTO (the job count only matters at link time)."""
    if compiler.kind == "clang":
        return ["-flto=thin"]
    flags = ["-flto"]
    if not compiler.ar_has_lto_plugin():
        # Plain "ar" cannot index GIMPLE-only objects: keep machine code too.
        flags.append("-ffat-lto-objects")
    return flags


def get_lto_link_flags(compiler: CompilerInfo, jobs: int) -> List[str]:
    """Link flags for LTO; code is generated at link time, so -O2 again."""
    if compiler.kind == "clang":
        return ["-O2", "-flto=thin"]
    return ["-O2", "-fwrapv", "-fno-strict-aliasing", "-flto=%d" % max(1, jobs)]


def get_define_flags(defines: Dict[str, Optional[str]]) -> List[str]:
    """``-DNAME`` / ``-DNAME=VALUE`` flags, sorted by name (deterministic)."""
    flags = []
    for name in sorted(defines):
        value = defines[name]
        if value is None:
            flags.append("-D%s" % name)
        else:
            flags.append("-D%s=%s" % (name, value))
    return flags


def get_include_flags(include_dirs) -> List[str]:
    """``-I<dir>`` for each folder, in order."""
    return ["-I%s" % directory for directory in include_dirs]


def get_prefix_map_flag(path, replacement: str) -> List[str]:
    """``-ffile-prefix-map`` so absolute source paths do not leak into outputs."""
    return ["-ffile-prefix-map=%s=%s" % (path, replacement)]
