"""The onefile payload: written here, read by the C bootstrap.

A onefile executable is::

    [bootstrap ELF][meta block][stream][trailer (80 bytes)]

All integers are little-endian.

*Trailer* (the last 80 bytes, found by the bootstrap from the file's end):
magic ``b"NUITKAOF"``, u32 format version (1), u32 flags (bit 0: the stream
is one zstd frame), u64 offset of the meta block, u64 meta size, u64 stored
stream size, u64 raw (uncompressed) stream size, u32 CRC-32 of meta block +
stored stream, u32 CRC-32 of the meta block, 16 bytes build id (SHA-256 of
meta block + stored stream, truncated), u32 CRC-32 of the 72 bytes before
it, u32 zero.  offset + meta size + stream size + 80 must be the file size,
so a truncated or extended file is noticed before anything is read.

*Meta block*: ``key=value\\0`` strings, then one more ``\\0``.  Keys:
``binary`` (the program, relative to the extraction folder), ``spec``
(``--onefile-tempdir-spec``), ``company``, ``product``, ``version``.
Unknown keys are ignored.

*Stream* (zstd-compressed unless ``--onefile-no-compression``): entries,
each a 32-byte header -- u8 kind, u8 0, u16 mode (permission bits), u32
name length, u64 size, i64 mtime seconds, u32 mtime nanoseconds, u32 0 --
then the name (relative, ``/``-separated, UTF-8 or whatever bytes the file
system had) and ``size`` bytes of data.  Kinds: ``D`` folder (size 0), ``F``
file (data = content), ``L`` symbolic link (data = relative target that
stays inside the folder), ``E`` end (no name, size = number of entries
before it).  Folders come before what they contain, links after all
folders and files, so writing never goes through a link.  The stream can
be extracted in one pass with a small buffer.
"""

import hashlib
import os
import stat
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Dict, List, Optional, Tuple

MAGIC = b"NUITKAOF"
FORMAT_VERSION = 1
FLAG_ZSTD = 1
TRAILER_SIZE = 80
ENTRY_HEADER_SIZE = 32
MARKER_NAME = ".nuitka-onefile"
META_KEYS = ("binary", "spec", "company", "product", "version")

_TRAILER_HEAD = struct.Struct("<8sIIQQQQII16s")  # 72 bytes, then crc and zero
_ENTRY = struct.Struct("<BBHIQqII")

#: zstd level.  Measured on a stripped libpython with start-up bytecode
#: (6.5 MB): level 9 packs in 0.33 s to 1.77 MB, level 19 needs 5.1 s for
#: 1.59 MB; extraction is equally fast.  Levels 20+ need more memory to
#: extract.  NUITKA_ONEFILE_COMPRESSION_LEVEL overrides it.
DEFAULT_COMPRESSION_LEVEL = 9

_CHUNK = 1 << 20


class PayloadError(Exception):
    """The dist folder cannot be packed, or a onefile cannot be read."""


@dataclass
class Entry:
    kind: str  # "D", "F", "L"
    name: bytes  # relative, "/" separated
    mode: int
    size: int = 0
    mtime_ns: int = 0
    source: Optional[Path] = None  # file content for "F"
    target: bytes = b""  # for "L"


def collect_entries(dist_dir: Path, source_date_epoch: Optional[int] = None) -> List[Entry]:
    """The entries for ``dist_dir`` in stream order (see module docs).

    Symbolic links pointing inside the folder are kept as links (made
    relative); links to files outside it are stored as the file.
    ``source_date_epoch`` clamps modification times (reproducible builds).
    """
    dist_dir = Path(dist_dir)
    root = os.path.realpath(dist_dir)
    entries: List[Entry] = []
    links: List[Entry] = []

    def mtime_of(st):
        mtime_ns = st.st_mtime_ns
        if source_date_epoch is not None:
            mtime_ns = min(mtime_ns, source_date_epoch * 10**9)
        return mtime_ns

    def add_file(name, path, st):
        entries.append(
            Entry("F", name, st.st_mode & 0o755, st.st_size, mtime_of(st), Path(path))
        )

    for folder, dirs, files in os.walk(root):
        dirs.sort()
        rel_folder = os.path.relpath(folder, root)
        prefix = "" if rel_folder == "." else rel_folder + "/"
        if prefix:
            st = os.stat(folder)
            entries.append(Entry("D", os.fsencode(rel_folder), st.st_mode & 0o755))
        for item in sorted(dirs + files):
            path = os.path.join(folder, item)
            name = os.fsencode(prefix + item)
            if name == MARKER_NAME.encode():
                raise PayloadError(
                    "the folder %s holds a file named %s, which onefile extraction "
                    "uses itself; rename it" % (dist_dir, MARKER_NAME)
                )
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                link = _link_entry(root, path, name)
                if link is not None:
                    links.append(link)
                    if item in dirs:
                        dirs.remove(item)  # do not walk into it
                    continue
                st = os.stat(path)  # outside the folder: store the file itself
                if not stat.S_ISREG(st.st_mode):
                    raise PayloadError(
                        "%s is a link to %s outside the folder; only links to files "
                        "can be packed that way" % (path, os.path.realpath(path))
                    )
                add_file(name, path, st)
            elif stat.S_ISREG(st.st_mode):
                add_file(name, path, st)
            elif not stat.S_ISDIR(st.st_mode):
                raise PayloadError(
                    "%s is neither a file, a folder nor a link; it cannot be packed" % path
                )
    return entries + links


