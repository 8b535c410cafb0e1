"""Static discovery of the imports a module does.

Looks at every ``import`` / ``from ... import`` statement anywhere in the
tree (functions, ``try`` blocks, conditionals: whatever may run), plus calls
``importlib.import_module("literal"[, "package"])`` and
``__import__("literal")`` with constant arguments.
"""

import ast
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple


@dataclass(frozen=True)
class ImportRequest:
    """One import: ``name`` relative to ``level`` (0: absolute) with the
    names of a ``from`` import (``"*"`` for a star import)."""

    name: str
    level: int = 0
    fromlist: Tuple[str, ...] = ()
    line: int = 0
    #: Runs only when a function is called or a condition holds (``if``:
    #: platforms, ``TYPE_CHECKING``), or a ``try`` around it catches
    #: ImportError (``ModuleNotFoundError``, ``Exception``, bare ``except``):
    #: the module may well import without it.
    optional: bool = False
    #: Runs only when a function is called or a condition holds (loaded
    #: on demand; not an import only guarded by a ``try``, which runs
    #: whenever the module is imported).
    on_demand: bool = False


def _const_str(node) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_import_module_call(func) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr == "import_module"
    if isinstance(func, ast.Name):
        return func.id == "import_module"
    return False


def is_main_block(node: ast.AST) -> bool:
    """``if __name__ == "__main__":`` (either order of the comparison)."""
    if not isinstance(node, ast.If) or node.orelse:
        return False
    test = node.test
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(consts) == 1


#: Public names of command line functions (``python -m module``): pruned
#: like private ones when ``cli_functions`` is given and only the main
#: block uses them (the standard library's ``gzip.main``, ``tokenize.main``).
CLI_FUNCTION_NAMES = ("main", "test", "_main", "_test")


def _reachable_when_imported(body, cli_functions=False):
    """The module-level statements that can run when the module is imported:
    without the ``if __name__ == "__main__":`` blocks, and without private
    module-level functions (``_main``, ``_test``) that nothing but those
    blocks (or nothing at all) refers to: a module's command line and self
    test, which only ``python -m module`` runs."""
    kept = [node for node in body if not is_main_block(node)]
    functions = {
        node.name: node for node in kept
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and ((node.name.startswith("_") and not node.name.startswith("__"))
             or (cli_functions and node.name in CLI_FUNCTION_NAMES))
    }
    if not functions:
        return kept
    def names_used(nodes):
        used = set()
        for node in nodes:
            own = node.name if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
            for sub in ast.walk(node):
                if isinstance(sub, ast.Name) and sub.id != own:
                    used.add(sub.id)
                elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    used.add(sub.value)  # __all__ entries, getattr(module, "_main")
                elif isinstance(sub, ast.Attribute):
                    used.add(sub.attr)
        return used

    # To a fixpoint: _test() is unused, so what only _test() uses is too.
    while True:
        used = names_used(kept)
        unused = {name for name in functions if name not in used}
        if not unused:
            return kept
        kept = [node for node in kept if not (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in unused
        )]
        for name in unused:
            del functions[name]


_TRY_NODES = (ast.Try, getattr(ast, "TryStar", ast.Try))
_CATCHING_IMPORT_ERROR = ("ImportError", "ModuleNotFoundError", "Exception", "BaseException")


def _handler_catches_import_error(handler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    for name in names:
        text = name.id if isinstance(name, ast.Name) else getattr(name, "attr", None)
        if text in _CATCHING_IMPORT_ERROR:
            return True
    return False


def _optional_nodes(tree: ast.AST) -> set:
    """ids of the nodes that run only in functions, under an ``if``, or
    below a ``try`` whose handlers catch ImportError (see
    ``ImportRequest.optional``)."""
    optional = set()

    def visit(node, is_optional):
        if is_optional:
            optional.add(id(node))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for child in ast.iter_child_nodes(node):
                visit(child, True)
            return
        if isinstance(node, ast.If):
            visit(node.test, is_optional)
            for child in node.body + node.orelse:
                visit(child, True)
            return
        if isinstance(node, _TRY_NODES):
            guarded = is_optional or any(_handler_catches_import_error(h) for h in node.handlers)
            for child in node.body:
                visit(child, guarded)
            for child in node.handlers + node.orelse + node.finalbody:
                visit(child, is_optional)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, is_optional)

    visit(tree, False)
    return optional


