"""The module graph: which modules are compiled into the result.

Decisions (see the user manual, "Following imports"), checked in order for
every module an import statement of a compiled module names:

1. only ``.py`` modules and regular packages can be compiled; extension,
   built-in and frozen modules, namespace packages and missing modules are
   left to the import system at run time;
2. ``--nofollow-import-to=PATTERN`` never follows (it wins over everything
   but an explicit ``--include-module``/``--include-package``);
3. ``--follow-import-to=PATTERN`` follows;
4. ``--follow-imports`` follows everything except the standard library;
5. otherwise (the default, and ``--nofollow-imports``) nothing is followed.

Before 2., plugins (``nuitka.plugins``) may decide for one import: the
anti-bloat plugin leaves out optional imports of a package (for that
importer only: another module importing the same name decides again) and
applies the ``--noinclude-*-mode`` options.  Plugins also add the implicit
imports of a module (names the scan cannot see), and hear of every module
that becomes part of the program.

A PATTERN matches a module when it matches the module's name or the name of
one of its parent packages (``fnmatch`` rules, so ``pkg`` covers ``pkg.sub``
and ``*.tests`` covers ``a.tests.x``).

``--include-module``, ``--include-package`` and
``--include-plugin-directory`` add modules whether imported or not; the
imports of every compiled module are followed by the same rules.
"""

import ast
import fnmatch
import os
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

from .finder import MISSING, NAMESPACE, ModuleFinder, ModuleInfo, PACKAGE, SOURCE
from .integrations import IntegrationCheck
from .scanner import ImportRequest, dotted_name_strings, package_prefix_strings, resolve_relative, scan_imports


#: Modules of a package's own test suite, never loaded by a name completed at
#: run time (numpy.lib's and scipy.sparse's tests would bring pytest).
_TEST_PARTS = frozenset(("tests", "test", "_tests", "testing", "conftest"))


class ModuleGraphError(Exception):
    """A user error (missing included module, ...): reported, no traceback."""


@dataclass(eq=False)
class ModuleToCompile:
    """A module that gets compiled (its own C file).

    ``name`` is the run time name (``__main__`` for a program's main file);
    ``filename`` the source file (its path is the module's ``__file__``).
    """

    name: str
    filename: str
    is_package: bool = False
    #: Why it is compiled: "main", "followed", "included", "plugin".
    reason: str = "followed"
    #: Names of the modules its imports resolve to (found or not).
    imports: List[str] = field(default_factory=list)
    #: True for the main module(s): errors in them are fatal.
    required: bool = False
    #: Found by scanning a package for ``--include-package`` (not the package
    #: itself): a syntax error in it only drops it with a warning (importing
    #: it raises the SyntaxError at run time, as without compiling).
    scanned: bool = False
    #: Which rule made it part of the program (for ``--report``).
    why: str = ""
    #: The module whose import brought it in first (None for roots).
    importer: Optional[str] = None

    @property
    def package_context(self) -> Optional[str]:
        """``__package__`` for relative imports made by the module."""
        if self.name == "__main__":
            return None
        if self.is_package:
            return self.name
        return self.name.rpartition(".")[0] or None


def pattern_matches(name: str, patterns: List[str]) -> bool:
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        prefix = ".".join(parts[:i])
        for pattern in patterns:
            if prefix == pattern or fnmatch.fnmatchcase(prefix, pattern):
                return True
    return False


@dataclass
class FollowPolicy:
    follow_imports: Optional[bool] = None
    follow_import_to: List[str] = field(default_factory=list)
    nofollow_import_to: List[str] = field(default_factory=list)

    def should_follow(self, info: ModuleInfo) -> bool:
        return self.explain(info)[0]

    def explain(self, info: ModuleInfo):
        """``(follow, reason)``: the decision and the rule that made it."""
        if not info.compilable:
            return False, _describe_uncompilable(info)
        for pattern in self.nofollow_import_to:
            if pattern_matches(info.name, [pattern]):
                return False, "--nofollow-import-to=%s" % pattern
        for pattern in self.follow_import_to:
            if pattern_matches(info.name, [pattern]):
                return True, "--follow-import-to=%s" % pattern
        if self.follow_imports:
            if info.is_stdlib:
                return False, "standard library (not followed by --follow-imports)"
            return True, "--follow-imports"
        if self.follow_imports is False:
            return False, "--nofollow-imports"
        return False, "imports are not followed by default (--follow-imports)"


