"""Imports of extension modules found without running them, and os.path."""

import sys

from nuitka.modules.finder import ModuleFinder
from nuitka.standalone.extension_imports import extension_imports


def test_cython_pyx_imports(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "fast.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\0binary\0")
    (pkg / "fast.pyx").write_text(
        "from libc.string cimport strlen\n"
        "cimport cython\n"
        "from pkg import _helper  # comment\n"
        "from . import (sibling,\n    other as o)\n"
        "import json, gzip as g\n"
        'include "more.pxi"\n'
        "def f():\n    from collections import OrderedDict\n")
    (pkg / "more.pxi").write_text("from io import BytesIO\n")
    found = extension_imports("pkg.fast", str(pkg / "fast.cpython-311-x86_64-linux-gnu.so"))
    for name in ("pkg", "pkg._helper", "pkg.sibling", "pkg.other", "json", "gzip", "io",
                 "io.BytesIO", "collections.OrderedDict"):
        assert name in found, name
    assert not any("libc" in name or name == "cython" for name in found)


def test_os_path_is_found():
    info = ModuleFinder(sys.path).find("os.path")
    assert info.kind != "missing"


def test_stdlib_modules_named_by_c_strings(tmp_path):
    # orjson imports uuid, dataclasses and zoneinfo from Rust with C
    # strings; words inside other strings, or without the NUL, are not
    # names, and anti-bloat's modules are never taken from strings.
    pkg = tmp_path / "fastjson"
    pkg.mkdir()
    binary = pkg / "fastjson.cpython-311-x86_64-linux-gnu.so"
    binary.write_bytes(b"\0ELF\0uuid\0dataclasses\0xzoneinfo\0json\0time zone\0email\0unittest\0"
                       b"decimal is\0uuid.UUID\0")
    found = extension_imports("fastjson.fastjson", str(binary))
    assert {"uuid", "dataclasses", "json"} <= set(found)
    for name in ("zoneinfo", "time", "email", "unittest", "decimal"):
        assert name not in found, name
