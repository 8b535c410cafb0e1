"""Standalone folders (``--standalone``) and their onefile packing (``--onefile``).

:func:`build_standalone` is the session's last stage in these modes: it
builds the program into a temporary folder, adds what the program needs to
run without a Python installation (``dist_folder``: libpython, the standard
library as bytecode (``stdlib_bytecode``), extension modules, shared
libraries found by the ELF walk (``dll_dependencies``, ``elf``), data
files), renames the folder to ``prog.dist`` and, for ``--onefile``, packs it
with ``nuitka.onefile``.  See the developer manual, "Standalone".
"""

import ast
import os
import shutil
import sys
import time
from pathlib import Path

from .dist_folder import DistError, add_libraries, copy_extension, find_patchelf, fix_elf_files, folder_stats
from .stdlib_bytecode import (
    STDLIB_ARCHIVE,
    collect_carried_modules,
    relative_source_path,
    write_pyc_file,
    write_stdlib_archive,
)


def module_dist_path(name: str, is_package: bool) -> str:
    """``pkg/mod.py`` / ``pkg/__init__.py``: ``__file__`` of a compiled
    module, relative to the dist folder."""
    parts = name.split(".")
    return "/".join(parts) + ("/__init__.py" if is_package else ".py")


def _carried_roots(session):
    graph = session.graph
    roots = list(graph.not_followed) + list(getattr(session, "carried_includes", ()))
    for module in list(graph.modules.values()) + list(graph.mains):
        roots.extend(module.imports)
        if _uses_type_params(module.filename):
            # PEP 695: the interpreter imports typing for Generic (3.12+).
            roots.append("typing")
    return roots


def _uses_type_params(filename):
    if sys.version_info < (3, 12):
        return False
    try:
        with open(filename, "rb") as f:
            tree = ast.parse(f.read(), filename)
    except (OSError, SyntaxError, ValueError):
        return False
    return any(getattr(node, "type_params", None) or isinstance(node, getattr(ast, "TypeAlias", ()))
               for node in ast.walk(tree))