def _link_entry(root: str, path: str, name: bytes) -> Optional[Entry]:
    resolved = os.path.realpath(path)
    if not os.path.exists(resolved):
        raise PayloadError(
            "%s is a broken symbolic link (to %s); fix or remove it"
            % (path, os.readlink(path))
        )
    if resolved != root and not resolved.startswith(root + os.sep):
        return None
    if resolved == root:
        raise PayloadError("%s links to the packed folder itself" % path)
    # The walk never enters linked folders, so the link's folder is real.
    target = os.path.relpath(resolved, os.path.realpath(os.path.dirname(path)))
    return Entry("L", name, 0o777, target=os.fsencode(target))


def encode_meta(meta: Dict[str, str]) -> bytes:
    """The meta block for ``meta`` (keys of META_KEYS; empty values left out)."""
    parts = []
    for key in META_KEYS:
        value = meta.get(key) or ""
        if "\0" in value:
            raise PayloadError("%s contains a NUL character" % key)
        if value:
            parts.append(("%s=%s" % (key, value)).encode("utf-8", "surrogateescape"))
    return b"".join(part + b"\0" for part in parts) + b"\0"


def _entry_header(kind: str, mode: int, name_len: int, size: int, mtime_ns: int) -> bytes:
    seconds, nanos = divmod(mtime_ns, 10**9)
    return _ENTRY.pack(ord(kind), 0, mode, name_len, size, seconds, nanos, 0)


def raw_stream_size(entries: List[Entry]) -> int:
    total = ENTRY_HEADER_SIZE  # the end entry
    for entry in entries:
        total += ENTRY_HEADER_SIZE + len(entry.name)
        total += len(entry.target) if entry.kind == "L" else entry.size
    return total


