"""The ELF reader and the library resolution of nuitka.standalone (no
compilation of Python programs; small C objects made with gcc)."""

import os
import shutil
import subprocess

import pytest

from nuitka.standalone.dll_dependencies import (
    DependencyError,
    Resolver,
    _read_ld_so_conf,
    is_system_library,
    walk_dependencies,
)
from nuitka.standalone.elf import ElfError, read_elf

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")


def _lib(path, code, *args):
    source = str(path) + ".c"
    with open(source, "w") as f:
        f.write(code)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(path), source, *args], check=True)
    os.unlink(source)


def test_read_libpython():
    import sysconfig

    libdir = sysconfig.get_config_var("LIBDIR")
    name = sysconfig.get_config_var("INSTSONAME")
    info = read_elf(os.path.join(libdir, name))
    assert info.soname == name
    assert "libc.so.6" in info.needed
    assert info.elf_class == 2
    walk = walk_dependencies([os.path.join(libdir, name)])
    assert (os.path.join(libdir, name), "libc.so.6") in walk.system
    assert "libc.so.6" not in walk.libraries


def test_not_elf(tmp_path):
    (tmp_path / "x").write_bytes(b"#!/bin/sh\n")
    with pytest.raises(ElfError, match="is not an ELF file"):
        read_elf(str(tmp_path / "x"))
    (tmp_path / "y").write_bytes(b"\x7fELF\x02\x01\x01" + b"\0" * 20)
    with pytest.raises(ElfError, match="damaged"):
        read_elf(str(tmp_path / "y"))


def test_rpath_origin_runpath_and_ld_library_path(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    _lib(tmp_path / "a" / "libleaf.so", "int leaf(void) { return 1; }\n")
    _lib(tmp_path / "c" / "libother.so", "int other(void) { return 2; }\n")
    # libmid: needs libleaf through $ORIGIN/../a (RUNPATH) and libother through LD_LIBRARY_PATH.
    _lib(tmp_path / "b" / "libmid.so", "int leaf(void); int other(void); int mid(void) { return leaf() + other(); }\n",
         "-L", str(tmp_path / "a"), "-L", str(tmp_path / "c"), "-lleaf", "-lother",
         "-Wl,--enable-new-dtags,-rpath,$ORIGIN/../a")
    info = read_elf(str(tmp_path / "b" / "libmid.so"))
    assert info.runpath == "$ORIGIN/../a" and info.rpath is None
    assert info.needed[:2] == ["libleaf.so", "libother.so"]
    with pytest.raises(DependencyError, match="cannot find library 'libother.so' needed by"):
        walk_dependencies([str(tmp_path / "b" / "libmid.so")], Resolver(ld_library_path=""))
    walk = walk_dependencies([str(tmp_path / "b" / "libmid.so")], Resolver(ld_library_path=str(tmp_path / "c")))
    assert walk.libraries == {
        "libleaf.so": str(tmp_path / "b" / ".." / "a" / "libleaf.so"),
        "libother.so": str(tmp_path / "c" / "libother.so"),
    }


def test_old_rpath_applies_to_dependencies(tmp_path):
    (tmp_path / "a").mkdir()
    _lib(tmp_path / "a" / "libleaf.so", "int leaf(void) { return 1; }\n")
    _lib(tmp_path / "a" / "libmid.so", "int leaf(void); int mid(void) { return leaf(); }\n",
         "-L", str(tmp_path / "a"), "-lleaf")  # no rpath of its own
    _lib(tmp_path / "top.so", "int mid(void); int top(void) { return mid(); }\n",
         "-L", str(tmp_path / "a"), "-lmid", "-Wl,--disable-new-dtags,-rpath,%s" % (tmp_path / "a"))
    assert read_elf(str(tmp_path / "top.so")).rpath == str(tmp_path / "a")
    walk = walk_dependencies([str(tmp_path / "top.so")], Resolver(ld_library_path=""))
    # libmid has no rpath: DT_RPATH of its loader (top.so) is searched (ld.so).
    assert sorted(walk.libraries) == ["libleaf.so", "libmid.so"]


def test_ld_so_conf_includes(tmp_path):
    (tmp_path / "conf.d").mkdir()
    (tmp_path / "ld.so.conf").write_text("# comment\n/opt/one\ninclude conf.d/*.conf\n/opt/two:/opt/three\n")
    (tmp_path / "conf.d" / "a.conf").write_text("/opt/a  # trailing\ninclude %s\n" % (tmp_path / "ld.so.conf"))
    assert _read_ld_so_conf(str(tmp_path / "ld.so.conf")) == ["/opt/one", "/opt/a", "/opt/two", "/opt/three"]


def test_system_libraries():
    for name in ("libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libpthread.so.0", "libnss_files.so.2"):
        assert is_system_library(name)
    for name in ("libpython3.11.so.1.0", "libssl.so.3", "libcrypt.so.1", "libstdc++.so.6", "libz.so.1"):
        assert not is_system_library(name)
