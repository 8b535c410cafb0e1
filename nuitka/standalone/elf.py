"""A small ELF reader: the dynamic section of shared objects and programs.

Only what the dependency walk needs: class (32/64 bit), machine, and from
``PT_DYNAMIC``: ``DT_NEEDED``, ``DT_RPATH``, ``DT_RUNPATH``, ``DT_SONAME``
(strings read from the ``DT_STRTAB`` the dynamic section names, mapped to
a file offset through the ``PT_LOAD`` segments, as the loader sees it).
"""

import struct
from dataclasses import dataclass, field
from typing import List, Optional

DT_NULL, DT_NEEDED, DT_STRTAB, DT_SONAME, DT_RPATH, DT_RUNPATH = 0, 1, 5, 14, 15, 29
PT_LOAD, PT_DYNAMIC = 1, 2


class ElfError(Exception):
    """Not an ELF file, or a damaged one."""


@dataclass
class ElfInfo:
    path: str
    elf_class: int  # 1: 32 bit, 2: 64 bit
    machine: int
    needed: List[str] = field(default_factory=list)
    rpath: Optional[str] = None
    runpath: Optional[str] = None
    soname: Optional[str] = None


def is_elf(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def read_elf(path: str) -> ElfInfo:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ElfError("cannot read '%s': %s" % (path, e.strerror)) from None
    try:
        return _parse(path, data)
    except (struct.error, IndexError):
        raise ElfError("'%s' is a damaged ELF file" % path) from None


def _parse(path, data):
    if data[:4] != b"\x7fELF":
        raise ElfError("'%s' is not an ELF file" % path)
    elf_class, endian = data[4], data[5]
    if elf_class not in (1, 2) or endian not in (1, 2):
        raise ElfError("'%s' is an ELF file of an unknown kind" % path)
    e = "<" if endian == 1 else ">"
    if elf_class == 2:
        machine, = struct.unpack_from(e + "H", data, 18)
        phoff, = struct.unpack_from(e + "Q", data, 32)
        phentsize, phnum = struct.unpack_from(e + "HH", data, 54)
        ph_fmt, dyn_fmt = e + "IIQQQQQQ", e + "qQ"
    else:
        machine, = struct.unpack_from(e + "H", data, 18)
        phoff, = struct.unpack_from(e + "I", data, 28)
        phentsize, phnum = struct.unpack_from(e + "HH", data, 42)
        ph_fmt, dyn_fmt = e + "IIIIIIII", e + "iI"
    loads, dynamic = [], None
    for i in range(phnum):
        fields = struct.unpack_from(ph_fmt, data, phoff + i * phentsize)
        if elf_class == 2:
            p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = fields[:6]
        else:
            p_type, p_offset, p_vaddr, _paddr, p_filesz = fields[:5]
        if p_type == PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    info = ElfInfo(path, elf_class, machine)
    if dynamic is None:
        return info  # static program
    entries = []
    size = struct.calcsize(dyn_fmt)
    offset, end = dynamic[0], dynamic[0] + dynamic[1]
    while offset + size <= end:
        tag, value = struct.unpack_from(dyn_fmt, data, offset)
        offset += size
        if tag == DT_NULL:
            break
        entries.append((tag, value))
    strtab = None
    for tag, value in entries:
        if tag == DT_STRTAB:
            for vaddr, file_offset, filesz in loads:
                if vaddr <= value < vaddr + filesz:
                    strtab = value - vaddr + file_offset
    if strtab is None:
        raise ElfError("'%s' has no string table for its dynamic section" % path)

    def string(at):
        start = strtab + at
        stop = data.index(b"\0", start)
        return data[start:stop].decode("utf-8", "surrogateescape")

    for tag, value in entries:
        if tag == DT_NEEDED:
            info.needed.append(string(value))
        elif tag == DT_RPATH:
            info.rpath = string(value)
        elif tag == DT_RUNPATH:
            info.runpath = string(value)
        elif tag == DT_SONAME:
            info.soname = string(value)
    return info


def load_segments_aligned(path: str, page_size: int = 65536) -> bool:
    """Whether every ``PT_LOAD`` segment of an ELF file has its file offset
    and address congruent modulo the page size, as the dynamic loader
    demands ("ELF load command address/offset not page-aligned"): ``strip``
    can break files that ``patchelf`` changed before (auditwheel's vendored
    libraries).  Checked for the biggest page size in use (64 KiB)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data[:4] != b"\x7fELF":
            return False
        elf_class, e = data[4], "<" if data[5] == 1 else ">"
        if elf_class == 2:
            phoff, = struct.unpack_from(e + "Q", data, 32)
            phentsize, phnum = struct.unpack_from(e + "HH", data, 54)
        else:
            phoff, = struct.unpack_from(e + "I", data, 28)
            phentsize, phnum = struct.unpack_from(e + "HH", data, 42)
        for i in range(phnum):
            at = phoff + i * phentsize
            if elf_class == 2:
                p_type, _flags, p_offset, p_vaddr, _paddr, _filesz, _memsz, p_align = struct.unpack_from(
                    e + "IIQQQQQQ", data, at)
            else:
                p_type, p_offset, p_vaddr, _paddr, _filesz, _memsz, _flags, p_align = struct.unpack_from(
                    e + "IIIIIIII", data, at)
            if p_type == PT_LOAD:
                align = min(max(p_align, 4096), page_size)
                if (p_vaddr - p_offset) % align:
                    return False
        return True
    except (OSError, struct.error, IndexError):
        return False
