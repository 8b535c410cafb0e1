"""Building the onefile bootstrap (``bootstrap/*.c``), cached by content.

The bootstrap does not depend on the program: it reads everything
program-specific from the payload.  So it is compiled once per compiler,
flags and libzstd, and kept in the user cache
(``<cache>/onefile/bootstrap-<key>``), where ``key`` hashes the C sources,
the compiler identity, the flags (``CCFLAGS``/``LDFLAGS`` included) and the
static libzstd.  A build goes to a temporary name and is renamed into place,
so concurrent compilations need no lock.

libzstd is linked statically (``libzstd.a``, Debian package
``libzstd-dev``): the onefile must run where libzstd is not installed.
Only the decompressor ends up in the binary (``--gc-sections``), and it is
stripped.
"""

import hashlib
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import List, Optional

from nuitka.onefile.payload import PayloadError

#: Bump when the recipe below changes.
BOOTSTRAP_RECIPE_VERSION = "1"

BOOTSTRAP_SOURCE_DIR = Path(__file__).resolve().parent / "bootstrap"

_ZSTD_HINT = "install libzstd-dev (Debian: apt-get install libzstd-dev)"

# -Os: the bootstrap's own code is not hot (libzstd.a was optimised when it
# was built); small matters more.
_COMPILE_FLAGS = (
    "-std=gnu11",
    "-Os",
    "-Wall",
    "-ffunction-sections",
    "-fdata-sections",
    "-fno-asynchronous-unwind-tables",
    "-DNDEBUG",
)
_LINK_FLAGS = ("-Wl,--gc-sections", "-Wl,-O1", "-Wl,--as-needed", "-s")


class BootstrapError(PayloadError):
    """The bootstrap cannot be built; one line saying what to do."""


def bootstrap_sources() -> List[Path]:
    return sorted(BOOTSTRAP_SOURCE_DIR.glob("*.c"))


def _find_static_zstd(cc: List[str]) -> Path:
    override = os.environ.get("NUITKA_ZSTD_STATIC_LIB")
    if override:
        path = Path(override)
        if not path.is_file():
            raise BootstrapError("NUITKA_ZSTD_STATIC_LIB=%s does not exist" % override)
        return path
    try:
        found = subprocess.run(
            cc + ["-print-file-name=libzstd.a"], stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, check=False, timeout=60,
        ).stdout.decode().strip()
    except (OSError, subprocess.SubprocessError) as exc:
        raise BootstrapError("cannot run the C compiler %s: %s" % (cc[0], exc)) from None
    if not found or os.path.basename(found) == found or not os.path.isfile(found):
        raise BootstrapError(
            "the static zstd library (libzstd.a) is missing, which --onefile needs; "
            + _ZSTD_HINT
        )
    return Path(os.path.realpath(found))


