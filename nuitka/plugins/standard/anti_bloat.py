"""anti-bloat: keep packages from dragging in what a program does not use.

* ``--noinclude-pytest-mode``, ``--noinclude-setuptools-mode``,
  ``--noinclude-unittest-mode``, ``--noinclude-IPython-mode``,
  ``--noinclude-dask-mode``, ``--noinclude-numba-mode`` and
  ``--noinclude-custom-mode=MODULE:MODE``: what to do when an import of
  those is found: ``nofollow`` (leave it out: the import fails at run time in
  standalone mode, as if the package were not installed), ``error`` (stop
  the compilation, naming the importer), ``warning`` (include it, and say
  who imports it) or ``allow`` (include it silently).  The defaults
  (:data:`DEFAULT_NOINCLUDE_MODES`): ``nofollow`` for the big optional
  integrations packages reach for (pytest, setuptools, IPython, dask,
  numba), ``warning`` for unittest (some libraries import it at module
  level).  A default never applies to the program's own main module: what
  it imports itself is what it needs; a mode given on the command line
  applies to every importer.
* ``anti-bloat`` items of the package configuration: source changes before
  parsing (``replacements_plain``, ``replacements_re``,
  ``change_function``, ``append_code``) and ``no-follow`` of optional
  imports.
* Optional integrations, found without configuration: an import that runs
  only sometimes (in a function, under a condition, in a ``try`` catching
  ImportError) of a package whose distribution the importer's distribution
  does not require (``Requires-Dist`` outside of extras, transitively) is
  not followed (:mod:`nuitka.modules.distributions`): tqdm's pandas
  support, Pillow's numpy arrays, pydantic's rich pretty printer.  If the
  program uses that package itself, it is in the result and the import
  works; otherwise it raises ImportError, as with the package uninstalled.
  The same holds for a module of the package itself (or of a package it
  requires) that is imported on demand (in a function, or by a name in a string)
  and that imports at module level a distribution the package names for
  one of its extras only (:mod:`nuitka.modules.integrations`):
  ``pandas.plotting._matplotlib``, ``pandas.io.formats.style`` (jinja2),
  ``pyparsing.diagram``.
"""

import ast
import re

from nuitka.modules.distributions import undeclared_reason
from nuitka.modules.graph import pattern_matches
from nuitka.plugins.base import NuitkaPluginBase, PluginError

#: --noinclude-X-mode -> the modules it is about.
NOINCLUDE_GROUPS = {
    "pytest": ("pytest", "_pytest", "py.test"),
    "setuptools": ("setuptools", "setuptools_scm", "_distutils_hack", "pkg_resources._vendor"),
    "unittest": ("unittest",),
    "IPython": ("IPython",),
    "dask": ("dask", "distributed"),
    "numba": ("numba", "llvmlite"),
}
NOINCLUDE_MODES = ("nofollow", "error", "warning", "allow")
DEFAULT_NOINCLUDE_MODES = {
    "pytest": "nofollow",
    "setuptools": "nofollow",
    "unittest": "warning",
    "IPython": "nofollow",
    "dask": "nofollow",
    "numba": "nofollow",
}


def noinclude_rules(options):
    """``[(module pattern, mode, option, given)]`` from the options, custom
    first; ``given``: the mode was chosen on the command line (not a default)."""
    rules = []
    for item in getattr(options, "noinclude_custom_modes", ()) or ():
        module, _, mode = item.partition(":")
        rules.append((module, mode, "--noinclude-custom-mode=%s" % item, True))
    for group, modules in NOINCLUDE_GROUPS.items():
        given = getattr(options, "noinclude_%s_mode" % group.lower(), None)
        mode = given or DEFAULT_NOINCLUDE_MODES[group]
        for module in modules:
            rules.append((module, mode, "--noinclude-%s-mode=%s" % (group, mode), given is not None))
    return rules


def _same_package(a, b):
    return a.split(".")[0] == b.split(".")[0]


