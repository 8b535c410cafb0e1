"""Onefile: one executable made of a C bootstrap and a standalone folder.

Entry point for the driver (after the standalone stage made ``PROG.dist``)::

    from nuitka.onefile import OnefileSettings, build_onefile, OnefileError

    build_onefile(dist_dir, "prog.bin", output_path,
                  OnefileSettings.from_options(options))

Modules: ``spec`` (``--onefile-tempdir-spec`` tokens), ``payload`` (the
format, writer and a reader), ``bootstrap`` (compiling and caching the C
bootstrap in ``bootstrap/``).  See doc/developer-manual.rst, "Onefile".
"""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from nuitka.onefile.payload import (
    DEFAULT_COMPRESSION_LEVEL,
    PayloadError,
    collect_entries,
    write_payload,
)
from nuitka.onefile.spec import (
    DEFAULT_TEMPDIR_SPEC,
    SpecError,
    check_tempdir_spec,
    version_value,
)

__all__ = ["OnefileSettings", "OnefileError", "build_onefile", "check_prerequisites", "DEFAULT_TEMPDIR_SPEC"]

#: Environment variable overriding the zstd level (1..22) for experiments.
COMPRESSION_LEVEL_ENV = "NUITKA_ONEFILE_COMPRESSION_LEVEL"


class OnefileError(Exception):
    """The onefile cannot be built; the message is one line for the user."""


@dataclass
class OnefileSettings:
    """What ``build_onefile`` needs besides the folder.

    ``use_cache`` false (``--disable-cache``) builds the bootstrap in
    ``build_dir`` instead of taking it from the user cache.
    """

    tempdir_spec: str = DEFAULT_TEMPDIR_SPEC
    company_name: Optional[str] = None
    product_name: Optional[str] = None
    file_version: Optional[str] = None
    product_version: Optional[str] = None
    compression: bool = True
    compression_level: int = DEFAULT_COMPRESSION_LEVEL
    clang: bool = False
    use_cache: bool = True
    build_dir: Optional[Path] = None
    verbose: bool = False

    @classmethod
    def from_options(cls, options) -> "OnefileSettings":
        """Settings from :class:`nuitka.options.Options`."""
        return cls(
            tempdir_spec=options.onefile_tempdir_spec or DEFAULT_TEMPDIR_SPEC,
            company_name=options.company_name,
            product_name=options.product_name,
            file_version=options.file_version,
            product_version=options.product_version,
            compression=not options.onefile_no_compression,
            clang=options.clang,
            use_cache=not options.is_cache_disabled("onefile"),
            build_dir=options.onefile_build_dir_path(),
            verbose=options.verbose,
        )

    def version(self) -> str:
        return version_value(self.file_version, self.product_version)


def check_prerequisites(settings: OnefileSettings) -> None:
    """Fail early, before anything is compiled, when the onefile could not
    be written at the end: zstandard missing (with compression), no
    libzstd.a / zstd.h / C compiler for the bootstrap.

    Raises:
        OnefileError: with a one-line message.
    """
    from nuitka.onefile.bootstrap import BootstrapError, check_build_prerequisites

    if settings.compression:
        try:
            import zstandard  # noqa: F401  pylint: disable=unused-import,import-outside-toplevel
        except ImportError:
            raise OnefileError(
                "onefile compression needs the zstandard package (python3 -m pip install "
                "zstandard), or use --onefile-no-compression"
            ) from None
    try:
        check_build_prerequisites(settings.clang)
    except BootstrapError as exc:
        raise OnefileError(str(exc)) from None


def _source_date_epoch() -> Optional[int]:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def _compression_level(settings: OnefileSettings) -> int:
    value = os.environ.get(COMPRESSION_LEVEL_ENV, "").strip()
    if value:
        if not value.isdigit() or not 1 <= int(value) <= 22:
            raise OnefileError("%s=%s: give a zstd level from 1 to 22"
                               % (COMPRESSION_LEVEL_ENV, value))
        return int(value)
    return settings.compression_level


def build_onefile(dist_dir: Path, binary_name: str, output_path: Path,
                  settings: Optional[OnefileSettings] = None) -> None:
    """Write ``output_path``: the bootstrap followed by ``dist_dir`` packed.

    ``binary_name`` is the program inside the folder (``prog.bin``, or a
    relative path).  The output appears atomically (temporary file, then
    rename); nothing is left behind on failure.

    Raises:
        OnefileError: with a one-line message (bad folder, bad spec, missing
            libzstd.a, C compiler failure, I/O error).
    """
    settings = settings or OnefileSettings()
    dist_dir = Path(dist_dir)
    output_path = Path(os.path.abspath(output_path))
    if not dist_dir.is_dir():
        raise OnefileError("the standalone folder %s does not exist" % dist_dir)
    parts = Path(binary_name).parts
    binary = dist_dir / binary_name
    if (not parts or Path(binary_name).is_absolute() or ".." in parts
            or not binary.is_file() or not os.access(binary, os.X_OK)):
        raise OnefileError("%s is not an executable file inside %s" % (binary_name, dist_dir))
    real_dist = os.path.realpath(dist_dir)
    if os.path.realpath(output_path).startswith(real_dist + os.sep):
        raise OnefileError("the onefile %s cannot be written inside the folder it packs"
                           % output_path)
    try:
        check_tempdir_spec(settings.tempdir_spec, settings.company_name,
                           settings.product_name, settings.version())
    except SpecError as exc:
        raise OnefileError("--onefile-tempdir-spec '%s': %s"
                           % (settings.tempdir_spec, exc)) from None
    level = _compression_level(settings)

    from nuitka.onefile.bootstrap import ensure_bootstrap

    try:
        bootstrap = ensure_bootstrap(settings.clang, settings.use_cache,
                                     settings.build_dir, settings.verbose)
        entries = collect_entries(dist_dir, _source_date_epoch())
    except PayloadError as exc:
        raise OnefileError(str(exc)) from None
    except OSError as exc:
        raise OnefileError("cannot read %s: %s" % (exc.filename or dist_dir,
                                                   exc.strerror or exc)) from None

    meta = {
        "binary": Path(binary_name).as_posix(),
        "spec": settings.tempdir_spec,
        "company": settings.company_name or "",
        "product": settings.product_name or "",
        "version": settings.version(),
    }
    output_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix="." + output_path.name + ".tmp-",
                                    dir=str(output_path.parent))
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(bootstrap.read_bytes())
            write_payload(out, entries, meta, settings.compression, level)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o777 & ~umask)
        os.replace(tmp_name, output_path)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, PayloadError):
            raise OnefileError(str(exc)) from None
        if isinstance(exc, OSError):
            raise OnefileError("cannot write %s: %s" % (output_path, exc.strerror or exc)) from None
        raise
    finally:
        if not settings.use_cache and bootstrap.parent.name.startswith("tmp-bootstrap-"):
            import shutil

            shutil.rmtree(bootstrap.parent, ignore_errors=True)