def _read_tree(filename):
    """The ``ast`` of a file, or None when it does not parse (then it is
    left to the import system, which reports the error at run time)."""
    from nuitka.frontend.source import read_source_bytes

    try:
        data = read_source_bytes(filename)
        return ast.parse(data, filename)
    except (OSError, SyntaxError, ValueError):
        return None


def package_modules(finder: ModuleFinder, info: ModuleInfo) -> List[ModuleInfo]:
    """A package and all its submodules (recursively), sorted by name."""
    result = [info]
    if not info.is_package:
        return result
    names = set()
    for location in info.search_locations:
        try:
            entries = os.listdir(location)
        except OSError:
            continue
        for entry in entries:
            full = os.path.join(location, entry)
            if entry.endswith(".py") and entry != "__init__.py" and os.path.isfile(full):
                stem = entry[:-3]
                if stem.isidentifier():
                    names.add(stem)
            elif entry.isidentifier() and os.path.isdir(full) and entry != "__pycache__":
                names.add(entry)
    for child in sorted(names):
        child_info = finder.find(info.name + "." + child)
        if child_info.kind in (SOURCE, PACKAGE, NAMESPACE):
            result.extend(package_modules(finder, child_info))
    return result


def plugin_directory_modules(directory: str) -> List[ModuleInfo]:
    """Modules of a plugin folder: its ``.py`` files and packages, as
    top-level modules."""
    finder = ModuleFinder([directory])
    result = []
    try:
        entries = sorted(os.listdir(directory))
    except OSError as e:
        raise ModuleGraphError(
            "cannot read plugin directory '%s': %s" % (directory, e.strerror)
        ) from None
    for entry in entries:
        name = entry[:-3] if entry.endswith(".py") else entry
        if not name.isidentifier() or entry == "__pycache__":
            continue
        info = finder.find(name)
        if info.compilable:
            result.extend(m for m in package_modules(finder, info) if m.compilable)
    return result


class ModuleGraph:
    """Collects the modules to compile, starting from the main module(s)."""

    def __init__(self, finder: ModuleFinder, policy: FollowPolicy, log: Callable = None,
                 plugins=None, warn_missing: Callable = None):
        self.finder = finder
        self.policy = policy
        self.log = log or (lambda message: None)
        #: Told (one line) about an unconditional module-level import that
        #: cannot be found: the importer will raise ImportError there.
        self.warn_missing = warn_missing or self.log
        #: names of missing modules told about already.
        self.missing_told = set()
        #: A nuitka.plugins.PluginHost, or None.
        self.plugins = plugins
        self.modules: Dict[str, ModuleToCompile] = {}
        self.mains: List[ModuleToCompile] = []
        self._queue: List[ModuleToCompile] = []
        #: name -> ModuleInfo of imports seen but not compiled (for reports).
        self.not_followed: Dict[str, ModuleInfo] = {}
        #: name -> importers whose import of it a plugin left out.
        self.excluded_imports: Dict[str, List[str]] = {}
        #: name -> ``(why, importer)`` of the imports not compiled (for reports).
        self.not_followed_why: Dict[str, tuple] = {}
        #: Look-ahead for lazily loaded integration modules (plugins ask it).
        self.integrations = IntegrationCheck(finder, self.has_top_level,
                                             lambda: {name.split(".")[0] for name in self.modules})
        if plugins is not None:
            plugins.integrations = self.integrations

    def has_top_level(self, top: str) -> bool:
        """The program has package ``top`` so far (compiled, or carried as
        an extension module)."""
        if top in self.modules:
            return True
        info = self.not_followed.get(top)
        return info is not None and info.kind != MISSING

    # -- adding roots ---------------------------------------------------------

    def add_main(self, filename: str, name: str = "__main__", is_package: bool = False):
        module = ModuleToCompile(name, filename, is_package, "main", required=True, why="main program")
        self.mains.append(module)
        if self.plugins is not None:
            self.plugins.module_encountered(name, filename)
        if name != "__main__":
            self.modules[name] = module
        self._queue.append(module)
        return module

    def _add(self, info: ModuleInfo, reason: str, required=False, why="", importer=None):
        if info.name in self.modules:
            return self.modules[info.name]
        module = ModuleToCompile(
            info.name, info.filename, info.kind == PACKAGE, reason, required=required,
            why=why or reason, importer=importer,
        )
        self.modules[info.name] = module
        self._queue.append(module)
        if self.plugins is not None:
            self.plugins.module_encountered(info.name, info.filename)
        # Its parent packages are imported first at run time.
        parent = info.name.rpartition(".")[0]
        if parent:
            self._consider(parent)
        return module

    def include_module(self, name: str):
        info = self.finder.find(name)
        if not info.compilable:
            if info.kind == NAMESPACE:
                return
            raise ModuleGraphError(
                "--include-module=%s: %s" % (name, _describe_uncompilable(info))
            )
        self._add(info, "included", required=True, why="--include-module=%s" % name)

    def include_package(self, name: str):
        info = self.finder.find(name)
        if not info.compilable and info.kind != NAMESPACE:
            raise ModuleGraphError(
                "--include-package=%s: %s" % (name, _describe_uncompilable(info))
            )
        for sub in package_modules(self.finder, info):
            if not sub.compilable:
                continue
            if sub.name != name and pattern_matches(sub.name, self.policy.nofollow_import_to):
                continue
            new = sub.name not in self.modules
            module = self._add(sub, "included", required=True, why="--include-package=%s" % name)
            if new and sub.name != name:
                module.scanned = True

    def include_plugin_directory(self, directory: str):
        if not os.path.isdir(directory):
            raise ModuleGraphError("--include-plugin-directory=%s: not a folder" % directory)
        for info in plugin_directory_modules(directory):
            if info.name not in self.modules:
                self._add(info, "plugin", required=True,
                          why="--include-plugin-directory=%s" % directory)

    # -- following --------------------------------------------------------------

    def _consider(self, name: str, importer: Optional[str] = None) -> bool:
        """Follow an imported module or not; False when a plugin left this
        import out (then it is no import of ``importer`` at all: neither
        compiled nor carried in a standalone folder for it)."""
        if name in self.modules:
            return True
        if self.plugins is not None:
            decision = self.plugins.decide_follow(name, importer)
            if decision is not None:
                follow, plugin, reason = decision
                if not follow:
                    # For this importer only: keep no global verdict.
                    self.log("not following '%s' from '%s': %s (plugin %s)"
                             % (name, importer, reason, plugin))
                    self.excluded_imports.setdefault(name, []).append(importer)
                    return False
                info = self.finder.find(name)
                if info.compilable:
                    self._add(info, "followed", why="plugin %s: %s" % (plugin, reason),
                              importer=importer)
                    return True
        if name in self.not_followed:
            return True
        info = self.finder.find(name)
        follow = self.policy.should_follow(info)
        explained, why = self.policy.explain(info)
        if explained != follow:  # (a policy that overrides should_follow)
            why = "followed by the policy" if follow else "not followed by the policy"
        if follow:
            self._add(info, "followed", why=why, importer=importer)
        else:
            self.not_followed[name] = info
            self.not_followed_why[name] = (why, importer)
        return True

    def _optional_left_out(self, name: str, importer: str) -> bool:
        """An import that runs only sometimes, left out by a plugin (an
        optional integration, see anti-bloat)."""
        if self.plugins is None or name in self.modules:
            return False
        decision = self.plugins.decide_optional_import(name, importer)
        if decision is None or decision[0]:
            return False
        self.log("not following '%s' from '%s': %s (plugin %s)"
                 % (name, importer, decision[2], decision[1]))
        self.excluded_imports.setdefault(name, []).append(importer)
        return True

    def _import_targets(self, module: ModuleToCompile, request: ImportRequest):
        absolute = resolve_relative(request, module.package_context)
        if absolute is None:
            return []
        parts = absolute.split(".")
        targets = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
        for item in request.fromlist:
            if item != "*":
                candidate = absolute + "." + item
                if self.finder.find(candidate).kind != "missing":
                    targets.append(candidate)
        return targets

    def scan(self, module: ModuleToCompile, tree: Optional[ast.AST] = None):
        """Follow the imports of one module (its tree, or parsed here)."""
        if tree is None:
            tree = _read_tree(module.filename)
            if tree is None:
                return
        # A module's "if __name__ == '__main__':" block runs only for the
        # main program (imported modules, even with their name, never run it).
        for request in scan_imports(tree, skip_main_block=module.reason != "main"):
            for target in self._import_targets(module, request):
                if request.on_demand:
                    self.integrations.note_on_demand(target, module.name)
                if request.optional and self._optional_left_out(target, module.name):
                    break
                if not self._consider(target, module.name):
                    continue
                if target not in module.imports:
                    module.imports.append(target)
                if self.finder.find(target).kind == MISSING:
                    self._tell_missing(target, module, request)
                    break
        if module.name != "__main__" and "." in module.name or module.is_package:
            # Modules of its own package named in strings (imported by name),
            # also as the module part of "pkg.mod.attribute", and all modules
            # of a package named as a prefix ("pkg.sub.").
            # (Loaded when needed: optional, as imports in functions.)
            top = module.name.split(".")[0]
            names = dotted_name_strings(tree, top)
            for prefix in package_prefix_strings(tree, top):
                # "pkg.sub." + name: any module of that package may be asked
                # for; f"pkg.sub._{name}": those whose names start so.
                package, _, stem = prefix.rpartition(".")
                if self.finder.find(package).is_package:
                    names.extend(name for name in self._expand_implicit(package + ".*")
                                 if name not in names and name[len(package) + 1:].startswith(stem)
                                 and not _TEST_PARTS.intersection(name.split(".")))
            for name in names:
                info = self.finder.find(name)
                if not info.compilable and name.count(".") >= 2:
                    # "pkg.mod.function": a callable named by its module
                    # (boto3's lazy_call("boto3.s3.inject.inject_...")).
                    name = name.rpartition(".")[0]
                    info = self.finder.find(name)
                if info.compilable:
                    self.integrations.note_on_demand(name, module.name)
                if info.compilable and not self._optional_left_out(name, module.name) \
                        and self._consider(name, module.name) and name not in module.imports:
                    module.imports.append(name)
        if self.plugins is not None:
            for name in self.plugins.implicit_imports(module.name, module.filename):
                for target in self._expand_implicit(name):
                    parts = target.split(".")
                    if all(self._consider(".".join(parts[:i]), module.name)
                           for i in range(1, len(parts) + 1)) and target not in module.imports:
                        module.imports.append(target)

    def _tell_missing(self, name: str, module: ModuleToCompile, request):
        if name in self.missing_told:
            return
        importer = module.name if module.name != "__main__" else os.path.basename(module.filename)
        where = "'%s' line %d" % (importer, request.line)
        if request.optional:
            self.log("module '%s' imported by %s (conditionally) not found" % (name, where))
        else:
            self.missing_told.add(name)
            self.warn_missing(
                "module '%s' imported by %s cannot be found; that import will raise "
                "ImportError at run time" % (name, where))

    def _expand_implicit(self, name: str) -> List[str]:
        """``pkg.*`` -> every submodule of ``pkg``; other names unchanged."""
        if not name.endswith(".*"):
            return [name]
        info = self.finder.find(name[:-2])
        return [sub.name for sub in package_modules(self.finder, info) if sub.name != info.name]

    def next_module(self) -> Optional[ModuleToCompile]:
        """The next module to compile (the caller scans it), or None."""
        if self._queue:
            return self._queue.pop(0)
        return None

    def pending(self) -> int:
        """How many modules are queued (for progress displays)."""
        return len(self._queue)

    def drop(self, module: ModuleToCompile):
        """Forget a module that could not be compiled (left to run time)."""
        self.modules.pop(module.name, None)

    def compiled_modules(self) -> List[ModuleToCompile]:
        """All non-main modules, sorted by name (deterministic output)."""
        return [self.modules[name] for name in sorted(self.modules)]


def _describe_uncompilable(info: ModuleInfo) -> str:
    if info.kind == "missing":
        return "no such module found"
    if info.kind == "extension":
        return "it is an extension module (cannot be compiled)"
    return "it has no Python source that can be compiled"
