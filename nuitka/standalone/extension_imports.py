"""Imports that extension modules of packages make from C.

An extension module outside the standard library imports Python modules
with ``PyImport_ImportModule`` and friends, invisible to a scan of Python
sources.  Two general ways of finding them, by how such modules are built:

* **a source next to it**: mypyc and Cython builds often ship the ``.py``
  they were compiled from (``pkg/mod.py`` beside ``pkg/mod.cpython-311-....so``),
  whose imports are the ones the compiled code makes; Cython builds may
  ship the ``.pyx`` instead (lxml's ``etree.pyx``), not Python syntax, so
  its Python-level ``import``/``from ... import`` lines (not ``cimport``)
  are read line by line, following its ``include "x.pxi"`` files; this
  matters because Cython 3 compresses its string constants, so the names
  are not in the binary either;
* **names in the binary**: the module names the C code imports are string
  constants in it.  Dotted names below the extension's own top-level package
  (``numpy._core._exceptions`` in numpy's ``_multiarray_umath``; Rust
  binaries store them without separators, so a name is also cut where the
  package name starts again), mypyc's shared runtime modules
  (``<hash>__mypyc``) and top-level extension modules of the search path
  outside the standard library (``_cffi_backend``, which cffi-built modules
  import), and standard library modules named by NUL-terminated C strings
  (orjson imports ``uuid`` and ``dataclasses`` from Rust) are taken; a
  name the module finder cannot find is dropped by the caller, so a string
  that only looks like a module name costs nothing.

Names only, no decision: the caller follows them like any other import.
"""

import ast
import os
import re
import sys
from typing import List

from nuitka.modules.scanner import resolve_relative, scan_imports

_MYPYC = re.compile(rb"__mypyc(?![\w.])")

#: Bigger binaries are not searched for names (generated tables, not code).
_MAX_SCAN = 64 * 1024 * 1024


def _sibling_source(filename: str, suffix: str = ".py"):
    folder, base = os.path.split(filename)
    stem = base.split(".")[0]
    candidate = os.path.join(folder, stem + suffix)
    return candidate if os.path.isfile(candidate) else None


_CY_FROM = re.compile(r"^\s*from\s+(\.*[\w.]*)\s+import\s+(.*)$")
_CY_IMPORT = re.compile(r"^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*$")
_CY_INCLUDE = re.compile(r"""^\s*include\s+["']([^"']+)["']""")