def _on_demand_nodes(tree: ast.AST) -> set:
    """ids of the nodes inside functions and lambdas or under an ``if``
    (not those only guarded by a ``try``)."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for sub in ast.walk(node):
                if sub is not node:
                    inside.add(id(sub))
        elif isinstance(node, ast.If):
            for child in node.body + node.orelse:
                for sub in ast.walk(child):
                    inside.add(id(sub))
    return inside


def scan_imports(tree: ast.AST, skip_main_block: bool = False,
                 cli_functions: bool = False) -> List[ImportRequest]:
    """The imports of a parsed module, in source order.

    ``skip_main_block``: leave out the imports of a module-level
    ``if __name__ == "__main__":`` block, which never runs when the module is
    imported (only when run as a script, which a compiled program never does
    for its imported modules), and of the private functions only that block
    calls (see :func:`_reachable_when_imported`); with ``cli_functions``
    also public ``main()``/``test()`` functions only that block calls (used
    for the standard library carried by standalone programs)."""
    found = []
    if skip_main_block and isinstance(tree, ast.Module):
        tree = ast.Module(body=_reachable_when_imported(tree.body, cli_functions), type_ignores=[])
    optional = _optional_nodes(tree)
    lazy = _on_demand_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(ImportRequest(alias.name, 0, (), node.lineno, id(node) in optional,
                                           id(node) in lazy))
        elif isinstance(node, ast.ImportFrom):
            found.append(
                ImportRequest(
                    node.module or "",
                    node.level,
                    tuple(alias.name for alias in node.names),
                    node.lineno,
                    id(node) in optional,
                    id(node) in lazy,
                )
            )
        elif isinstance(node, ast.Call) and node.args:
            name = _const_str(node.args[0])
            if name is None:
                continue
            if isinstance(node.func, ast.Name) and node.func.id == "__import__":
                found.append(ImportRequest(name, 0, (), node.lineno, id(node) in optional, id(node) in lazy))
            elif _is_import_module_call(node.func):
                level = len(name) - len(name.lstrip("."))
                package = None
                if len(node.args) > 1:
                    package = _const_str(node.args[1])
                else:
                    for keyword in node.keywords:
                        if keyword.arg == "package":
                            package = _const_str(keyword.value)
                if level and package is None:
                    continue
                if level:
                    # Relative to an explicit package: make it absolute.
                    parts = package.split(".")
                    if level - 1 >= len(parts) + 1:
                        continue
                    base = ".".join(parts[: len(parts) - (level - 1)])
                    rest = name[level:]
                    name = base + ("." + rest if rest else "")
                if name:
                    found.append(ImportRequest(name, 0, (), node.lineno, id(node) in optional, id(node) in lazy))
    found.sort(key=lambda request: request.line)
    return found


def resolve_relative(request: ImportRequest, package: Optional[str]) -> Optional[str]:
    """Absolute module name of ``request`` made in a module whose
    ``__package__`` is ``package``; ``None`` if it cannot be resolved (the
    import fails at run time, as in CPython)."""
    if request.level == 0:
        return request.name or None
    if not package:
        return None
    parts = package.split(".")
    if request.level - 1 >= len(parts):
        return None
    base = ".".join(parts[: len(parts) - (request.level - 1)])
    return base + ("." + request.name if request.name else "")


_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\Z")
_PACKAGE_PREFIX = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.\Z")


def dotted_name_strings(tree: ast.AST, top: str) -> List[str]:
    """String constants that are dotted names below package ``top``
    (``"sqlalchemy.orm.mapper"``): packages import modules by such names
    (registries of modules loaded later, ``preload_module("...")``,
    ``__import__(name)`` of a table entry).  The caller keeps those that
    are modules."""
    prefix = top + "."
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(prefix) \
                and len(node.value) < 200 and _DOTTED_NAME.match(node.value) and node.value not in found:
            found.append(node.value)
    return found


_PARTIAL_PREFIX = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.[A-Za-z_]\w*\Z")
_PLACEHOLDER = re.compile(r"%[sr]|\{[A-Za-z_0-9]*(?:![rs])?\}")


def _built_string_starts(tree: ast.AST):
    """The constant starts of strings completed at run time: the first part
    of an f-string (``f"anyio._backends._{name}"``), the left side of ``+``,
    and what comes before the first placeholder of a ``%`` or ``.format``
    template."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and len(node.values) > 1 and isinstance(node.values[0], ast.Constant) \
                and isinstance(node.values[0].value, str):
            yield node.values[0].value
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) \
                and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            yield node.left.value
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 200:
            match = _PLACEHOLDER.search(node.value)
            if match is not None and match.end() == len(node.value):
                yield node.value[:match.start()]


def package_prefix_strings(tree: ast.AST, top: str) -> List[str]:
    """Starts of module names below ``top`` completed at run time: a string
    constant that ends in a dot (``"docutils.writers."``, used as
    ``import_module("docutils.writers." + name)`` or in a tuple of such
    prefixes tried in turn), or the constant start of a name built at run
    time, which may end in part of a module name
    (``f"anyio._backends._{name}"``).  The package (the part before the last
    dot) must be below ``top``: ``top`` itself is too broad.  The caller
    takes the modules of that package whose names start with the rest."""
    found = []

    def note(text):
        if len(text) < 200 and text.startswith(top + ".") and text.count(".") >= 2 and text not in found:
            found.append(text)

    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _PACKAGE_PREFIX.match(node.value):
            note(node.value)
    for start in _built_string_starts(tree):
        if _PACKAGE_PREFIX.match(start) or _PARTIAL_PREFIX.match(start):
            note(start)
    return found
