"""The build stage: C files in, executable or extension module out.

:func:`build` is the only entry point (contract in ``doc/INTERFACES.md``).
Steps:

1. Find the C compiler (:mod:`nuitka.build.compiler`) and check the Python
   headers.
2. Get the C runtime library from the cache, compiling it first if needed
   (:mod:`nuitka.build.runtime`).
3. Describe objects, flags and the link in a JSON file inside ``build_dir``
   and let SCons bring everything up to date (:mod:`nuitka.build.scons`).
   SCons compares content signatures, so an unchanged rebuild runs no
   compiler and no linker.
4. Copy the linked file (kept in ``build_dir`` for the next incremental
   build) to a temporary name next to ``output_path`` and ``os.replace`` it
   into place.

Any old ``output_path`` is removed first, so after a failed build (or an
interrupted one) there is no output at all, never a stale or half-written one.
"""

import hashlib
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Dict, List, Tuple

from nuitka.build.compiler import (
    detect_compiler,
    get_python_embed_link_args,
    get_python_info,
    settle_farm,
)
from nuitka.build.ccache_stats import ccache_delta, read_ccache_stats
from nuitka.build.errors import BuildError
from nuitka.build.flags import (
    get_compile_flags,
    get_define_flags,
    get_env_flags,
    get_include_flags,
    get_lto_link_flags,
    get_prefix_map_flag,
    lto_enabled,
)
from nuitka.build.runtime import RuntimeLibrary, ensure_runtime_library
from nuitka.build.scons import run_scons
from nuitka.build.spec import BuildSpec

#: Folder (inside build_dir) for objects of sources that live elsewhere.
EXTERNAL_OBJECTS_DIR = "_objects"


def build(spec: BuildSpec) -> Path:
    """Compile and link ``spec.c_sources``; return the absolute output path.

    Raises:
        BuildError: with a one-line message (missing compiler or headers,
            C compile or link failure, unwritable cache).  ``output_path``
            does not exist afterwards.
    """
    output_path = Path(spec.output_path).absolute()
    _remove_file(output_path)
    try:
        return _build(spec, output_path)
    except BaseException:
        _remove_file(output_path)
        raise


def _build(spec: BuildSpec, output_path: Path) -> Path:
    started = time.monotonic()

    if not spec.c_sources:
        raise BuildError("No C source files to compile: the build spec lists none")
    for source in spec.c_sources:
        if not Path(source).is_file():
            raise BuildError("C source file %s does not exist" % source)

    compiler = settle_farm(detect_compiler(spec.clang), quiet=spec.quiet)
    python = get_python_info()
    lto = lto_enabled(spec.lto)
    jobs = spec.get_jobs()
    if spec.jobs <= 0 and compiler.farm is not None:
        jobs = compiler.farm.default_jobs(jobs)

    runtime = ensure_runtime_library(
        spec.get_runtime_dir(),
        compiler,
        python,
        lto,
        jobs,
        show_scons=spec.show_scons,
        quiet=spec.quiet,
        cache_root=spec.runtime_cache_dir,
    )

    build_dir = Path(spec.build_dir).resolve()
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BuildError("Cannot create build folder %s: %s" % (build_dir, e)) from None

    objects = get_object_pairs(spec.c_sources, build_dir)
    linked_name = "_nuitka_linked" + (".so" if spec.target == "module" else ".bin")
    desc = make_program_description(
        spec, compiler, python, runtime, lto, jobs, objects, linked_name
    )

    object_cache = spec.object_cache
    if object_cache is not None:
        # Cached objects are linked as they are, SCons does not compile them.
        desc["objects"] = object_cache.restore(
            desc["objects"], build_dir, compiler.link_command(), desc["ccflags"],
            runtime.header_key, runtime.include_dir.parent,
        )

    spec.info.update(
        compiler=compiler.path, compiler_kind=compiler.kind, compiler_version=compiler.version,
        ccache=compiler.ccache or "", jobs=jobs, lto=lto, ccflags=list(desc["ccflags"]),
        linkflags=list(desc["linkflags"]), libs=list(desc["libs"]),
        compile_command=list(desc["cc"]),
        farm=compiler.farm.describe() if compiler.farm is not None else "",
    )
    stats_before = read_ccache_stats(compiler.ccache) if compiler.ccache else None
    on_compiled = None
    if object_cache is not None:
        def on_compiled(source):
            object_cache.store_compiled(source, build_dir)
    report = _run_scons_with_progress(spec, desc, build_dir, jobs, on_compiled)
    delta = ccache_delta(stats_before, read_ccache_stats(compiler.ccache) if stats_before else None)
    if delta is not None:
        spec.info.update(ccache_hits=delta["hits"], ccache_misses=delta["misses"])

    if object_cache is not None:
        object_cache.store_results(report, build_dir)

    _install_output(build_dir / linked_name, output_path)

    if not spec.quiet:
        sys.stderr.write(
            "Nuitka-Build: %d command(s) run, %s written in %.2fs\n"
            % (len(report.get("commands", [])), output_path, time.monotonic() - started)
        )
    return output_path


