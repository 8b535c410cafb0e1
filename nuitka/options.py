"""Command line options of ``nuitka`` and ``nuitka-run``.

``parse_options(argv, nuitka_run=False)`` turns the command line (without the
program name) into an :class:`Options` dataclass.  See ``doc/INTERFACES.md``
and ``doc/user-manual.rst``.

Rules:

* The first argument that is not an option is the input (``prog.py``, or a
  package folder with ``--module``).  With ``--run`` (given before the input
  file, or always for ``nuitka-run``) every argument after the input file is
  passed to the compiled program untouched.  Otherwise options may also
  follow the input file, and a second non-option argument is an error.
* ``# nuitka-project: --option`` comments in the main file are read and
  merged, the command line winning (see :mod:`nuitka.utils.project_options`).
* Any usage error prints exactly one line
  ``nuitka: error: <what is wrong; what to do>`` on stderr and raises
  ``SystemExit(2)``.  ``--help`` and ``--version`` print to stdout and raise
  ``SystemExit(0)``.  There is never a traceback.
* Options that are parsed but not implemented yet are listed by
  :meth:`Options.unsupported_used`; the driver refuses them.  Which ones are
  implemented is decided by the ``implemented`` flag of the option table
  below (:data:`OPTION_TABLE`); ``--help`` marks the others.
"""

import argparse
import difflib
import os
import sys
import sysconfig
import textwrap
import zipfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from nuitka.utils.project_options import ProjectOptionsError, read_project_options

__all__ = [
    "Options",
    "OPTION_TABLE",
    "parse_options",
    "read_project_options",
    "supported_option_names",
    "ProjectOptionsError",
]

# ---------------------------------------------------------------------------
# Value vocabularies
# ---------------------------------------------------------------------------

LTO_CHOICES = ("yes", "no", "auto")

#: Helpers of non-deployment mode (``--no-deployment-flag``).
DEPLOYMENT_FLAGS = ("self-execution",)

#: ``--python-flag`` spellings and the canonical name each one stands for.
PYTHON_FLAG_ALIASES: Dict[str, Tuple[str, ...]] = {
    "-S": ("no_site",),
    "no_site": ("no_site",),
    "-O": ("no_asserts",),
    "no_asserts": ("no_asserts",),
    "-OO": ("no_asserts", "no_docstrings"),
    "no_docstrings": ("no_docstrings",),
    "-u": ("unbuffered",),
    "unbuffered": ("unbuffered",),
    "-I": ("isolated",),
    "isolated": ("isolated",),
    "-P": ("safe_path",),
    "safe_path": ("safe_path",),
    "-m": ("package_mode",),
    "package_mode": ("package_mode",),
    "static_hashes": ("static_hashes",),
    "no_warnings": ("no_warnings",),
    "no_annotations": ("no_annotations",),
}


def _cache_kinds() -> Tuple[str, ...]:
    """Names accepted by ``--disable-cache`` / ``--clean-cache`` (besides "all")."""
    kinds = ["runtime", "modules", "ccache", "bytecode"]
    try:
        from nuitka.build.cache import CACHE_KINDS
    except Exception:  # the build package may be absent or broken
        CACHE_KINDS = ()
    for kind in CACHE_KINDS:
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------
# The option table
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionSpec:
    """One command line option.

    ``dest`` is the :class:`Options` field it fills.  ``implemented`` False
    means: parsed, recorded, documented as "not yet implemented", and reported
    by :meth:`Options.unsupported_used` when given.
    """

    flags: Tuple[str, ...]
    dest: str
    group: str
    help: str
    implemented: bool = True
    kwargs: Tuple[Tuple[str, object], ...] = ()


GROUPS = (
    ("mode", "Compilation mode"),
    ("follow", "Control the following into imported modules"),
    ("include", "Control the inclusion of modules and packages"),
    ("data", "Data files"),
    ("run", "Immediate execution after compilation"),
    ("compile", "Compilation choices"),
    ("output", "Output choices"),
    ("onefile", "Onefile options"),
    ("version", "Binary version information"),
    ("deployment", "Deployment control"),
    ("debug", "Debug features"),
    ("backend", "Backend C compiler choice"),
    ("cache", "Cache control"),
    ("tracing", "Tracing features"),
    ("plugins", "Plugin control"),
)


class _ExtendCommaAction(argparse.Action):
    """Repeatable option whose values may also be comma separated."""

    def __init__(self, option_strings, dest, allowed=None, canonical=None, **kwargs):
        self.allowed = allowed
        self.canonical = canonical
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        if values is None:
            values = self.const
        items = list(getattr(namespace, self.dest, None) or [])
        for part in str(values).split(","):
            part = part.strip()
            if not part:
                raise argparse.ArgumentError(
                    self, "empty value in %r; give a comma separated list" % values
                )
            allowed = self.allowed() if callable(self.allowed) else self.allowed
            if allowed is not None and part not in allowed:
                raise argparse.ArgumentError(
                    self,
                    "invalid value %r (choose from %s)"
                    % (part, ", ".join(repr(a) for a in allowed)),
                )
            new = self.canonical(part) if self.canonical else (part,)
            for item in new:
                if item not in items:
                    items.append(item)
        setattr(namespace, self.dest, items)


def _jobs_type(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "expected a whole number of parallel jobs, got %r" % text
        ) from None
    if value > 0:
        return value
    # Zero or negative: the number of CPUs minus that much, at least one.
    return max(1, _default_jobs() + value)


