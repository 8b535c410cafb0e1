"""Object file cache used by the build stage (cache kind ``ccache``).

:func:`nuitka.build.builder.build` calls :meth:`ObjectCache.restore` with the
``[source, object]`` pairs before running SCons.  For every C file whose
object is in the cache (keyed by :func:`nuitka.caching.keys.object_key`) the
object is written into the build folder and the pair is marked
``"prebuilt"``: SCons then links it without running the compiler, even in a
fresh build folder.  While SCons runs, :meth:`ObjectCache.store_compiled`
puts each object into the cache as soon as its compiler command succeeded,
so a build that fails, is interrupted or killed later (a cold build of a big
package takes long on a busy machine) keeps what it compiled.  After SCons,
:meth:`ObjectCache.store_results` stores the objects not stored yet and
records for each file whether the compiler ran for it or SCons found its
object up to date in the build folder.
"""

from pathlib import Path
from typing import Callable, Dict, List, Optional

from nuitka.caching.keys import object_key
from nuitka.caching.store import CacheStore, atomic_write

PREBUILT = "prebuilt"


class ObjectCache:
    """Per-build object cache state; ``results`` maps C file name -> status."""

    def __init__(self, store: Optional[CacheStore], log: Callable[[str], None] = None):
        #: ``None`` when the cache is disabled (statuses are then "disabled").
        self.store = store
        self.log = log or (lambda message: None)
        #: C source name (as in the SCons description) ->
        #: ``{"cache": "hit"|"miss"|"disabled", "compiled": bool}`` where
        #: ``compiled`` says whether the C compiler ran for it.
        self.results: Dict[str, dict] = {}
        self._pending = []
        #: Keys stored while SCons ran (:meth:`store_compiled`).
        self._stored = set()
        #: Commands SCons ran (``None`` until the build ran).
        self.commands = None

    def restore(
        self, objects, build_dir, compile_command, ccflags, signature, runtime_dir=None
    ) -> List[list]:
        """Return the description's object list with cached objects marked.

        ``runtime_dir``: the C runtime folder whose headers the objects
        include (masked in the key, see :func:`object_key`)."""
        build_dir = Path(build_dir)
        result = []
        self._pending = []
        self._stored = set()
        for pair in objects:
            source, target = pair[0], pair[1]
            if self.store is None:
                self._pending.append((source, target, None))
                result.append([source, target])
                continue
            try:
                c_text = (build_dir / source).read_bytes()
            except OSError:
                self._pending.append((source, target, None))
                result.append([source, target])
                continue
            key = object_key(
                c_text, compile_command, ccflags, signature, build_dir, runtime_dir
            )
            entry = self.store.get(key)
            if entry is not None and _install(build_dir / target, entry[0]):
                self.results[source] = {"cache": "hit", "compiled": False}
                self.log("cache: hit object '%s'" % source)
                result.append([source, target, PREBUILT])
            else:
                self._pending.append((source, target, key))
                result.append([source, target])
        return result

    def store_compiled(self, source, build_dir) -> None:
        """Store the object of C file ``source`` (named as in the SCons
        description) now: its compiler command has just succeeded."""
        for pending_source, target, key in self._pending:
            if pending_source != source:
                continue
            if key is None or key in self._stored:
                return
            try:
                payload = (Path(build_dir) / target).read_bytes()
            except OSError:
                return
            if self.store.put(key, payload, {"source": source}):
                self._stored.add(key)
            return

    def store_results(self, scons_report, build_dir) -> None:
        """After a successful SCons run: record statuses, fill the cache."""
        build_dir = Path(build_dir)
        self.commands = list(scons_report.get("commands", []))
        compiled = set()
        for command in scons_report.get("commands", []):
            command = [str(arg) for arg in command]
            if "-c" in command and "-o" in command:
                index = command.index("-o")
                if index + 1 < len(command):
                    compiled.add(command[index + 1])
        for source, target, key in self._pending:
            ran = target in compiled
            cache_status = "disabled" if self.store is None else "miss"
            self.results[source] = {"cache": cache_status, "compiled": ran}
            self.log(
                "cache: %s object '%s' (%s)"
                % (cache_status, source, "compiled" if ran else "up to date in build folder")
            )
            if key is not None and key not in self._stored:
                try:
                    payload = (build_dir / target).read_bytes()
                except OSError:
                    continue
                self.store.put(key, payload, {"source": source})


def _install(path: Path, payload: bytes) -> bool:
    """Write an object file atomically unless it already has this content."""
    try:
        if path.read_bytes() == payload:
            return True
    except OSError:
        pass
    return atomic_write(path, payload, suffix=".o")
