"""The option table of ``nuitka`` and ``nuitka-run``: every option, its
group, help text and whether a stage implements it (``implemented``), plus
the value vocabularies and converters.  Parsing is in :mod:`nuitka.options`.
"""

import argparse
import os
from dataclasses import dataclass
from typing import Dict, List, Tuple

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


def _report_template_type(text: str) -> str:
    template, sep, output = text.rpartition(":")
    if not sep or not template.strip() or not output.strip():
        raise argparse.ArgumentTypeError(
            "expected TEMPLATE:OUTPUT (a template file or built-in name, ':', the "
            "file to write), got %r" % text
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
    _o(["--file-reference-choice"], "file_reference_choice", "compile",
       "How an accelerated program refers to its source files (__file__, "
       "tracebacks): 'original' (their absolute path at compile time, as "
       "'python prog.py' does) or 'runtime' (relative to where the binary is "
       "when it runs, for the files below the program's folder: no build "
       "path in the binary, for reproducible builds). Default: 'original', "
       "or 'runtime' when SOURCE_DATE_EPOCH is set. Standalone, onefile and "
       "module results always use 'runtime'.",
       choices=("original", "runtime"), metavar="{original,runtime}"),
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
       "count minus N. Default: the CPU count (%d here), or the slots of "
       "distcc's hosts when CC starts with distcc." % _default_jobs(),
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
       "Write a compilation report (XML) to this file: every module found "
       "with its decision and the reason, options, plugins, data files and "
       "DLLs, C compiler and flags, cache hits, timings and peak memory.",
       metavar="FILE", type=_nonempty),
    _o(["--report-template"], "report_templates", "tracing",
       "Render a Jinja2 template over the report's data into a file: a "
       "template file, or a built-in one by name (e.g. 'license-report' for "
       "the licenses of the distributions used). Repeatable.",
       action="append", metavar="TEMPLATE:OUTPUT", type=_report_template_type),
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