class _HashingWriter:
    """File wrapper that counts and checksums what passes through."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.size = 0
        self.crc = 0
        self.sha = hashlib.sha256()

    def write(self, data) -> int:
        self.out.write(data)
        self.crc = zlib.crc32(data, self.crc)
        self.sha.update(data)
        self.size += len(data)
        return len(data)

    def flush(self):
        self.out.flush()


def write_payload(
    out: BinaryIO,
    entries: List[Entry],
    meta: Dict[str, str],
    compress: bool = True,
    level: int = DEFAULT_COMPRESSION_LEVEL,
) -> bytes:
    """Append meta block, stream and trailer to ``out`` (positioned right
    after the bootstrap); returns the trailer."""
    payload_offset = out.tell()
    meta_block = encode_meta(meta)
    hashing = _HashingWriter(out)
    hashing.write(meta_block)
    meta_crc = hashing.crc
    raw_size = raw_stream_size(entries)

    if compress:
        try:
            import zstandard
        except ImportError:
            raise PayloadError(
                "onefile compression needs the zstandard package (python3 -m pip install "
                "zstandard), or use --onefile-no-compression"
            ) from None

        # threads >= 1: zstd's multi-threaded mode, whose output does not
        # depend on the number of threads (deterministic on every machine).
        params = zstandard.ZstdCompressionParameters.from_level(
            level, source_size=raw_size, threads=max(1, min(4, os.cpu_count() or 1)),
            write_checksum=1, write_content_size=1,
        )
        compressor = zstandard.ZstdCompressor(compression_params=params)
        sink = compressor.stream_writer(hashing, size=raw_size, closefd=False)
    else:
        sink = hashing

    written = 0

    def emit(data):
        nonlocal written
        sink.write(data)
        written += len(data)

    for entry in entries:
        data_size = len(entry.target) if entry.kind == "L" else entry.size
        emit(_entry_header(entry.kind, entry.mode, len(entry.name), data_size, entry.mtime_ns))
        emit(entry.name)
        if entry.kind == "L":
            emit(entry.target)
        elif entry.kind == "F":
            copied = 0
            with open(entry.source, "rb") as handle:
                while True:
                    chunk = handle.read(_CHUNK)
                    if not chunk:
                        break
                    emit(chunk)
                    copied += len(chunk)
            if copied != entry.size:
                raise PayloadError("%s changed size while being packed" % entry.source)
    emit(_entry_header("E", 0, 0, len(entries), 0))
    if compress:
        sink.close()
    assert written == raw_size, (written, raw_size)

    stream_size = hashing.size - len(meta_block)
    head = _TRAILER_HEAD.pack(
        MAGIC,
        FORMAT_VERSION,
        FLAG_ZSTD if compress else 0,
        payload_offset,
        len(meta_block),
        stream_size,
        raw_size,
        hashing.crc,
        meta_crc,
        hashing.sha.digest()[:16],
    )
    trailer = head + struct.pack("<II", zlib.crc32(head), 0)
    out.write(trailer)
    return trailer


# ---------------------------------------------------------------------------
# Reading (tests, and ``python -m nuitka.onefile FILE`` to list one)
# ---------------------------------------------------------------------------


@dataclass
class OnefileContents:
    trailer: bytes
    flags: int
    meta: Dict[str, str]
    bootstrap_size: int
    stream_size: int
    raw_size: int
    #: (kind, name, mode, data or link target)
    entries: List[Tuple[str, str, int, bytes]] = field(default_factory=list)


def read_onefile(path, with_data: bool = True) -> OnefileContents:
    """Parse and verify a onefile (the Python twin of the bootstrap's checks)."""
    blob = Path(path).read_bytes()
    if len(blob) < TRAILER_SIZE or blob[-TRAILER_SIZE:][:8] != MAGIC:
        raise PayloadError("no onefile payload at the end of %s" % path)
    trailer = blob[-TRAILER_SIZE:]
    (_magic, version, flags, offset, meta_size, stream_size, raw_size, crc, meta_crc,
     _build_id) = _TRAILER_HEAD.unpack(trailer[:72])
    trailer_crc, zero = struct.unpack("<II", trailer[72:])
    if version != FORMAT_VERSION or zlib.crc32(trailer[:72]) != trailer_crc or zero:
        raise PayloadError("bad trailer in %s" % path)
    if offset + meta_size + stream_size + TRAILER_SIZE != len(blob):
        raise PayloadError("size mismatch in %s" % path)
    meta_block = blob[offset:offset + meta_size]
    stored = blob[offset + meta_size:offset + meta_size + stream_size]
    if zlib.crc32(meta_block) != meta_crc or zlib.crc32(stored, meta_crc) != crc:
        raise PayloadError("checksum mismatch in %s" % path)
    meta = {}
    for item in meta_block.rstrip(b"\0").split(b"\0"):
        if item:
            key, _, value = item.decode("utf-8", "surrogateescape").partition("=")
            meta[key] = value
    if flags & FLAG_ZSTD:
        import zstandard

        raw = zstandard.ZstdDecompressor().decompress(stored, max_output_size=raw_size)
    else:
        raw = stored
    if len(raw) != raw_size:
        raise PayloadError("raw size mismatch in %s" % path)
    contents = OnefileContents(trailer, flags, meta, offset, stream_size, raw_size)
    pos = 0
    while True:
        kind, _, mode, name_len, size, _sec, _nsec, _ = _ENTRY.unpack_from(raw, pos)
        pos += ENTRY_HEADER_SIZE
        if kind == ord("E"):
            if size != len(contents.entries) or pos != len(raw):
                raise PayloadError("bad end entry in %s" % path)
            break
        name = os.fsdecode(raw[pos:pos + name_len])
        pos += name_len
        data = raw[pos:pos + size]
        pos += size
        contents.entries.append((chr(kind), name, mode, data if with_data else b""))
    return contents


def main(argv=None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m nuitka.onefile ONEFILE\n")
        return 2
    try:
        contents = read_onefile(args[0])
    except (OSError, PayloadError) as exc:
        sys.stderr.write("error: %s\n" % exc)
        return 1
    print("bootstrap %d bytes, stream %d bytes (%s), raw %d bytes"
          % (contents.bootstrap_size, contents.stream_size,
             "zstd" if contents.flags & FLAG_ZSTD else "stored", contents.raw_size))
    for key, value in contents.meta.items():
        print("meta %s=%s" % (key, value))
    for kind, name, mode, data in contents.entries:
        print("%s %04o %10d %s%s" % (kind, mode, len(data), name,
                                     " -> " + data.decode() if kind == "L" else ""))
    return 0

