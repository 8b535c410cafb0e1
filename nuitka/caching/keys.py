"""Cache keys: a SHA-256 over everything a cached result depends on.

A key is built from labelled, length-prefixed parts (so that no two different
part lists can hash alike).  What goes into the key of a module's generated C
code (see :func:`module_code_key`):

* the module's source bytes, its name and its file name (the file name is
  compiled into code objects and tracebacks);
* the options that may change code generation (every option except those in
  :data:`NON_CODEGEN_OPTIONS`, which only steer output paths, verbosity and
  the C build; when unsure an option is in the key: a needless miss costs
  time, a wrong hit would produce a wrong program);
* the compiler's own identity: its version and a hash of the source of every
  Python file of the ``nuitka`` package (so any change of the compiler
  invalidates the cached code);
* the Python it targets: version, implementation cache tag, ABI flags and
  executable path.

A module's generated C code must depend only on these.  Should code
generation ever use facts about *other* modules (e.g. "module x is compiled,
import it directly"), those facts must be added to the key via the
``extra`` argument, or a change of that other module would go unnoticed.

Object files (see :mod:`nuitka.caching.objects`) are keyed by the C text, the
compile command and flags (with the build folder and the compiler's C runtime
folder masked out: ``-ffile-prefix-map`` maps them to ``.`` and
``nuitka/runtime``, so they do not reach the object) and the runtime header
key, which covers the runtime headers' contents, Python and the C compiler.
"""

import hashlib
import os
import sys
from pathlib import Path
from typing import Iterable, Tuple

#: Bumped whenever the meaning of cached module data changes.
KEY_FORMAT = 1

#: Options that cannot change a module's generated C code.
NON_CODEGEN_OPTIONS = frozenset(
    (
        "input_path",
        "include_data_files",
        "include_data_dirs",
        "include_package_data",
        "noinclude_data_files",
        "main_paths",
        "program_args",
        "nuitka_run",
        "run",
        "output_dir",
        "output_filename",
        "remove_output",
        "xml",
        "xml_output",
        "explain_optimizations",
        "clang",
        "jobs",
        "lto",
        "disable_cache",
        "clean_cache",
        "report_path",
        "quiet",
        "show_scons",
        "show_progress",
        "verbose",
        "project_options",
        # The standalone folder and onefile are assembled after code
        # generation (nuitka/standalone, nuitka/onefile): a module's C text
        # is the same as in an accelerated build.
        "standalone",
        "onefile",
        "onefile_tempdir_spec",
        "onefile_no_compression",
        "company_name",
        "product_name",
        "file_version",
        "product_version",
    )
)


class KeyBuilder:
    """Incremental key: ``add(label, value)`` then ``hexdigest()``."""

    def __init__(self, kind: str):
        self._digest = hashlib.sha256()
        self.add("kind", kind)
        self.add("key-format", KEY_FORMAT)

    def add(self, label: str, value) -> "KeyBuilder":
        if isinstance(value, bytes):
            data = value
        elif isinstance(value, (list, tuple)):
            data = "\0".join(str(item) for item in value).encode("utf-8", "surrogateescape")
        else:
            data = str(value).encode("utf-8", "surrogateescape")
        self._digest.update(("%s:%d:" % (label, len(data))).encode("utf-8"))
        self._digest.update(data)
        return self

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


_compiler_hash = None


def get_compiler_hash() -> str:
    """Hash of the compiler's version and all its Python sources (memoized)."""
    global _compiler_hash  # pylint: disable=global-statement
    if _compiler_hash is None:
        from nuitka.version import get_version_string

        package_dir = Path(__file__).resolve().parent.parent
        key = KeyBuilder("compiler").add("version", get_version_string())
        files = []
        for root, dirs, names in os.walk(package_dir):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            files += [Path(root, name) for name in names if name.endswith(".py")]
        for path in sorted(files, key=lambda p: p.relative_to(package_dir).as_posix()):
            key.add("file", path.relative_to(package_dir).as_posix())
            try:
                key.add("content", path.read_bytes())
            except OSError:
                key.add("content-unreadable", "")
        _compiler_hash = key.hexdigest()
    return _compiler_hash


def get_python_identity() -> Tuple[str, ...]:
    """What identifies the target Python for generated code."""
    return (
        sys.version,
        sys.implementation.cache_tag or "",
        getattr(sys, "abiflags", ""),
        sys.executable,
        "%x" % sys.hexversion,
    )


def codegen_options_parts(options) -> Tuple[Tuple[str, str], ...]:
    """``(name, value)`` of every option that may change generated code."""
    import dataclasses

    if options is None:
        return ()
    parts = []
    for item in dataclasses.fields(options):
        if item.name in NON_CODEGEN_OPTIONS:
            continue
        value = getattr(options, item.name)
        if isinstance(value, (list, tuple)):
            value = "[" + "\0".join(str(v) for v in value) + "]"
        parts.append((item.name, repr(value) if not isinstance(value, str) else value))
    return tuple(parts)


def module_code_key(
    module_name: str,
    source_path: str,
    source_bytes: bytes,
    options_parts: Iterable[Tuple[str, str]] = (),
    extra: Iterable[Tuple[str, str]] = (),
) -> str:
    """Key of one module's generated C code (see module docs)."""
    key = KeyBuilder("module-code")
    key.add("compiler", get_compiler_hash())
    key.add("python", get_python_identity())
    key.add("module-name", module_name)
    key.add("source-path", str(source_path))
    key.add("source", source_bytes)
    for name, value in options_parts:
        key.add("option:" + name, value)
    for name, value in extra:
        key.add("extra:" + name, value)
    return key.hexdigest()


def object_key(
    c_text: bytes, compile_command, ccflags, signature: str, build_dir, runtime_dir=None
) -> str:
    """Key of the object file compiled from ``c_text``.

    ``build_dir`` and ``runtime_dir`` (the C runtime folder of the running
    compiler, whose ``include`` folder is on the include path) are masked in
    ``ccflags``: the build flags map both with ``-ffile-prefix-map`` to fixed
    names, so neither reaches the object (``__FILE__``, debug info), and the
    header contents are covered by ``signature``.  Two checkouts or install
    locations of the same compiler thus share cached objects.
    """
    masks = [(str(build_dir), "<BUILD>")]
    if runtime_dir is not None:
        masks.append((str(runtime_dir), "<RUNTIME>"))
    # The longer path first, should one contain the other.
    masks.sort(key=lambda mask: len(mask[0]), reverse=True)

    def masked(flag):
        for path, name in masks:
            flag = flag.replace(path, name)
        return flag

    key = KeyBuilder("object")
    key.add("signature", signature)
    key.add("cc", list(compile_command))
    key.add("ccflags", [masked(flag) for flag in ccflags])
    key.add("c-text", c_text)
    return key.hexdigest()
