"""The build specification handed from code generation to the build stage.

See ``doc/INTERFACES.md`` ("Build").  A :class:`BuildSpec` says which C files
to compile, where to put objects (``build_dir``) and the final artefact
(``output_path``), and how (target kind, parallel jobs, LTO, compiler choice,
verbosity, extra preprocessor defines).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

#: Accepted values of :attr:`BuildSpec.target`.
TARGETS = ("exe", "module")

#: Accepted values of :attr:`BuildSpec.lto`.
LTO_MODES = ("yes", "no", "auto")


@dataclass
class BuildSpec:
    """Everything :func:`nuitka.build.builder.build` needs to know.

    Attributes:
        build_dir: The ``<name>.build`` folder.  Object files, the SCons
            database and the build description are kept here so that a
            rebuild only recompiles what changed.
        c_sources: C files to compile (generated modules, ``__program.c``).
            Files inside ``build_dir`` get their object file next to them,
            files elsewhere get one in ``build_dir/_objects``.
        output_path: The final executable or extension module.  Written
            atomically: after a failed build it does not exist.
        target: ``"exe"`` (program linked against libpython) or ``"module"``
            (shared object, e.g. ``x.cpython-311-x86_64-linux-gnu.so``).
        jobs: Parallel C compiler processes; ``0`` means the number of CPUs.
        lto: ``"yes"``, ``"no"`` or ``"auto"`` (currently the same as "no",
            see :func:`nuitka.build.flags.lto_enabled`).
        clang: Use clang instead of gcc.
        show_scons: Show SCons' output and every compiler command line.
        defines: Extra ``-D`` for the generated code; a value of ``None``
            gives a plain ``-DNAME``.
        quiet: When false, report progress (runtime library cache use,
            timings) on stderr.
        runtime_dir: Folder of the C runtime (``*.c`` plus ``include/``).
            ``None`` means the ``nuitka/runtime`` folder of this package;
            tests point it elsewhere.
        object_cache: A :class:`nuitka.caching.objects.ObjectCache`: C files
            whose object it holds are not compiled; it records what was
            reused and stores the new objects.  ``None``: no object cache.
        runtime_cache_dir: Where the compiled C runtime library is kept
            instead of the user cache (``--disable-cache=runtime`` puts it
            into the build folder).  ``None``: the user cache.
    """

    build_dir: Path
    c_sources: List[Path]
    output_path: Path
    target: str = "exe"
    jobs: int = 0
    lto: str = "auto"
    clang: bool = False
    show_scons: bool = False
    defines: Dict[str, Optional[str]] = field(default_factory=dict)
    quiet: bool = True
    runtime_dir: Optional[Path] = None
    object_cache: Optional[object] = None
    runtime_cache_dir: Optional[Path] = None
    #: Filled by the build for ``--report``: compiler, flags, commands.
    info: Dict = field(default_factory=dict)
    #: A nuitka.utils.progress display for the C compilation, or None.
    progress: Optional[object] = None

    def __post_init__(self):
        self.build_dir = Path(self.build_dir)
        self.c_sources = [Path(source) for source in self.c_sources]
        self.output_path = Path(self.output_path)
        if self.runtime_dir is not None:
            self.runtime_dir = Path(self.runtime_dir)
        if self.target not in TARGETS:
            raise ValueError(
                "BuildSpec.target must be one of %s, not %r" % (TARGETS, self.target)
            )
        if self.lto not in LTO_MODES:
            raise ValueError(
                "BuildSpec.lto must be one of %s, not %r" % (LTO_MODES, self.lto)
            )
        if self.jobs < 0:
            raise ValueError("BuildSpec.jobs must be >= 0, not %r" % (self.jobs,))

    def get_jobs(self) -> int:
        """The effective number of parallel jobs (``jobs``, or the CPU count)."""
        if self.jobs > 0:
            return self.jobs
        return get_cpu_count()

    def get_runtime_dir(self) -> Path:
        """The C runtime folder to use (``runtime_dir`` or ``nuitka/runtime``)."""
        if self.runtime_dir is not None:
            return self.runtime_dir
        return Path(__file__).resolve().parent.parent / "runtime"


def get_cpu_count() -> int:
    """CPUs this process may run on (honours affinity masks, e.g. in CI)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
