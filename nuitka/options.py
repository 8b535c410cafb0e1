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
  (:data:`OPTION_TABLE`, in :mod:`nuitka.option_table`); ``--help`` marks the others.
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

from nuitka.option_table import (  # noqa: F401 - part of this module's interface
    DEPLOYMENT_FLAGS,
    GROUPS,
    LTO_CHOICES,
    OPTION_TABLE,
    OptionSpec,
    PYTHON_FLAG_ALIASES,
    _ExtendCommaAction,
    _all_cache_kinds,
    _cache_kinds,
    _custom_mode_type,
    _data_spec_type,
    _default_jobs,
    _jobs_type,
    _nonempty,
    _o,
    _python_flag_canonical,
    _version_type,
    supported_option_names,
)


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
    #: ``--file-reference-choice`` (None: see :meth:`relative_file_references`)
    file_reference_choice: Optional[str] = None

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
    #: --jobs was given (else a compile farm may pick its own slot count).
    jobs_given: bool = False
    lto: str = "auto"

    #: Cache names, possibly ``"all"``.
    disable_cache: List[str] = field(default_factory=list)
    clean_cache: List[str] = field(default_factory=list)

    report_path: Optional[Path] = None
    #: ``--report-template`` values as given (``TEMPLATE:OUTPUT``).
    report_templates: List[str] = field(default_factory=list)
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

    def relative_file_references(self) -> bool:
        """Accelerated programs: refer to source files relative to the
        binary (``--file-reference-choice=runtime``; the default when
        ``SOURCE_DATE_EPOCH`` asks for a reproducible build)."""
        if self.module or self.is_standalone():
            return False  # always relative, by their own rules
        if self.file_reference_choice is not None:
            return self.file_reference_choice == "runtime"
        return bool(os.environ.get("SOURCE_DATE_EPOCH"))

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
    options.jobs_given = values.get("jobs") is not None
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