def _copy_data_files(session, dist_dir, progress, total):
    """The data files the session collected and checked
    (``nuitka.standalone.data_files``, ``--include-data-*``)."""
    for item in getattr(session, "data_files", ()):
        progress.update(None, total, item.dest)
        target = os.path.join(dist_dir, *item.dest.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(str(item.source), target)
        session.copied_files.append({"kind": "data-file", "dest": item.dest,
                                     "source": str(item.source), "reason": item.reason})


def _program_modules(session, carried):
    """``(name, filename, is_package)`` of every module in the folder."""
    graph = session.graph
    for module in list(graph.mains) + graph.compiled_modules():
        yield module.name, module.filename, module.is_package
    for module in sorted(carried.sources.values(), key=lambda m: m.name):
        yield module.name, module.filename, module.is_package
    for name, filename in sorted(carried.extensions.items()):
        yield name, filename, os.path.basename(filename).startswith("__init__.")


def _copy_plugin_files(session, dist_dir, carried, origins=None):
    """Data files and shared libraries the plugins name for the modules
    (package configuration ``data-files``/``dlls``); the libraries are then
    part of the ELF walk like every other file."""
    from .data_files import _excluded  # pylint: disable=import-outside-toplevel

    plugins = getattr(session, "plugins", None)
    if plugins is None:
        return
    excludes = list(getattr(session.options, "noinclude_data_files", None) or ())
    for name, filename, is_package in _program_modules(session, carried):
        for source, dest, reason in plugins.data_files(name, filename, is_package):
            if excludes and _excluded(dest, excludes):
                continue
            _copy_into(dist_dir, str(source), dest, reason, session, "data-file")
        for path, dest_dir, reason in plugins.dlls(name, filename, is_package):
            dest = "/".join(part for part in (dest_dir, os.path.basename(str(path))) if part)
            _copy_into(dist_dir, str(path), dest, reason, session, "dll")
            if origins is not None:
                origins[os.path.join(dist_dir, *dest.split("/"))] = os.path.realpath(str(path))


def _copy_into(dist_dir, source, dest, reason, session, kind="data-file"):
    parts = [part for part in dest.replace(os.sep, "/").split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        raise DistError("'%s' (%s) would be outside the dist folder" % (dest, reason))
    target = os.path.join(dist_dir, *parts)
    if os.path.exists(target):
        return
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        shutil.copyfile(source, target)
    except OSError as e:
        raise DistError("cannot copy '%s' (%s): %s" % (source, reason, e.strerror)) from None
    shutil.copymode(source, target)
    session.copied_files.append({"kind": kind, "dest": "/".join(parts), "source": source,
                                 "reason": reason})
    session.log("'%s' from '%s' (%s)" % ("/".join(parts), source, reason))


def build_standalone(session, cache, build_dir, c_files):
    """Build ``prog.dist`` (and the onefile). Raises the session's
    CompilationError with one line on failure, leaving no folder behind."""
    from nuitka.session import CompilationError  # pylint: disable=import-outside-toplevel

    options = session.options
    dist_dir = Path(options.dist_dir_path())
    binary_name = options.output_filename if (options.output_filename and not options.onefile) else (
        options.program_name() + ".bin"
    )
    binary_name = os.path.basename(binary_name)
    tmp_dir = dist_dir.parent / (".%s.tmp-%d" % (dist_dir.name, os.getpid()))
    started = time.monotonic()
    try:
        patchelf = find_patchelf()
        shutil.rmtree(tmp_dir, ignore_errors=True)
        tmp_dir.mkdir(parents=True)
        session.build(cache, build_dir, c_files, tmp_dir / binary_name)
        with session.timings.stage("standalone-copy"):
            _assemble(session, str(tmp_dir), patchelf)
        old = None
        if dist_dir.exists() or dist_dir.is_symlink():
            old = dist_dir.parent / (".%s.old-%d" % (dist_dir.name, os.getpid()))
            os.rename(dist_dir, old)
        os.rename(tmp_dir, dist_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except DistError as e:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        raise CompilationError("nuitka: error: %s\n" % e) from None
    except BaseException:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        raise
    count, size = folder_stats(str(dist_dir))
    session.log("standalone folder '%s': %d files, %.1f MB, %.1f s"
                % (dist_dir, count, size / 1e6, time.monotonic() - started))
    if options.onefile:
        from nuitka.onefile import OnefileError, OnefileSettings, build_onefile  # pylint: disable=import-outside-toplevel

        try:
            with session.timings.stage("onefile"):
                build_onefile(str(dist_dir), binary_name, str(options.output_binary_path()),
                              OnefileSettings.from_options(options))
        except OnefileError as e:
            raise CompilationError("nuitka: error: %s\n" % e) from None
        finally:
            if options.remove_output:
                shutil.rmtree(dist_dir, ignore_errors=True)


def _assemble(session, dist_dir, patchelf):
    options = session.options
    graph = session.graph
    compiled = set(graph.modules)
    carried = collect_carried_modules(
        graph.finder, _carried_roots(session), compiled, list(options.nofollow_import_to), log=session.log,
        plugins=session.plugins,
    )
    session.carried = carried
    stdlib = [m for m in carried.sources.values() if m.is_stdlib]
    total = len(carried.sources) + len(carried.extensions) + len(getattr(session, "data_files", ()))
    with session.progress.stage("standalone folder", "files") as progress:
        progress.update(0, total, STDLIB_ARCHIVE)
        write_stdlib_archive(stdlib, os.path.join(dist_dir, STDLIB_ARCHIVE))
        progress.update(len(stdlib), total)
        for module in carried.sources.values():
            if not module.is_stdlib:
                progress.update(None, total, module.name)
                write_pyc_file(module, dist_dir)
        for name in sorted(carried.namespaces):
            os.makedirs(os.path.join(dist_dir, *name.split(".")), exist_ok=True)
        origins = {}
        for name, path in sorted(carried.extensions.items()):
            progress.update(None, total, os.path.basename(path))
            relative = copy_extension(path, name, dist_dir)
            origins[os.path.join(dist_dir, *relative.split("/"))] = os.path.realpath(path)
        _copy_data_files(session, dist_dir, progress, total)
        _copy_plugin_files(session, dist_dir, carried, origins)
        progress.update(progress.done, total, "shared libraries")
        libraries = []
        add_libraries(dist_dir, session.log, libraries, origins)
        for name, source, needed_by in libraries:
            session.copied_files.append({"kind": "dll", "dest": name, "source": source,
                                         "reason": "needed by %s" % needed_by})
    with session.progress.stage("strip and patchelf", "files") as progress:
        fix_elf_files(dist_dir, patchelf, on_file=progress.update)


__all__ = ["build_standalone", "module_dist_path", "relative_source_path", "DistError"]
