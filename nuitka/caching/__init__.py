"""Compile cache: reuse generated C code and object files by content hash.

A module whose source, options, compiler version and Python did not change
is neither re-optimized, nor re-generated, nor re-compiled:

* cache kind ``modules``: the generated C code of a module (skips frontend,
  optimization and code generation), keyed by
  :func:`nuitka.caching.keys.module_code_key`;
* cache kind ``ccache``: the object file of a C file (skips the C compiler),
  keyed by :func:`nuitka.caching.keys.object_key`, see
  :mod:`nuitka.caching.objects`.

Both live below the user cache directory (``NUITKA_CACHE_DIR``), see
:mod:`nuitka.build.cache`; ``--disable-cache=modules|ccache|all`` turns them
off, ``--clean-cache=...`` deletes them.  The store (:mod:`.store`) writes
atomically and verifies every entry, so crashes and concurrent compilations
cannot produce a wrong hit.

Use from the session, one :class:`CompileCache` per compilation::

    cache = CompileCache.from_options(options, log=session.log)
    c_text, meta = cache.generate_module_cached(
        module_name, source_path, source_bytes, produce)   # per module
    cache.register_c_file("module.%s.c" % module_name, module_name)
    spec.object_cache = cache.object_cache                  # for the build
    # --report: nuitka.reports reads cache.modules and the object cache

``produce()`` runs the frontend and code generation and returns
``(c_text, meta)``; ``meta`` is a JSON-able dict of whatever else the
pipeline needs later (e.g. the module's C prefix) and is cached with the
code.  :attr:`CompileCache.modules` records per module whether the code came
from the cache; that is what the compilation report shows.
"""

from typing import Callable, Dict, Iterable, List, Optional, Tuple

from nuitka.caching.keys import codegen_options_parts, module_code_key
from nuitka.caching.objects import ObjectCache
from nuitka.caching.store import CacheStore

#: Cache kind names (sub-folders of the cache directory, --disable-cache names).
MODULES_KIND = "modules"
OBJECTS_KIND = "ccache"


def _store_for(kind: str, disabled: bool) -> Optional[CacheStore]:
    if disabled:
        return None
    from nuitka.build.cache import get_cache_dir

    return CacheStore(get_cache_dir() / kind)


class CompileCache:
    """Cache access and the record of what was reused, for one compilation."""

    def __init__(
        self,
        options=None,
        code_cache_enabled: bool = True,
        object_cache_enabled: bool = True,
        log: Optional[Callable[[str], None]] = None,
    ):
        self.log = log or (lambda message: None)
        self.options_parts = codegen_options_parts(options)
        self.code_store = _store_for(MODULES_KIND, not code_cache_enabled)
        self.object_cache = ObjectCache(
            _store_for(OBJECTS_KIND, not object_cache_enabled), log=self.log
        )
        #: One record per module, in compilation order: {"name", "source",
        #: "code": "hit"|"miss"|"disabled", "key": hex key or None,
        #: "c_file": C file name or None}
        self.modules: List[dict] = []
        #: C file name (as given to the build) -> module name
        self.c_files: Dict[str, str] = {}

    @classmethod
    def from_options(cls, options, log=None) -> "CompileCache":
        # --xml and --explain-optimizations want the node tree and the
        # optimizer's notes, which only running the pipeline can give.
        code_enabled = (
            not options.is_cache_disabled(MODULES_KIND) and not options.xml
            and not options.explain_optimizations
        )
        return cls(
            options,
            code_cache_enabled=code_enabled,
            object_cache_enabled=not options.is_cache_disabled(OBJECTS_KIND),
            log=log,
        )

    def generate_module_cached(
        self,
        module_name: str,
        source_path: str,
        source_bytes: bytes,
        produce: Callable[[], Tuple[str, dict]],
        extra: Iterable[Tuple[str, str]] = (),
    ) -> Tuple[str, dict]:
        """The module's ``(c_text, meta)``, from the cache or ``produce()``.

        ``extra`` holds further ``(name, value)`` facts the generated code
        depends on (anything beyond the module's own source and the options).
        Exceptions of ``produce`` (syntax errors, ...) propagate; nothing is
        cached for them.
        """
        record = {
            "name": module_name,
            "source": str(source_path),
            "code": "disabled",
            "key": None,
            "c_file": None,
        }
        self.modules.append(record)
        if self.code_store is None:
            self.log("cache: disabled, generating module '%s'" % module_name)
            return produce()

        key = module_code_key(module_name, source_path, source_bytes, self.options_parts, extra)
        record["key"] = key
        entry = self.code_store.get(key)
        if entry is not None:
            payload, meta = entry
            try:
                c_text = payload.decode("utf-8")
            except UnicodeDecodeError:
                c_text = None
            if c_text is not None and isinstance(meta.get("meta"), dict):
                record["code"] = "hit"
                self.log("cache: hit module '%s' (C code)" % module_name)
                return c_text, meta["meta"]

        record["code"] = "miss"
        self.log("cache: miss module '%s' (C code)" % module_name)
        c_text, meta = produce()
        self.code_store.put(
            key, c_text.encode("utf-8"), {"module": module_name, "meta": meta}
        )
        return c_text, meta

    def lock_build_dir(self, build_dir):
        """Exclusive use of ``build_dir`` (see :mod:`nuitka.caching.locking`);
        call ``.release()`` on the result when the build is done."""
        from nuitka.caching.locking import lock_build_dir

        return lock_build_dir(build_dir, log=self.log)

    def register_c_file(self, c_file_name: str, module_name: str) -> None:
        """Tell the report which module a C file (as built) belongs to."""
        self.c_files[str(c_file_name)] = module_name
        for record in reversed(self.modules):
            if record["name"] == module_name and record["c_file"] is None:
                record["c_file"] = str(c_file_name)
                break


def generate_module_cached(cache: Optional[CompileCache], key_inputs: dict, produce):
    """Functional form: ``key_inputs`` has ``module_name``, ``source_path``,
    ``source_bytes`` (and optionally ``extra``); without a cache, just
    ``produce()``."""
    if cache is None:
        return produce()
    return cache.generate_module_cached(
        key_inputs["module_name"],
        key_inputs["source_path"],
        key_inputs["source_bytes"],
        produce,
        key_inputs.get("extra", ()),
    )
