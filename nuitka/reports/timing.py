"""Time and memory spent per stage of a compilation (for ``--report``).

One :class:`Timings` per compilation; stages add up when entered several
times (every module passes through ``frontend``, ``optimization`` and
``codegen``).  The stage names, in the order the report lists them, are
:data:`STAGES`.
"""

import contextlib
import time

#: Stages in report order.  ``import-scan``: finding the modules and their
#: imports; ``frontend``/``optimization``/``codegen``: the per-module
#: pipeline (``nuitka.pipeline``; zero for modules whose C code came from
#: the cache); ``c-compile``: the C compiler and linker (SCons);
#: ``standalone-copy``: assembling the dist folder; ``onefile``: packing it.
STAGES = (
    "import-scan", "frontend", "optimization", "codegen", "c-compile",
    "standalone-copy", "onefile", "total",
)


class Timings:
    def __init__(self):
        self.seconds = {}

    def add(self, stage, seconds):
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextlib.contextmanager
    def stage(self, name):
        started = time.monotonic()
        try:
            yield
        finally:
            self.add(name, time.monotonic() - started)

    def ordered(self):
        """``[(stage, seconds)]``: the known stages first, in order."""
        known = [(name, self.seconds[name]) for name in STAGES if name in self.seconds]
        return known + sorted(item for item in self.seconds.items() if item[0] not in STAGES)


def stage(timings, name):
    """``timings.stage(name)``, or nothing when ``timings`` is None."""
    if timings is None:
        return contextlib.nullcontext()
    return timings.stage(name)


def peak_memory():
    """``{"self_kb": .., "children_kb": ..}``: peak resident set sizes
    (``getrusage``; kilobytes on Linux), or ``{}`` where unavailable."""
    try:
        import resource
    except ImportError:
        return {}
    return {
        "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }
