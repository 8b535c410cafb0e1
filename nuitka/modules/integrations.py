"""Integration modules: modules of a package that are loaded lazily and need
a distribution the package does not require.

A package often keeps the code for an optional integration in modules of
its own, imported only when that feature is used (in a function, by a name
in a string): ``pandas.plotting._matplotlib`` (``import matplotlib`` at
module level; pandas loads it with ``importlib.import_module`` when a plot
is drawn), ``pandas.io.formats.style`` (jinja2 and markupsafe, for
``DataFrame.style``), ``pyparsing.diagram`` (jinja2 and railroad, for
``create_diagram()``).  Such a module can only be imported when that other
distribution is installed: the package declares it as an extra at most.

:class:`IntegrationCheck` looks ahead from a module that is imported only
on demand (in a function, under a condition, or by a name in a string;
not a module-level
``try``, which uses what is installed whenever the package is imported):
it follows the module's unconditional module-level imports (not
those in functions, under conditions, or in a ``try`` catching
ImportError) through the modules of the same top-level package, and names
the first import of a distribution that the package's distribution does not
require (``Requires-Dist`` outside of extras, transitively, see
:mod:`nuitka.modules.distributions`) but names for one of its extras (or
that such a distribution requires): the package says itself that it works
without it.  A distribution the program uses anyway (already part of it)
does not count, nor one that a distribution of the program requires;
one the package does not name at all (metadata that
forgot a requirement) does not either.
"""

import ast
from typing import Callable, Dict, List, Optional, Tuple

from . import distributions
from .finder import PACKAGE, SOURCE, ModuleFinder
from .scanner import resolve_relative, scan_imports

#: How many modules of a package one look-ahead reads at most.
LOOKAHEAD_LIMIT = 400


def _read_tree(filename):
    from nuitka.frontend.source import read_source_bytes

    try:
        return ast.parse(read_source_bytes(filename), filename)
    except (OSError, SyntaxError, ValueError):
        return None


class IntegrationCheck:
    """Answers :meth:`reason` for the modules of one compilation.

    ``is_used(name)``: the program has that (top-level) module already, as
    the program's own import or another package's requirement."""

    def __init__(self, finder: ModuleFinder, is_used: Callable[[str], bool],
                 program_tops: Callable[[], set] = lambda: set()):
        self.finder = finder
        self.is_used = is_used
        #: The top-level packages of the program so far: what their
        #: distributions require is used too (httpx requires anyio, which
        #: httpcore names for an extra only).
        self.program_tops = program_tops
        #: module -> its unconditional module-level imports (absolute names).
        self._imports: Dict[str, List[str]] = {}
        #: (module, importer) pairs imported on demand: in a function, under
        #: a condition, or by a name in a string.  A module-level ``try: from . import
        #: _lxml`` is not: the package uses what is installed whenever it
        #: is imported (bs4's lxml tree builder).
        self._on_demand = set()

    def note_on_demand(self, module_name: str, importer_name: str):
        """The graph saw ``importer_name`` load ``module_name`` on demand."""
        self._on_demand.add((module_name, importer_name))

    def _program_requires(self) -> set:
        result = set()
        for top in self.program_tops():
            for dist in distributions.distributions_of(top):
                result |= distributions.required_closure(dist)
        return result

    def module_level_imports(self, name: str) -> List[str]:
        """Absolute names the module imports whenever it is imported."""
        if name in self._imports:
            return self._imports[name]
        result = []
        self._imports[name] = result
        info = self.finder.find(name)
        if info.kind not in (SOURCE, PACKAGE):
            return result
        tree = _read_tree(info.filename)
        if tree is None:
            return result
        package = name if info.kind == PACKAGE else (name.rpartition(".")[0] or None)
        for request in scan_imports(tree, skip_main_block=True):
            if request.optional:
                continue
            absolute = resolve_relative(request, package)
            if absolute is None:
                continue
            if absolute not in result:
                result.append(absolute)
            for item in request.fromlist:
                candidate = absolute + "." + item
                if item != "*" and candidate not in result and \
                        self.finder.find(candidate).kind in (SOURCE, PACKAGE):
                    result.append(candidate)
        return result

    def reason(self, module_name: str, importer_name: Optional[str] = None) -> Optional[str]:
        """Why ``module_name`` (imported only sometimes) is an integration
        module, or None.  With ``importer_name``: only if that import is on
        demand (see :meth:`note_on_demand`)."""
        if importer_name is not None and (module_name, importer_name) not in self._on_demand:
            return None
        top = module_name.split(".")[0]
        dists = distributions.distributions_of(module_name)
        if not dists:
            return None  # the standard library, the program's own code
        allowed, extras = set(), set()
        for dist in dists:
            allowed |= distributions.required_closure(dist)
            extras |= distributions.extras_closure(dist)
        extras -= allowed
        if not extras:
            return None
        found = self._first_foreign(module_name, top, extras)
        if found is None:
            return None
        via, target, target_dists = found
        return "%s imports %s%s, which %s needs for an extra only (an optional integration " \
            "the program does not use)" % (
                module_name,
                target,
                "" if via == module_name else " (in %s)" % via,
                "/".join(sorted(dists)),
            )

    def _first_foreign(self, start: str, top: str, extras) -> Optional[Tuple[str, str, frozenset]]:
        seen = {start}
        todo = [start]
        while todo and len(seen) <= LOOKAHEAD_LIMIT:
            current = todo.pop(0)
            for target in self.module_level_imports(current):
                target_top = target.split(".")[0]
                if target_top == top:
                    if target not in seen:
                        seen.add(target)
                        todo.append(target)
                    continue
                target_dists = distributions.distributions_of(target)
                if not target_dists or not target_dists <= extras:
                    continue
                if self.is_used(target_top) or target_dists & self._program_requires():
                    continue
                return current, target, target_dists
        return None