def _cython_lines(source: str, seen):
    """Lines of a ``.pyx``/``.pxi`` file and of the files it includes."""
    if source in seen or len(seen) > 100:
        return
    seen.add(source)
    try:
        with open(source, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return
    pending = None
    for line in lines:
        line = line.split("#")[0]
        if pending is not None:
            pending += " " + line
            if ")" in line:
                yield pending
                pending = None
            continue
        include = _CY_INCLUDE.match(line)
        if include:
            yield from _cython_lines(os.path.join(os.path.dirname(source), include.group(1)), seen)
        elif "(" in line and ")" not in line and _CY_FROM.match(line):
            pending = line
        else:
            yield line


def _cython_imports(name: str, source: str, is_package: bool) -> List[str]:
    package = name if is_package else name.rpartition(".")[0]
    result = []
    for line in _cython_lines(source, set()):
        found = _CY_FROM.match(line)
        if found:
            module, names = found.groups()
            level = len(module) - len(module.lstrip("."))
            if level:
                base = package.split(".") if package else []
                if level - 1 > len(base):
                    continue
                base = base[:len(base) - (level - 1)]
                module = ".".join(base + ([module[level:]] if module[level:] else []))
            if not module:
                continue
            result.append(module)
            for item in names.replace("(", " ").replace(")", " ").split(","):
                item = item.split()
                if item and item[0] != "*" and item[0].isidentifier():
                    result.append(module + "." + item[0])
            continue
        found = _CY_IMPORT.match(line)
        if found:
            for item in found.group(1).split(","):
                result.append(item.split()[0])
    return result


def _source_imports(name: str, source: str, is_package: bool) -> List[str]:
    try:
        with open(source, "rb") as f:
            tree = ast.parse(f.read(), source)
    except (OSError, SyntaxError, ValueError):
        return []
    package = name if is_package else name.rpartition(".")[0] or None
    result = []
    for request in scan_imports(tree, skip_main_block=True):
        absolute = resolve_relative(request, package)
        if absolute is None:
            continue
        result.append(absolute)
        for item in request.fromlist:
            if item != "*":
                result.append(absolute + "." + item)
    return result


_TOP_EXTENSIONS = {}


def _below(path, folders):
    return any(path == d or path.startswith(d.rstrip(os.sep) + os.sep) for d in folders)


def top_level_extensions(search_path, stdlib_dirs=(), site_dirs=()) -> set:
    """Names of the top-level extension modules (``name.cpython-3X-....so``,
    ``name.abi3.so``, ``name.so``) in the search path folders that are not
    the standard library's (below ``stdlib_dirs`` but not ``site_dirs``)."""
    key = (tuple(search_path), tuple(stdlib_dirs), tuple(site_dirs))
    if key not in _TOP_EXTENSIONS:
        names = set()
        for folder in search_path:
            real = os.path.realpath(folder)
            if _below(real, stdlib_dirs) and not _below(real, site_dirs):
                continue
            try:
                entries = os.listdir(folder)
            except OSError:
                continue
            for entry in entries:
                if entry.endswith(".so"):
                    stem = entry.split(".")[0]
                    # (mypyc's "<hash>__mypyc" may start with a digit: the
                    # C API imports it all the same.)
                    if re.fullmatch(r"[A-Za-z0-9_]+", stem):
                        names.add(stem)
        _TOP_EXTENSIONS[key] = names
    return _TOP_EXTENSIONS[key]


def _binary_names(name: str, filename: str, extensions=()) -> List[str]:
    try:
        if os.path.getsize(filename) > _MAX_SCAN:
            return []
        with open(filename, "rb") as f:
            data = f.read()
    except OSError:
        return []
    top = name.split(".")[0]
    prefix = top + "."
    result = []
    for match in re.finditer(re.escape(prefix.encode("ascii")) + rb"[\w.]+", data):
        text = match.group(0).decode("ascii")
        # "pkg.a.bpkg.c": names written one after the other (Rust).
        for part in re.split(r"(?<=\w)(?=%s)" % re.escape(prefix), text):
            part = part.rstrip(".")
            if part.startswith(prefix) and part != name and part not in result:
                result.append(part)
    for match in _MYPYC.finditer(data):
        start = match.start()
        while start > 0 and (chr(data[start - 1]).isalnum() or data[start - 1] == 0x5F) and data[start - 1] < 128:
            start -= 1
        word = data[start:match.end()].decode("ascii")
        if re.fullmatch(r"[A-Za-z0-9_]+", word) and word != "__mypyc" and word not in result:
            result.append(word)
    for word in sorted(extensions):
        if word != top and word not in result and re.search(
                rb"(?<![\w.])" + word.encode("ascii") + rb"(?![\w.])", data):
            result.append(word)
    for word in _stdlib_names_in(data):
        if word not in result:
            result.append(word)
    return result


#: Standard library modules not taken from names in binaries: words too
#: common in other strings, and what no extension imports from C (they
#: would undo anti-bloat for programs that never use them).
_STDLIB_NOT_FROM_STRINGS = frozenset((
    "test", "this", "antigravity", "idlelib", "turtle", "turtledemo", "tkinter", "ensurepip",
    "venv", "lib2to3", "pydoc", "pydoc_data", "unittest", "doctest", "distutils", "email",
    "http", "xmlrpc", "smtplib", "imaplib", "poplib", "nntplib", "ftplib", "telnetlib",
    "mailbox", "cgi", "cgitb", "site", "code", "codeop", "pdb", "profile", "cProfile", "trace",
    "tabnanny", "webbrowser", "wsgiref", "msilib", "winreg", "winsound", "nt", "msvcrt",
))
_C_STRING_WORD = re.compile(rb"(?<![\w.])([A-Za-z_][A-Za-z0-9_]{1,40})\0")


def _stdlib_names_in(data: bytes) -> List[str]:
    """Top-level standard library modules named by C strings of the binary
    (``PyImport_ImportModule("uuid")``: orjson imports uuid, dataclasses,
    zoneinfo, ... from Rust; a scan of Python sources never sees them).
    Only NUL-terminated words, the form C APIs take."""
    names = getattr(sys, "stdlib_module_names", ())
    found = set(match.group(1).decode("ascii") for match in _C_STRING_WORD.finditer(data))
    return sorted(name for name in found
                  if name in names and not name.startswith("_") and name not in _STDLIB_NOT_FROM_STRINGS)


def extension_imports(name: str, filename: str, is_package: bool = False, extensions=()) -> List[str]:
    """Module names extension module ``name`` (file ``filename``) may
    import; ``extensions``: see :func:`top_level_extensions`."""
    result = []
    source = _sibling_source(filename)
    if source is not None:
        result.extend(_source_imports(name, source, is_package))
    else:
        source = _sibling_source(filename, ".pyx")
        if source is not None:
            result.extend(_cython_imports(name, source, is_package))
    for found in _binary_names(name, filename, extensions):
        if found not in result:
            result.append(found)
    return result
