"""Path specs with ``{TOKEN}`` placeholders (``--onefile-tempdir-spec``).

The onefile bootstrap (``bootstrap/paths.c``) expands the tokens at run
time; this module validates a spec at compile time (an unknown token is a
usage error) and has the same expansion in Python (used by the tests and
usable for other path options such as output redirections later).

A spec containing ``{PID}`` or ``{TIME}`` names a *temporary* extraction,
removed when the program ends; any other spec names a *cache* that later
starts reuse.
"""

import os
import re
import time
from typing import Dict, List, Optional

#: The default of ``--onefile-tempdir-spec``.
DEFAULT_TEMPDIR_SPEC = "{TEMP}/onefile_{PID}_{TIME}"

#: Token -> what it expands to (``--help`` and the user manual say the same).
TOKENS: Dict[str, str] = {
    "TEMP": "the user's temporary folder ($TMPDIR, else /tmp)",
    "PID": "the process id of the onefile bootstrap",
    "TIME": "the time of the start in seconds since the epoch",
    "PROGRAM": "the full path of the onefile executable",
    "PROGRAM_BASE": "that path without its suffix (/opt/prog.bin -> /opt/prog)",
    "CACHE_DIR": "the user's cache folder ($XDG_CACHE_HOME, else ~/.cache)",
    "COMPANY": "the value of --company-name",
    "PRODUCT": "the value of --product-name",
    "VERSION": "--file-version and --product-version, joined by '_' when both "
    "are given and differ",
    "HOME": "the user's home folder ($HOME)",
    "NONE": "no file (for file outputs only)",
    "NULL": "the null device (for file outputs only)",
}

#: Tokens that stand for "no file": meaningless for a folder to extract to.
FILE_ONLY_TOKENS = ("NONE", "NULL")

#: Tokens whose value comes from an option, and that option.
OPTION_TOKENS = {
    "COMPANY": "--company-name",
    "PRODUCT": "--product-name",
    "VERSION": "--file-version or --product-version",
}

_TOKEN_RE = re.compile(r"\{([^{}]*)\}")


class SpecError(ValueError):
    """A spec that cannot be used; the message is one line for the user."""


def spec_tokens(spec: str) -> List[str]:
    """Token names used in ``spec``, in order; raises SpecError on bad braces
    or unknown tokens."""
    names = []
    for match in _TOKEN_RE.finditer(spec):
        name = match.group(1)
        if name not in TOKENS:
            raise SpecError(
                "unknown token {%s}; the tokens are %s"
                % (name, ", ".join("{%s}" % token for token in TOKENS))
            )
        names.append(name)
    rest = _TOKEN_RE.sub("", spec)
    if "{" in rest or "}" in rest:
        raise SpecError("unbalanced '{' or '}'; tokens are written like {TEMP}")
    return names


def is_temporary_spec(spec: str) -> bool:
    """True when the spec makes a new folder per start ({PID} or {TIME})."""
    names = spec_tokens(spec)
    return "PID" in names or "TIME" in names


def version_value(file_version: Optional[str], product_version: Optional[str]) -> str:
    """What ``{VERSION}`` expands to ('' when neither version is given)."""
    values = [v for v in (file_version, product_version) if v]
    if len(values) == 2 and values[0] == values[1]:
        values = values[:1]
    return "_".join(values)


def check_tempdir_spec(
    spec: str,
    company: Optional[str] = None,
    product: Optional[str] = None,
    version: Optional[str] = None,
) -> None:
    """Raise SpecError with a one-line reason if ``spec`` cannot name an
    extraction folder with these option values."""
    if not spec.strip():
        raise SpecError("the spec is empty")
    if "\0" in spec:
        raise SpecError("the spec contains a NUL character")
    names = spec_tokens(spec)
    for name in names:
        if name in FILE_ONLY_TOKENS:
            raise SpecError(
                "{%s} stands for %s and cannot name the folder to extract to"
                % (name, TOKENS[name].split(" (")[0])
            )
    values = {"COMPANY": company, "PRODUCT": product, "VERSION": version}
    for name in names:
        if name in values:
            value = values[name]
            if not value:
                raise SpecError("{%s} needs %s" % (name, OPTION_TOKENS[name]))
            if "/" in value or value in (".", ".."):
                raise SpecError(
                    "{%s} would be %r, which is not usable as a folder name"
                    % (name, value)
                )


def options_spec_problem(options) -> Optional[str]:
    """One-line usage error for ``--onefile-tempdir-spec`` in ``options``
    (:class:`nuitka.options.Options`), or None when it is fine or not given."""
    spec = options.onefile_tempdir_spec
    if spec is None:
        return None
    try:
        check_tempdir_spec(spec, options.company_name, options.product_name,
                           version_value(options.file_version, options.product_version))
    except SpecError as exc:
        return "--onefile-tempdir-spec '%s': %s" % (spec, exc)
    return None


def expand_spec(
    spec: str,
    program: str,
    company: str = "",
    product: str = "",
    version: str = "",
    pid: Optional[int] = None,
    now: Optional[int] = None,
    environ: Optional[Dict[str, str]] = None,
) -> Optional[str]:
    """Expand ``spec`` as the bootstrap does for the onefile at ``program``.

    A relative result is taken from the program's folder.  ``{NONE}``
    gives None and ``{NULL}`` ``os.devnull`` (for file outputs).
    """
    env = os.environ if environ is None else environ
    program = os.path.abspath(program)

    def absolute(name):
        value = env.get(name, "")
        return value if value.startswith("/") else None

    def home():
        return absolute("HOME") or os.path.expanduser("~")

    stem, dot, _suffix = os.path.basename(program).rpartition(".")
    program_base = os.path.join(os.path.dirname(program), stem) if dot and stem else program
    values = {
        "TEMP": lambda: absolute("TMPDIR") or "/tmp",
        "PID": lambda: str(os.getpid() if pid is None else pid),
        "TIME": lambda: str(int(time.time()) if now is None else now),
        "PROGRAM": lambda: program,
        "PROGRAM_BASE": lambda: program_base,
        "CACHE_DIR": lambda: absolute("XDG_CACHE_HOME") or home() + "/.cache",
        "COMPANY": lambda: company,
        "PRODUCT": lambda: product,
        "VERSION": lambda: version,
        "HOME": home,
    }
    names = spec_tokens(spec)
    if "NONE" in names:
        return None
    if "NULL" in names:
        return os.devnull
    result = _TOKEN_RE.sub(lambda m: values[m.group(1)](), spec)
    if not result.startswith("/"):
        result = os.path.join(os.path.dirname(program), result)
    result = re.sub("/+", "/", result)
    return result.rstrip("/") or "/"
