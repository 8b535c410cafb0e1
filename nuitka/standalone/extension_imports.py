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
  (``numpy._core._exceptions`` in numpy's ``_multiarray_umath``) and mypyc's
  shared runtime modules (``<hash>__mypyc``, top-level) are taken; a name
  the module finder cannot find is dropped by the caller, so a string that
  only looks like a module name costs nothing.

Names only, no decision: the caller follows them like any other import.
"""

import ast
import os
import re
from typing import List

from nuitka.modules.scanner import resolve_relative, scan_imports

_DOTTED = re.compile(rb"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?![\w.])")
_MYPYC = re.compile(rb"(?<![\w.])(\w+__mypyc)(?![\w.])")

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


def _binary_names(name: str, filename: str) -> List[str]:
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
    for match in _DOTTED.finditer(data):
        text = match.group(1).decode("ascii")
        if text.startswith(prefix) and text != name:
            result.append(text)
    for match in _MYPYC.finditer(data):
        result.append(match.group(1).decode("ascii"))
    return result


def extension_imports(name: str, filename: str, is_package: bool = False) -> List[str]:
    """Module names extension module ``name`` (file ``filename``) may import."""
    result = []
    source = _sibling_source(filename)
    if source is not None:
        result.extend(_source_imports(name, source, is_package))
    else:
        source = _sibling_source(filename, ".pyx")
        if source is not None:
            result.extend(_cython_imports(name, source, is_package))
    for found in _binary_names(name, filename):
        if found not in result:
            result.append(found)
    return result