def _run_scons_with_progress(spec, desc, build_dir, jobs, on_compiled=None):
    """Run SCons; ``on_compiled(source)`` after each C file compiled."""
    def compiled(name):
        if on_compiled is not None:
            on_compiled(name)

    if spec.progress is None or spec.show_scons:
        def on_progress_quiet(what, name):
            if what == "compiled":
                compiled(name)

        return run_scons(desc, build_dir, jobs, spec.show_scons, what="C compilation",
                         on_progress=on_progress_quiet if on_compiled is not None else None)
    total = sum(1 for entry in desc["objects"] if entry[2:] != ["prebuilt"])
    with spec.progress.stage("C compile", "C files") as stage:
        stage.update(0, total)

        def on_progress(what, name):
            if what == "compiled":
                compiled(name)
                stage.update(None, total, name)
            elif what == "failed":
                spec.progress.finished(stage, False)  # erase the status line
            else:
                stage.update(stage.done, total, "linking")

        return run_scons(desc, build_dir, jobs, spec.show_scons, what="C compilation",
                         on_progress=on_progress)


def get_object_pairs(c_sources: List[Path], build_dir: Path) -> List[Tuple[str, str]]:
    """``(source, object)`` path pairs as SCons sees them (cwd = build_dir).

    A source inside ``build_dir`` is named relative to it and gets its object
    next to it (``foo.c`` -> ``foo.o``), so command lines and ``__FILE__``
    hold no absolute build paths.  A source elsewhere keeps its absolute path
    and its object goes to ``_objects/<stem>-<hash of its folder>.o``.
    """
    build_dir = Path(build_dir).resolve()
    pairs = []
    seen = set()
    for source in c_sources:
        source = Path(source).resolve()
        try:
            relative = source.relative_to(build_dir)
        except ValueError:
            folder_hash = hashlib.sha1(str(source.parent).encode("utf-8")).hexdigest()[:10]
            source_name = str(source)
            object_name = "%s/%s-%s.o" % (EXTERNAL_OBJECTS_DIR, source.stem, folder_hash)
        else:
            source_name = relative.as_posix()
            object_name = relative.with_suffix(".o").as_posix()
        if source_name in seen:
            continue  # the same file listed twice
        seen.add(source_name)
        pairs.append((source_name, object_name))
    return pairs


def make_program_description(
    spec: BuildSpec,
    compiler,
    python,
    runtime: RuntimeLibrary,
    lto: bool,
    jobs: int,
    objects,
    linked_name: str,
) -> Dict:
    """The SCons build description for compiling and linking the program."""
    build_dir = Path(spec.build_dir).resolve()
    ccflags = (
        get_compile_flags(compiler, lto)
        + get_include_flags(python.include_dirs)
        + get_include_flags([runtime.include_dir, "."])
        + get_define_flags(spec.defines)
        # Neither folder reaches the objects (``__FILE__`` of a runtime
        # header, debug info), so the object cache can mask both in its key:
        # every checkout or install location shares the cached objects.
        + get_prefix_map_flag(runtime.include_dir.parent, "nuitka/runtime")
        + get_prefix_map_flag(build_dir, ".")
    )

    linkflags = []
    if spec.target == "module":
        linkflags.append("-shared")
    if lto:
        linkflags += get_lto_link_flags(compiler, jobs)

    libs = []
    if spec.target == "exe":
        libs += list(get_python_embed_link_args())
    libs += get_env_flags("LDFLAGS")

    return {
        "mode": "program",
        "cc": compiler.compile_command(),
        "cc_env": compiler.compile_env(),
        "link": compiler.link_command(),
        "ccflags": ccflags,
        "cpppath": ["."],
        "objects": [list(pair) for pair in objects],
        # Objects depend on runtime headers, Python and compiler identity.
        "signature": runtime.header_key,
        "linkflags": linkflags,
        "lib_files": [str(runtime.library)] if runtime.library is not None else [],
        "libs": libs,
        "output": linked_name,
    }


def _install_output(linked: Path, output_path: Path) -> None:
    """Copy the linked file to ``output_path`` atomically (tmp + os.replace)."""
    if not linked.is_file():
        raise BuildError("Linking produced no output file %s" % linked)
    try:
        output_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BuildError("Cannot create output folder %s: %s" % (output_path.parent, e)) from None

    tmp_path = output_path.with_name(".%s.tmp-%d" % (output_path.name, os.getpid()))
    try:
        shutil.copyfile(linked, tmp_path)
        shutil.copymode(linked, tmp_path)
        os.replace(tmp_path, output_path)
    except OSError as e:
        _remove_file(tmp_path)
        raise BuildError("Cannot write %s: %s" % (output_path, e)) from None
    except BaseException:
        _remove_file(tmp_path)
        raise


def _remove_file(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        raise BuildError(
            "Output path %s is a folder: remove it or choose another output name" % path
        ) from None
    except OSError as e:
        raise BuildError("Cannot remove old output %s: %s" % (path, e)) from None