class AntiBloatPlugin(NuitkaPluginBase):
    plugin_name = "anti-bloat"
    plugin_description = (
        "leaves out optional imports and test frameworks packages drag in "
        "(--noinclude-*-mode, package configuration)"
    )
    enabled_by_default = True

    def __init__(self, host):
        super().__init__(host)
        self.rules = noinclude_rules(host.options)
        self._warned = set()

    def decide_follow(self, module_name, importer_name):
        config = self.host.config
        if importer_name:
            for item in config.items(importer_name, "anti-bloat"):
                for pattern, reason in item.data.get("no-follow", {}).items():
                    if pattern_matches(module_name, [pattern]):
                        return False, "%s (%s)" % (reason, item.origin)
        for pattern, mode, option, given in self.rules:
            if not pattern_matches(module_name, [pattern]):
                continue
            if importer_name and (
                _same_package(importer_name, module_name)
                or any(pattern_matches(importer_name, [other]) for other, _, o, _ in self.rules if o == option)
            ):
                return None  # inside the package (group) itself: it was let in already
            if not given and importer_name in (None, "__main__"):
                return None  # the program itself asks for it
            if mode == "nofollow":
                if not given:
                    self._note_default(pattern, module_name, importer_name, option)
                return False, option + ("" if given else " (the default)")
            if mode == "error":
                raise PluginError(
                    "'%s' imports '%s', which %s forbids; change the option to "
                    "'nofollow' to leave it out, or to 'allow'"
                    % (importer_name or "the program", module_name, option)
                )
            if mode == "warning" and pattern not in self._warned:
                self._warned.add(pattern)
                self.host.warn(
                    "'%s' imports '%s' (bloat: it may slow down the compilation and "
                    "grow the result); use %s to leave it out, or %s to silence this"
                    % (importer_name or "the program", module_name,
                       option.rsplit("=", 1)[0] + "=nofollow", option.rsplit("=", 1)[0] + "=allow")
                )
            return None
        return None

    def decide_optional_import(self, module_name, importer_name):
        if not importer_name:
            return None
        reason = undeclared_reason(module_name, importer_name)
        key = module_name.split(".")[0]
        if reason is None and self.host.integrations is not None:
            # A module of the package (or of one it requires) that needs an
            # extra's distribution at module level: pandas.plotting._matplotlib.
            reason = self.host.integrations.reason(module_name, importer_name)
            key = module_name
        if reason is None:
            return None
        if key not in self._warned:
            self._warned.add(key)
            self.host.log("anti-bloat: not following '%s' from '%s': %s"
                          % (module_name, importer_name, reason))
        return False, reason

    def _note_default(self, pattern, module_name, importer_name, option):
        if pattern in self._warned:
            return
        self._warned.add(pattern)
        self.host.log(
            "anti-bloat: not following '%s' from '%s' (%s, the default; give %s to include it)"
            % (module_name, importer_name, option, option.rsplit("=", 1)[0] + "=allow")
        )

    def change_source(self, module_name, filename, source):
        items = list(self.host.config.items(module_name, "anti-bloat"))
        if not items:
            return None
        reasons = []
        for item in items:
            data = item.data
            changed = source
            for old, new in data.get("replacements_plain", {}).items():
                if old not in changed:
                    self.host.warn("anti-bloat: text to replace not found in '%s' (%s); "
                                   "the package configuration may not fit this version"
                                   % (module_name, item.origin))
                changed = changed.replace(old, new)
            for pattern, new in data.get("replacements_re", {}).items():
                changed, count = re.subn(pattern, new, changed, flags=re.M)
                if not count:
                    self.host.warn("anti-bloat: pattern %r not found in '%s' (%s)"
                                   % (pattern, module_name, item.origin))
            for function in data.get("change_function", {}):
                changed = make_uncallable(changed, function, module_name, filename, self.host.warn, item.origin)
            if data.get("append_code"):
                changed = changed.rstrip("\n") + "\n" + data["append_code"] + "\n"
            if changed != source:
                reasons.append("%s (%s)" % (data["description"], item.origin))
                source = changed
        if not reasons:
            return None
        return source, "; ".join(reasons)


def make_uncallable(source, qualified_name, module_name, filename, warn, origin):
    """``source`` with the body of function ``qualified_name`` (``f`` or
    ``Class.method``) replaced by a raise; line numbers stay the same."""
    try:
        tree = ast.parse(source, filename)
    except SyntaxError:
        return source
    parts = qualified_name.split(".")
    body = tree.body
    node = None
    for i, part in enumerate(parts):
        node = next(
            (n for n in body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
             and n.name == part),
            None,
        )
        if node is None:
            warn("anti-bloat: function '%s' not found in '%s' (%s)" % (qualified_name, module_name, origin))
            return source
        body = node.body
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        warn("anti-bloat: '%s' in '%s' is not a function (%s)" % (qualified_name, module_name, origin))
        return source
    lines = source.splitlines(keepends=True)
    first = node.body[0]
    start, end = first.lineno - 1, node.end_lineno
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    if first.lineno == node.lineno:
        # One-line "def f(): body": put the raise on the same line.
        head = lines[start][: first.col_offset]
        replacement = [head + _raise(qualified_name, module_name) + "\n"]
    else:
        replacement = [indent + _raise(qualified_name, module_name) + "\n"]
    replacement += ["\n"] * (end - start - 1)
    return "".join(lines[:start] + replacement + lines[end:])


def _raise(qualified_name, module_name):
    return "raise RuntimeError(%r)" % (
        "%s.%s was removed by the anti-bloat plugin of the compiler"
        % (module_name, qualified_name)
    )