def _all_cache_kinds() -> Tuple[str, ...]:
    return ("all",) + _cache_kinds()


def _python_flag_canonical(value: str) -> Tuple[str, ...]:
    return PYTHON_FLAG_ALIASES[value]


def _nonempty(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a non-empty value")
    return text


def _data_spec_type(text: str) -> str:
    if "=" not in text:
        raise argparse.ArgumentTypeError(
            "expected SRC=DEST (a source, '=', a path inside the dist folder), got %r" % text
        )
    return text


def _custom_mode_type(text: str) -> str:
    module, sep, mode = text.partition(":")
    if not sep or not module or not all(p.isidentifier() for p in module.split(".")):
        raise argparse.ArgumentTypeError(
            "expected MODULE:MODE like 'setuptools:error', got %r" % text
        )
    if mode not in ("nofollow", "error", "warning", "allow"):
        raise argparse.ArgumentTypeError(
            "invalid mode %r in %r (choose from 'nofollow', 'error', 'warning', 'allow')"
            % (mode, text)
        )
    return text


def _version_type(text: str) -> str:
    parts = text.split(".")
    if len(parts) > 4 or not all(p.isdigit() and int(p) < 65536 for p in parts):
        raise argparse.ArgumentTypeError(
            "expected up to 4 numbers separated by dots (like 1.2.0), got %r" % text
        )
    return text


def _o(flags, dest, group, help, implemented=True, **kwargs):
    return OptionSpec(
        flags=tuple(flags),
        dest=dest,
        group=group,
        help=help,
        implemented=implemented,
        kwargs=tuple(kwargs.items()),
    )


#: Every option.  Flip ``implemented`` when a stage starts honouring one.
OPTION_TABLE: Tuple[OptionSpec, ...] = (
    # --- mode
    _o(["--module"], "module", "mode",
       "Create an importable extension module (x.cpython-*.so) instead of a "
       "program. Give a .py file, or a package folder (with "
       "--include-package=PKG for its submodules).",
       action="store_true"),
    _o(["--standalone"], "standalone", "mode",
       "Create a folder PROG.dist that runs without the Python installation "
       "(implies following all imports).",
       action="store_true"),
    _o(["--onefile"], "onefile", "mode",
       "Create a single executable that unpacks and runs the standalone "
       "folder (implies --standalone).",
       action="store_true"),
    _o(["--main"], "mains", "mode",
       "Main program file. Can be given instead of the positional input "
       "file. Given more than once (or next to the positional file), one "
       "binary holds several programs and picks one by the name it is "
       "started with (the base name of argv[0]: a copy, a symlink or "
       "subprocess' executable=). Not with --module.",
       action="append", metavar="PATH", type=_nonempty),
    # --- follow
    _o(["--follow-imports"], "follow_imports", "follow",
       "Compile all imported modules too, not only the main file (the "
       "default in standalone mode). The standard library is not followed.",
       action="store_const", const=True),
    _o(["--nofollow-imports"], "follow_imports", "follow",
       "Compile no imported module; they are imported from the Python "
       "installation at run time (the default).",
       action="store_const", const=False),
    _o(["--follow-import-to"], "follow_import_to", "follow",
       "Follow into this module or package (also a pattern like 'pkg.*'). "
       "Repeatable, or comma separated.",
       action=_ExtendCommaAction, metavar="MODULE/PACKAGE"),
    _o(["--nofollow-import-to"], "nofollow_import_to", "follow",
       "Never follow into this module or package (pattern allowed). "
       "Repeatable, or comma separated. Wins over the options that follow; "
       "importing the module then raises ImportError at run time.",
       action=_ExtendCommaAction, metavar="MODULE/PACKAGE"),
    # --- include
    _o(["--include-module"], "include_modules", "include",
       "Compile this module into the result even if no import of it is seen. "
       "Repeatable, or comma separated.",
       action=_ExtendCommaAction, metavar="MODULE"),
    _o(["--include-package"], "include_packages", "include",
       "Compile this package and all its sub-modules into the result. "
       "Repeatable, or comma separated.",
       action=_ExtendCommaAction, metavar="PACKAGE"),
    _o(["--include-plugin-directory"], "include_plugin_directories", "include",
       "Compile all modules found in this folder (for code loaded "
       "dynamically). Repeatable.",
       action="append", metavar="DIR", type=_nonempty),
    # --- data files (nuitka/standalone/data_files.py)
    _o(["--include-data-files"], "include_data_files", "data",
       "Copy files into the dist folder: SRC is a file or a shell pattern "
       "(relative to the current directory), DEST a path inside the dist "
       "folder; DEST ending in '/' is a folder for all matches. "
       "DIR=DEST/=PATTERN copies the files below DIR matching PATTERN "
       "(like '**/*.txt') keeping their folders. Repeatable. Accepted in every "
       "mode; outside standalone mode only checked.",
       action="append", metavar="SRC=DEST", type=_data_spec_type),
    _o(["--include-data-dir"], "include_data_dirs", "data",
       "Copy a folder with everything in it into the dist folder as DEST "
       "('.' for the dist folder itself). Repeatable.",
       action="append", metavar="DIR=DEST", type=_data_spec_type),
    _o(["--include-package-data"], "include_package_data", "data",
       "Copy the data files of a package (found like its modules) into its "
       "folder in the dist folder: by default all files that are not code "
       "(.py, .pyc, extension modules); with ':PATTERN' the files matching "
       "it (like 'pkg:*.txt'). Repeatable.",
       action="append", metavar="PACKAGE[:PATTERN]", type=_nonempty),
    _o(["--noinclude-data-files"], "noinclude_data_files", "data",
       "Leave out the data files whose path in the dist folder (or a parent "
       "folder of it) matches this shell pattern, like 'pkg/*.txt' or 'pkg/tests'. "
       "Repeatable.",
       action="append", metavar="PATTERN", type=_nonempty),
    # --- run
    _o(["--run"], "run", "run",
       "Run the result right after building it. Arguments after the input "
       "file are passed to the program ('nuitka --run prog.py a b'); its exit "
       "code becomes ours. This is the default of nuitka-run.",
       action="store_true"),
    # --- compile
    _o(["--python-flag"], "python_flags", "compile",
       "Python flag the compiled program behaves as if given: '-O'/'no_asserts' "
       "(asserts not compiled, __debug__ False), 'no_docstrings' (docstrings "
       "None), '-OO' (both), '-S'/'no_site', '-u'/'unbuffered', "
       "'-I'/'isolated', '-P'/'safe_path', 'no_warnings' (like -W ignore), "
       "'static_hashes' (like PYTHONHASHSEED=0), 'no_annotations' "
       "(annotations not evaluated nor stored). With --module only "
       "no_asserts, no_docstrings and no_annotations. ('-m'/'package_mode' "
       "is refused.) Repeatable, or comma separated.",
       action=_ExtendCommaAction, metavar="FLAG",
       allowed=tuple(PYTHON_FLAG_ALIASES), canonical=_python_flag_canonical),
    # --- output
    _o(["--output-dir"], "output_dir", "output",
       "Folder for the result and the build folder PROG.build. Default: the "
       "current directory.",
       metavar="DIR", type=_nonempty),
    _o(["--output-filename", "-o"], "output_filename", "output",
       "Name of the executable (default PROG.bin). A relative name is taken "
       "inside --output-dir; it may contain folders that exist. Not allowed "
       "with --module or --standalone.",
       metavar="FILENAME", type=_nonempty),
    _o(["--remove-output"], "remove_output", "output",
       "Delete the build folder PROG.build after a successful build.",
       action="store_true"),
    # --- onefile (nuitka/onefile)
    _o(["--onefile-tempdir-spec"], "onefile_tempdir_spec", "onefile",
       "Where the onefile unpacks itself at run time. Default "
       "'{TEMP}/onefile_{PID}_{TIME}', removed at the end; without {PID} and "
       "{TIME} a cache, e.g. '{CACHE_DIR}/{COMPANY}/{PRODUCT}/{VERSION}'. "
       "Tokens: {TEMP}, {PID}, {TIME}, {PROGRAM}, {PROGRAM_BASE}, "
       "{CACHE_DIR}, {COMPANY}, {PRODUCT}, {VERSION}, {HOME}.",
       metavar="SPEC", type=_nonempty),
    _o(["--onefile-no-compression"], "onefile_no_compression", "onefile",
       "Store the onefile's payload without zstd compression.",
       action="store_true"),
    # --- version information
    _o(["--company-name"], "company_name", "version",
       "Company name ({COMPANY} in --onefile-tempdir-spec).",
       metavar="NAME", type=_nonempty),
    _o(["--product-name"], "product_name", "version",
       "Product name ({PRODUCT} in --onefile-tempdir-spec).",
       metavar="NAME", type=_nonempty),
    _o(["--file-version"], "file_version", "version",
       "File version, up to 4 numbers like 1.2.0 ({VERSION}).",
       metavar="VERSION", type=_version_type),
    _o(["--product-version"], "product_version", "version",
       "Product version, up to 4 numbers like 1.2.0 ({VERSION}).",
       metavar="VERSION", type=_version_type),
    # --- deployment
    _o(["--deployment"], "deployment", "deployment",
       "Turn off the helpers meant to find mistakes in the use of the "
       "compiler: all of --no-deployment-flag.",
       action="store_true"),
    _o(["--no-deployment-flag"], "no_deployment_flags", "deployment",
       "Turn off one helper of non-deployment mode: 'self-execution' (the "
       "program stops with an error when started with '-c' or '-m' like a "
       "Python interpreter, which would make packages like multiprocessing "
       "or joblib start it again and again; multiprocessing's own children "
       "always work). Repeatable, or comma separated.",
       action=_ExtendCommaAction, metavar="FLAGS", allowed=DEPLOYMENT_FLAGS),
    # --- debug
    _o(["--debug"], "debug", "debug",
       "Build with C assertions and self checks of the runtime; slower.",
       implemented=False, action="store_true"),
    _o(["--xml"], "xml_output", "debug",
       "Print the optimized node tree as XML on stdout (plain --xml), or "
       "write it to FILE (--xml=FILE; the '=' is required).",
       nargs="?", const="-", metavar="FILE"),
    _o(["--explain-optimizations"], "explain_optimizations", "debug",
       "Print what the optimizer changed, where and why: one line "
       "'file:line: [pass] what' per change, on stdout.",
       action="store_true"),
    # --- backend
    _o(["--clang"], "clang", "backend",
       "Use clang instead of gcc.",
       action="store_true"),
    _o(["--jobs", "-j"], "jobs", "backend",
       "Number of parallel C compiler jobs. 0 or a negative N means the CPU "
       "count minus N. Default: the CPU count (%d here)." % _default_jobs(),
       metavar="N", type=_jobs_type),
    _o(["--lto"], "lto", "backend",
       "Link time optimization: 'yes', 'no' or 'auto' (default 'auto').",
       choices=LTO_CHOICES, metavar="{yes,no,auto}"),
    # --- cache
    _o(["--disable-cache"], "disable_cache", "cache",
       "Do not use (nor fill) the named caches: 'all' (the default when no "
       "value is given) or a comma separated list of %s."
       % ", ".join(repr(k) for k in _cache_kinds()),
       action=_ExtendCommaAction, nargs="?", const="all", metavar="NAMES",
       allowed=_all_cache_kinds),
    _o(["--clean-cache"], "clean_cache", "cache",
       "Delete the named caches first: 'all' (the default when no value is "
       "given) or a comma separated list as for --disable-cache. Without an "
       "input file, only cleans.",
       action=_ExtendCommaAction, nargs="?", const="all", metavar="NAMES",
       allowed=_all_cache_kinds),
    # --- tracing
    _o(["--report"], "report_path", "tracing",
       "Write a compilation report (XML) to this file: per module whether "
       "its C code and object file came from the cache.",
       metavar="FILE", type=_nonempty),
    _o(["--quiet"], "quiet", "tracing",
       "Print nothing but warnings and errors.",
       action="store_true"),
    _o(["--show-scons"], "show_scons", "tracing",
       "Show the SCons and C compiler command lines.",
       action="store_true"),
    _o(["--show-progress"], "show_progress", "tracing",
       "Show the stages of the compilation as they happen.",
       action="store_true"),
    _o(["--verbose"], "verbose", "tracing",
       "Explain what the compiler does in detail.",
       action="store_true"),
    # --- plugins
    _o(["--enable-plugin", "--plugin-enable"], "enabled_plugins", "plugins",
       "Enable a plugin by name (see --plugin-list). Repeatable, or comma "
       "separated.",
       action=_ExtendCommaAction, metavar="PLUGIN_NAME"),
    _o(["--disable-plugin", "--plugin-disable"], "disabled_plugins", "plugins",
       "Disable a plugin that is on by default or switches itself on. "
       "Repeatable, or comma separated.",
       action=_ExtendCommaAction, metavar="PLUGIN_NAME"),
    _o(["--plugin-list"], "plugin_list", "plugins",
       "List the plugins, what each does and whether it is on by default, "
       "and exit (no input file needed).",
       action="store_true"),
    _o(["--user-plugin"], "user_plugins", "plugins",
       "Load a plugin from this Python file (a subclass of "
       "nuitka.plugins.NuitkaPluginBase). Repeatable.",
       action="append", metavar="PATH", type=_nonempty),
    _o(["--user-package-configuration-file"], "user_package_configuration_files", "plugins",
       "Add package configuration from this YAML file (same schema as the "
       "compiler's own, see the user manual). Repeatable.",
       action="append", metavar="YAML_FILENAME", type=_nonempty),
) + tuple(
    _o(["--noinclude-%s-mode" % _group], "noinclude_%s_mode" % _group.lower(), "plugins",
       "What to do when a package imports %s: 'nofollow' (leave it out), "
       "'error' (stop, naming the importer), 'warning' (include it and say "
       "who imports it) or 'allow'. Default: %s (never for the main "
       "program's own imports)." % (_what, "warning" if _what == "unittest" else "nofollow"),
       choices=("nofollow", "error", "warning", "allow"), metavar="MODE")
    for _group, _what in (
        ("pytest", "pytest"), ("setuptools", "setuptools"),
        ("unittest", "unittest"), ("IPython", "IPython"), ("dask", "dask"),
        ("numba", "numba"),
    )
) + (
    _o(["--noinclude-custom-mode"], "noinclude_custom_modes", "plugins",
       "MODULE:MODE, as the --noinclude-*-mode options for any module or "
       "package, e.g. 'setuptools:error'. Repeatable.",
       action="append", metavar="MODULE:MODE", type=_custom_mode_type),
)


def supported_option_names() -> List[str]:
    """Long names of the options that are implemented, in --help order."""
    return [spec.flags[0] for spec in OPTION_TABLE if spec.implemented]


# ---------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------


@dataclass
class Options:
    """Everything the command line (and project options) said.

    Paths are absolute (made so relative to the current directory at parse
    time), except ``output_filename`` which is kept as written.
    """

    #: The main file: a ``.py`` file, or a package folder with ``--module``.
    #: ``None`` only when nothing but ``--clean-cache`` was asked for.
    input_path: Optional[Path] = None
    #: All main files: the positional one first, then each ``--main``.
    main_paths: List[Path] = field(default_factory=list)
    #: Arguments for the compiled program (with ``--run``).
    program_args: List[str] = field(default_factory=list)
    #: True when started as ``nuitka-run``.
    nuitka_run: bool = False
    run: bool = False

    module: bool = False
    standalone: bool = False
    onefile: bool = False

    #: ``None``: default; ``True``: ``--follow-imports``; ``False``:
    #: ``--nofollow-imports`` (the last one given wins).
    follow_imports: Optional[bool] = None
    follow_import_to: List[str] = field(default_factory=list)
    nofollow_import_to: List[str] = field(default_factory=list)
    include_modules: List[str] = field(default_factory=list)
    include_packages: List[str] = field(default_factory=list)
    include_plugin_directories: List[Path] = field(default_factory=list)

    #: Data files, as given (see nuitka.standalone.data_files).
    include_data_files: List[str] = field(default_factory=list)
    include_data_dirs: List[str] = field(default_factory=list)
    include_package_data: List[str] = field(default_factory=list)
    noinclude_data_files: List[str] = field(default_factory=list)

    #: Canonical names (``no_site``, ``no_asserts``, ...), see PYTHON_FLAG_ALIASES.
    python_flags: List[str] = field(default_factory=list)

    #: Onefile (``None``: the default spec, see nuitka.onefile.spec).
    onefile_tempdir_spec: Optional[str] = None
    onefile_no_compression: bool = False
    company_name: Optional[str] = None
    product_name: Optional[str] = None
    file_version: Optional[str] = None
    product_version: Optional[str] = None

    output_dir: Optional[Path] = None
    output_filename: Optional[str] = None
    remove_output: bool = False

    deployment: bool = False
    #: ``--no-deployment-flag`` values (see DEPLOYMENT_FLAGS).
    no_deployment_flags: List[str] = field(default_factory=list)
    debug: bool = False
    #: ``--xml`` given (with or without a file).
    xml: bool = False
    #: ``--xml=FILE``; ``None`` with plain ``--xml`` means stdout.
    xml_output: Optional[Path] = None
    #: ``--explain-optimizations``
    explain_optimizations: bool = False

    clang: bool = False
    jobs: int = field(default_factory=_default_jobs)
    lto: str = "auto"

    #: Cache names, possibly ``"all"``.
    disable_cache: List[str] = field(default_factory=list)
    clean_cache: List[str] = field(default_factory=list)

    report_path: Optional[Path] = None
    quiet: bool = False
    show_scons: bool = False
    show_progress: bool = False
    verbose: bool = False

    enabled_plugins: List[str] = field(default_factory=list)
    disabled_plugins: List[str] = field(default_factory=list)
    plugin_list: bool = False
    user_plugins: List[Path] = field(default_factory=list)
    user_package_configuration_files: List[Path] = field(default_factory=list)
    #: --noinclude-X-mode (None: the default, "warning").
    noinclude_pytest_mode: Optional[str] = None
    noinclude_setuptools_mode: Optional[str] = None
    noinclude_unittest_mode: Optional[str] = None
    noinclude_ipython_mode: Optional[str] = None
    noinclude_dask_mode: Optional[str] = None
    noinclude_numba_mode: Optional[str] = None
    noinclude_custom_modes: List[str] = field(default_factory=list)

    #: Arguments read from ``# nuitka-project:`` comments (for reports).
    project_options: List[str] = field(default_factory=list)

    # -- derived facts ------------------------------------------------------

    def is_standalone(self) -> bool:
        """Standalone output (``--standalone``, or implied by ``--onefile``)."""
        return self.standalone or self.onefile

    def is_cache_disabled(self, kind: str) -> bool:
        """Whether ``--disable-cache`` covers ``kind`` (e.g. ``"runtime"``)."""
        return "all" in self.disable_cache or kind in self.disable_cache

    def deployment_flag_enabled(self, name: str) -> bool:
        """Whether the non-deployment helper ``name`` is on."""
        return not self.deployment and name not in self.no_deployment_flags

    def has_python_flag(self, name: str) -> bool:
        """Whether the canonical python flag ``name`` was given."""
        return name in self.python_flags

    def program_name(self) -> str:
        """Base name of the outputs: ``prog`` for ``prog.py`` or ``pkg/``."""
        if self.input_path is None:
            raise ValueError("no input file")
        path = self.input_path
        if path.is_dir() or not path.suffix:
            return path.name
        return path.stem

    def _base_dir(self) -> Path:
        return self.output_dir if self.output_dir is not None else Path.cwd()

    def build_dir_path(self) -> Path:
        """The build folder ``PROG.build`` in the output directory."""
        return self._base_dir() / (self.program_name() + ".build")

    def dist_dir_path(self) -> Path:
        """The standalone folder ``PROG.dist`` in the output directory."""
        return self._base_dir() / (self.program_name() + ".dist")

    def onefile_build_dir_path(self) -> Path:
        """The onefile build folder ``PROG.onefile-build``."""
        return self._base_dir() / (self.program_name() + ".onefile-build")

    def output_binary_path(self) -> Path:
        """The final artefact.

        * program: ``PROG.bin`` in the output directory, or
          ``--output-filename`` (relative to the output directory);
        * ``--module``: ``PROG`` + the interpreter's extension suffix, e.g.
          ``prog.cpython-311-x86_64-linux-gnu.so``;
        * ``--standalone``: ``PROG.dist/PROG.bin``.
        """
        base = self._base_dir()
        if self.module:
            suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
            return base / (self.program_name() + suffix)
        if self.standalone and not self.onefile:
            return self.dist_dir_path() / (self.output_filename or self.program_name() + ".bin")
        if self.output_filename:
            return base / self.output_filename
        return base / (self.program_name() + ".bin")

    # -- not yet implemented options ---------------------------------------

    def unsupported_used(self) -> List[str]:
        """Options given that no stage implements yet, e.g. ``["--standalone"]``."""
        used = []
        for spec in OPTION_TABLE:
            if spec.implemented:
                continue
            value = getattr(self, spec.dest)
            const = dict(spec.kwargs).get("const")
            if spec.dest == "follow_imports":
                given = value is const
            else:
                given = bool(value)
            if given and spec.flags[0] not in used:
                used.append(spec.flags[0])
        return used

    def unsupported_message(self) -> Optional[str]:
        """One line for the driver to print, or ``None`` if all is supported."""
        used = self.unsupported_used()
        if not used:
            return None
        return "%s %s not supported yet (supported: %s)" % (
            ", ".join(used),
            "is" if len(used) == 1 else "are",
            " ".join(supported_option_names()),
        )


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wraps option help without splitting '--option' names at hyphens."""

    def _split_lines(self, text, width):
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def _wrap_paragraphs(*paragraphs: str) -> str:
    return "\n\n".join(
        textwrap.fill(p, 79, break_on_hyphens=False) for p in paragraphs
    )


class _UsageError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = " ".join(str(message).split())


class _Parser(argparse.ArgumentParser):
    """argparse parser whose errors raise :class:`_UsageError` (we print them)."""

    def error(self, message):
        raise _UsageError(_improve_message(self, message))


def _all_option_strings(parser) -> List[str]:
    return [
        option
        for action in parser._actions  # pylint: disable=protected-access
        for option in action.option_strings
    ]


def _improve_message(parser, message: str) -> str:
    """Add 'what to do' to argparse's messages."""
    help_hint = "see '%s --help'" % parser.prog
    if message.startswith("unrecognized arguments: "):
        unknown = message[len("unrecognized arguments: "):].split()
        first = unknown[0] if unknown else ""
        name = first.split("=", 1)[0]
        close = difflib.get_close_matches(
            name, _all_option_strings(parser), n=1, cutoff=0.75
        )
        hint = ("did you mean '%s'? " % close[0]) if close else ""
        return "unknown option '%s'; %s%s for the options" % (first, hint, help_hint)
    if message.endswith("expected one argument"):
        names = message[len("argument "):].split(":", 1)[0].split("/")
        return message + "; give a value, e.g. '%s=VALUE'" % names[0]
    if "ignored explicit argument" in message:
        return message + "; this option takes no value"
    if "invalid choice" in message or "invalid value" in message:
        return message
    return message + "; " + help_hint


def _build_parser(prog: str, nuitka_run: bool) -> _Parser:
    description = [
        "Compile a Python program to C and build an executable linked "
        "against libpython (PROG.bin). Options marked 'not yet implemented' "
        "are accepted but refused with an error."
    ]
    if nuitka_run:
        description.append(
            "nuitka-run is nuitka with --run on: the program is run after "
            "building, with the arguments that follow the input file."
        )
    epilog = [
        "Project options: lines '# nuitka-project: --option' in the main file "
        "add options (the command line wins); see doc/user-manual.rst.",
        "Environment: NUITKA_CACHE_DIR (cache folder), NUITKA_CCACHE_BINARY "
        "(ccache to use), CC (C compiler), CCFLAGS and LDFLAGS (extra C "
        "compiler and linker flags).",
    ]
    parser = _Parser(
        prog=prog,
        usage="%(prog)s [options] PROGRAM.py [program arguments]"
        if nuitka_run
        else "%(prog)s [options] PROGRAM.py|PACKAGE_DIR [--run program arguments]",
        description=_wrap_paragraphs(*description),
        epilog=_wrap_paragraphs(*epilog),
        allow_abbrev=False,
        add_help=False,
        formatter_class=_HelpFormatter,
    )
    general = parser.add_argument_group("General")
    general.add_argument(
        "input_file",
        nargs="?",
        metavar="PROGRAM.py",
        help="The main program to compile (with --module: a .py module or a "
        "package folder).",
    )
    general.add_argument(
        "program_args",
        nargs="*",
        metavar="ARG",
        help="With --run (always for nuitka-run): arguments for the compiled "
        "program, everything after the input file.",
    )
    general.add_argument(
        "-h", "--help", action="help", help="Show this help and exit."
    )
    general.add_argument(
        "--version",
        action="store_true",
        dest="version",
        help="Print the compiler version, then Python version, flavor and "
        "executable, OS, architecture and C compiler, one per line, and exit.",
    )

    groups = {key: parser.add_argument_group(title) for key, title in GROUPS}
    for spec in OPTION_TABLE:
        kwargs = dict(spec.kwargs)
        help_text = spec.help
        if not spec.implemented:
            help_text += " (not yet implemented)"
        if spec.dest == "run" and nuitka_run:
            help_text += " (on)"
        groups[spec.group].add_argument(
            *spec.flags, dest=spec.dest, help=help_text, **kwargs
        )
    return parser


def _takes_separate_value(action, next_token: Optional[str]) -> bool:
    """Whether ``--opt VALUE`` (no '=') consumes the next token as its value."""
    if next_token is None:
        return False
    if action.nargs == 0:
        return False
    if action.nargs == "?":
        # Optional values only if the token is clearly one (never a file).
        allowed = getattr(action, "allowed", None)
        if callable(allowed):
            allowed = allowed()
        if allowed is None:
            return False
        parts = next_token.split(",")
        return all(part.strip() in allowed for part in parts)
    return True


class _Split:
    def __init__(self):
        self.option_tokens: List[str] = []
        self.positional: Optional[str] = None
        self.program_args: List[str] = []
        self.extra: Optional[str] = None  # unexpected extra positional


def _split_argv(parser: _Parser, argv: Sequence[str], run_mode: bool) -> _Split:
    """Separate our options, the input file and the program's arguments.

    Options given as ``--opt VALUE`` are rewritten to ``--opt=VALUE`` so that
    values starting with '-' work and argparse sees no stray positionals.
    """
    lookup = {
        option: action
        for action in parser._actions  # pylint: disable=protected-access
        for option in action.option_strings
    }
    split = _Split()
    run_seen = run_mode
    i = 0
    n = len(argv)
    while i < n:
        token = argv[i]
        i += 1

        if token == "--":
            if split.positional is None and i < n:
                split.positional = argv[i]
                i += 1
            rest = list(argv[i:])
            if rest:
                if run_seen:
                    split.program_args = rest
                else:
                    split.extra = rest[0]
            break

        if token.startswith("-") and token != "-":
            if token.startswith("--"):
                name, has_eq, _ = token.partition("=")
                action = lookup.get(name)
                if action is not None and not has_eq:
                    nxt = argv[i] if i < n else None
                    if _takes_separate_value(action, nxt):
                        token = "%s=%s" % (name, nxt)
                        i += 1
            else:
                name = token[:2]
                action = lookup.get(name)
                if action is not None and len(token) == 2:
                    nxt = argv[i] if i < n else None
                    if _takes_separate_value(action, nxt):
                        token = name + nxt
                        i += 1
            if action is not None and action.dest == "run":
                run_seen = True
            split.option_tokens.append(token)
            continue

        if split.positional is None:
            split.positional = token
            if run_seen:
                split.program_args = list(argv[i:])
                break
            continue

        # A second non-option argument with options allowed after the input.
        if run_seen:
            split.program_args = list(argv[i - 1:])
        else:
            split.extra = token
        break
    return split


def _namespace_from(parser: _Parser, tokens: List[str]) -> argparse.Namespace:
    namespace = parser.parse_args(tokens)
    return namespace


def _absolute(path) -> Path:
    return Path(os.path.abspath(os.path.expanduser(str(path))))


def _check_input(path_text: str, module: bool, what: str) -> Path:
    path = _absolute(path_text)
    if not path.exists():
        raise _UsageError(
            "%s '%s' does not exist; check the path (relative paths are taken "
            "from the current directory %s)" % (what, path_text, os.getcwd())
        )
    if path.is_dir():
        if not module:
            # As `python DIR`: DIR/__main__.py is the program.
            if (path / "__main__.py").is_file():
                return path
            raise _UsageError(
                "%s '%s' is a directory without __main__.py; give the program's "
                ".py file, a folder with __main__.py, or use --module to compile "
                "a package" % (what, path_text)
            )
        if not (path / "__init__.py").is_file():
            raise _UsageError(
                "%s '%s' is a directory without __init__.py; give a .py file or "
                "a package folder" % (what, path_text)
            )
        return path
    if path.suffix not in (".py", ".pyw") and not module and zipfile.is_zipfile(str(path)):
        raise _UsageError(
            "%s '%s' is a zip application, which cannot be compiled; unpack it "
            "and give its folder (the one with __main__.py)" % (what, path_text)
        )
    if path.suffix not in (".py", ".pyw"):
        raise _UsageError(
            "%s '%s' is not a Python source file; give a file ending in .py"
            % (what, path_text)
        )
    return path


def _parse(parser: _Parser, argv: List[str], nuitka_run: bool) -> Options:
    split = _split_argv(parser, argv, run_mode=nuitka_run)
    namespace = _namespace_from(parser, split.option_tokens)

    if namespace.version:
        from nuitka.utils.version_report import version_report_lines

        sys.stdout.write("\n".join(version_report_lines(namespace.clang)) + "\n")
        sys.stdout.flush()
        raise SystemExit(0)

    run = nuitka_run or bool(namespace.run)
    if split.extra is not None:
        if run:
            raise _UsageError(
                "unexpected argument '%s'; with --run, program arguments go "
                "after the input file" % split.extra
            )
        raise _UsageError(
            "unexpected argument '%s' after the input file; only one input "
            "file is accepted (to pass arguments to the program, use --run "
            "before the input file)" % split.extra
        )

    main_texts = ([split.positional] if split.positional is not None else []) + list(
        namespace.mains or []
    )
    if not main_texts:
        if namespace.clean_cache or namespace.plugin_list:
            return _make_options(namespace, None, [], [], [], nuitka_run, run)
        raise _UsageError(
            "no input file given; name the Python program to compile, e.g. "
            "'%s --run hello.py' (see '%s --help')" % (parser.prog, parser.prog)
        )

    # Existence first (project options may change --module).
    for text in main_texts:
        if not _absolute(text).exists():
            _check_input(text, True, "input file")

    project_tokens: List[str] = []
    try:
        first = _absolute(main_texts[0])
        if first.is_dir() and not namespace.module and (first / "__main__.py").is_file():
            first = first / "__main__.py"
        project_tokens = read_project_options(first)
    except ProjectOptionsError as exc:
        raise _UsageError(str(exc)) from None
    except OSError as exc:
        raise _UsageError(
            "cannot read input file '%s': %s" % (main_texts[0], exc.strerror or exc)
        ) from None

    if project_tokens:
        project_split = _split_argv(parser, project_tokens, run_mode=False)
        where = "project options in '%s'" % main_texts[0]
        if project_split.positional is not None or project_split.extra is not None:
            raise _UsageError(
                "%s: %r is not an option; write options like '--lto=no'"
                % (where, project_split.positional or project_split.extra)
            )
        for token in project_split.option_tokens:
            if token.split("=", 1)[0] in ("--version", "--help", "-h", "--main"):
                raise _UsageError(
                    "%s: '%s' cannot be used there; give it on the command line"
                    % (where, token)
                )
        try:
            _namespace_from(parser, project_split.option_tokens)
        except _UsageError as exc:
            raise _UsageError("%s: %s" % (where, exc.message)) from None
        namespace = _namespace_from(
            parser, project_split.option_tokens + split.option_tokens
        )
        run = nuitka_run or bool(namespace.run)

    module = bool(namespace.module)
    main_paths = [_check_input(text, module, "input file") for text in main_texts]

    options = _make_options(
        namespace,
        main_paths[0],
        main_paths,
        split.program_args,
        project_tokens,
        nuitka_run,
        run,
    )
    _check_conflicts(options)
    return options


def _make_options(namespace, input_path, main_paths, program_args, project_tokens,
                  nuitka_run, run) -> Options:
    values = {}
    for spec in OPTION_TABLE:
        values[spec.dest] = getattr(namespace, spec.dest)
    xml_output = values.pop("xml_output")
    values.pop("mains")
    values.pop("run")  # decided by the caller (nuitka-run, --run)

    options = Options(
        input_path=input_path,
        main_paths=list(main_paths),
        program_args=list(program_args),
        nuitka_run=nuitka_run,
        run=run,
        project_options=list(project_tokens),
    )
    for name, value in values.items():
        if value is None:
            continue  # keep the dataclass default
        if name in ("output_dir", "report_path"):
            value = _absolute(value)
        elif name in ("include_plugin_directories", "user_plugins",
                      "user_package_configuration_files"):
            value = [_absolute(item) for item in value]
        elif isinstance(value, list):
            value = list(value)
        setattr(options, name, value)
    if xml_output is not None:
        options.xml = True
        options.xml_output = None if xml_output == "-" else _absolute(xml_output)
    return options


def _check_conflicts(options: Options) -> None:
    if options.module and options.is_standalone():
        raise _UsageError(
            "--module cannot be combined with --%s; choose one compilation mode"
            % ("onefile" if options.onefile else "standalone")
        )
    if options.module and len(options.main_paths) > 1:
        raise _UsageError(
            "--main given several times (multidist) cannot be combined with "
            "--module; compile each module on its own"
        )
    if len(options.main_paths) > 1:
        names = {}
        for path in options.main_paths:
            entry = path.name if path.is_dir() else path.stem
            if entry in names:
                raise _UsageError(
                    "main programs '%s' and '%s' have the same name '%s'; the "
                    "binary picks one by the name it is started with, so they "
                    "must differ" % (names[entry], path, entry)
                )
            names[entry] = path
    if options.output_filename and options.module:
        raise _UsageError(
            "--output-filename cannot be used with --module (the extension "
            "module's name must match the module); use --output-dir"
        )
    if (options.output_filename and options.standalone and not options.onefile
            and os.path.basename(options.output_filename) != options.output_filename):
        raise _UsageError(
            "--output-filename with --standalone names the program inside "
            "PROG.dist and cannot contain a folder; use --output-dir"
        )
    if options.output_filename and options.output_filename.endswith(("/", os.sep)):
        raise _UsageError(
            "--output-filename '%s' names a folder; give a file name, or use "
            "--output-dir for the folder" % options.output_filename
        )
    if options.output_dir is not None and options.output_dir.exists() and not (
        options.output_dir.is_dir()
    ):
        raise _UsageError(
            "--output-dir '%s' exists and is not a directory; give a folder"
            % options.output_dir
        )
    if options.quiet and options.verbose:
        raise _UsageError("--quiet and --verbose contradict each other; give one")
    from nuitka.python_flags import flags_problem

    problem = flags_problem(options.python_flags, options.module)
    if problem:
        raise _UsageError(problem)
    from nuitka.onefile.spec import options_spec_problem

    problem = options_spec_problem(options)
    if problem:
        raise _UsageError(problem)


def parse_options(argv: Sequence[str], nuitka_run: bool = False) -> Options:
    """Parse ``argv`` (without the program name) into :class:`Options`.

    Raises:
        SystemExit: 2 after printing a one-line error for a usage error;
            0 after ``--help`` or ``--version``.
    """
    parser = _build_parser("nuitka-run" if nuitka_run else "nuitka", nuitka_run)
    try:
        return _parse(parser, list(argv), nuitka_run)
    except _UsageError as exc:
        sys.stdout.flush()
        # Exactly one line: what is wrong and what to do.
        sys.stderr.write("nuitka: error: %s\n" % exc.message)
        sys.stderr.flush()
        raise SystemExit(2) from None


def options_field_names() -> List[str]:
    """Names of all :class:`Options` fields (for reports and tests)."""
    return [item.name for item in fields(Options)]