def _find_zstd_header(cc: List[str]) -> Optional[Path]:
    """zstd.h as the compiler finds it (hashed into the key)."""
    try:
        out = subprocess.run(
            cc + ["-E", "-x", "c", "-", "-o", "-"], input=b"#include <zstd.h>\n",
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False, timeout=60,
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        parts = line.split('"')
        if line.startswith("# ") and len(parts) > 1 and parts[1].endswith("/zstd.h"):
            return Path(parts[1])
    return None


def _compiler_command(clang: bool):
    from nuitka.build.compiler import detect_compiler

    info = detect_compiler(clang)
    return info.link_command(), info.identity()


def check_build_prerequisites(clang: bool = False) -> None:
    """Raise :class:`BootstrapError` now if the bootstrap could not be
    built later (no compiler, no libzstd.a or zstd.h): checked before a
    compilation starts, so a missing library costs no compile time."""
    from nuitka.build.errors import BuildError

    try:
        cc, _identity = _compiler_command(clang)
    except BuildError as exc:
        raise BootstrapError(str(exc)) from None
    _find_static_zstd(cc)
    if _find_zstd_header(cc) is None:
        raise BootstrapError("zstd.h is missing, which --onefile needs; " + _ZSTD_HINT)


def compute_bootstrap_key(cc_identity: str, flags: List[str], zstd_lib: Path,
                          zstd_header: Optional[Path]) -> str:
    digest = hashlib.sha256()

    def add(label, value):
        data = value if isinstance(value, bytes) else str(value).encode("utf-8")
        digest.update(b"%s:%d:" % (label.encode(), len(data)))
        digest.update(data)

    add("recipe", BOOTSTRAP_RECIPE_VERSION)
    add("compiler", cc_identity)
    add("flags", "\0".join(flags))
    add("zstd-lib", zstd_lib.read_bytes())
    add("zstd-header", zstd_header.read_bytes() if zstd_header else b"")
    for path in sorted(BOOTSTRAP_SOURCE_DIR.iterdir()):
        if path.suffix in (".c", ".h"):
            add("file", path.name)
            add("content", path.read_bytes())
    return digest.hexdigest()


def ensure_bootstrap(clang: bool = False, use_cache: bool = True,
                     build_dir: Optional[Path] = None, verbose: bool = False) -> Path:
    """Return the path of a built bootstrap, compiling it if needed.

    With ``use_cache`` false it is built in ``build_dir`` (or a temporary
    folder that the caller may remove) and the cache is neither read nor
    written.

    Raises:
        BootstrapError: no compiler, no libzstd.a, or the C does not compile.
    """
    from nuitka.build.errors import BuildError

    try:
        cc, cc_identity = _compiler_command(clang)
    except BuildError as exc:
        raise BootstrapError(str(exc)) from None
    zstd_lib = _find_static_zstd(cc)
    zstd_header = _find_zstd_header(cc)
    if zstd_header is None:
        raise BootstrapError("zstd.h is missing, which --onefile needs; " + _ZSTD_HINT)
    env_cflags = shlex.split(os.environ.get("CCFLAGS", ""))
    env_ldflags = shlex.split(os.environ.get("LDFLAGS", ""))
    prefix_map = "-ffile-prefix-map=%s=bootstrap" % BOOTSTRAP_SOURCE_DIR
    compile_flags = list(_COMPILE_FLAGS) + env_cflags
    link_flags = list(_LINK_FLAGS) + env_ldflags
    key = compute_bootstrap_key(cc_identity, compile_flags + ["|"] + link_flags,
                                zstd_lib, zstd_header)

    if use_cache:
        from nuitka.build.cache import get_cache_subdir

        try:
            cache_root = get_cache_subdir("onefile")
        except OSError as exc:
            raise BootstrapError(
                "cannot create the cache folder (%s): set NUITKA_CACHE_DIR to a "
                "writable folder" % exc
            ) from None
        final = cache_root / ("bootstrap-%s" % key[:32])
        if final.is_file():
            return final
        work_parent = cache_root
    else:
        work_parent = Path(build_dir) if build_dir else Path(tempfile.gettempdir())
        work_parent.mkdir(parents=True, exist_ok=True)
        final = None

    work = Path(tempfile.mkdtemp(prefix="tmp-bootstrap-", dir=str(work_parent)))
    output = work / "bootstrap"
    command = (
        cc + compile_flags + [prefix_map]
        + [str(path) for path in bootstrap_sources()]
        + ["-o", str(output)] + link_flags + [str(zstd_lib)]
    )
    if verbose:
        print("Nuitka-Onefile: " + " ".join(shlex.quote(part) for part in command))
    try:
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                check=False, timeout=600)
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BootstrapError("cannot run the C compiler %s: %s" % (cc[0], exc)) from None
    if result.returncode != 0 or not output.is_file():
        shutil.rmtree(work, ignore_errors=True)
        first = result.stdout.decode("utf-8", "replace").strip().splitlines()
        raise BootstrapError(
            "the onefile bootstrap does not compile (%s): %s"
            % (" ".join(cc), first[-1] if first else "exit code %d" % result.returncode)
        )
    if final is None:
        return output
    try:
        os.replace(output, final)  # atomic; a concurrent equal build may win
    except OSError as exc:
        if not final.is_file():
            raise BootstrapError("cannot store the bootstrap in %s: %s" % (final, exc)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final
