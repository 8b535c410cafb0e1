"""Direct calls: calls that are expected to reach a function of this module.

Two shapes are recognised, without keyword or star arguments:

* ``f(a, b)`` where ``f`` is a module global whose only assignment in the
  module is one undecorated ``def f`` at module level (no ``from ... import
  *`` in the module);
* ``obj.m(a)`` where the module's class bodies define exactly one
  undecorated ``def m`` and bind ``m`` no other way.

and only when the function can be entered straight (see
``nuitka.codegen.direct_calls.has_fast_entry``: positional-or-keyword
parameters only, not a generator) with exactly its parameter count. The
call becomes ``ExprCallDirect`` / ``ExprCallMethodDirect`` with the
function's scope as ``target``. Nothing is assumed: code generation checks
at run time that the value called is a compiled function of that very
``def`` whose ``__code__`` is its own (a global rebound through
``globals()`` or ``setattr(module, ...)``, a method found elsewhere, a
replaced ``__code__`` take the generic call), and ``__defaults__`` and
``__kwdefaults__`` do not matter to a call that passes every parameter.
"""

from nuitka.nodes import expressions as E
from nuitka.nodes import scopes as S

PASS_NAME = "direct-calls"


def _module_of(scope):
    while scope.parent is not None:
        scope = scope.parent
    return scope


def _body_nodes(scope):
    """Every node of the scope's own code (nested scopes are not children)."""
    for statement in scope.body:
        yield from statement.walk()


def _plain(scope):
    from nuitka.codegen.direct_calls import has_fast_entry

    return has_fast_entry(scope)


class _ModuleIndex:
    """The module's single-definition functions and methods by name."""

    def __init__(self, module):
        self.functions = {}
        self.methods = {}
        global_stores = {}
        class_stores = {}
        class_defs = {}
        star_import = False
        for scope in module.all_scopes:
            for node in _body_nodes(scope):
                if node.kind == "StmtImportStar":
                    star_import = True
                variable = getattr(node, "variable", None)
                if variable is None or node.kind == "ExprVariableRef":
                    continue
                if variable.kind in (S.GLOBAL, S.NAME) and scope.scope_kind != "class":
                    global_stores.setdefault(variable.name, []).append((scope, node))
                elif scope.scope_kind == "class":
                    class_stores[variable.name] = class_stores.get(variable.name, 0) + 1
                    if node.kind == "StmtAssignVariable" and node.value.kind == "ExprMakeFunction":
                        class_defs.setdefault(variable.name, []).append(node.value.scope)
        if star_import:
            return
        for name, stores in global_stores.items():
            if len(stores) != 1:
                continue
            scope, node = stores[0]
            if (
                scope is module
                and node.kind == "StmtAssignVariable"
                and node.value.kind == "ExprMakeFunction"
                and _plain(node.value.scope)
            ):
                self.functions[name] = node.value.scope
        for name, defs in class_defs.items():
            if len(defs) == 1 and class_stores[name] == 1 and _plain(defs[0]):
                self.methods[name] = defs[0]


def _index(scope):
    module = _module_of(scope)
    index = getattr(module, "_direct_call_index", None)
    if index is None:
        index = module._direct_call_index = _ModuleIndex(module)
    return index


def mark_direct_calls(scope, explainer):
    index = _index(scope)
    if not index.functions and not index.methods:
        return
    for node in _body_nodes(scope):
        if node.kind != "ExprCall" or node.kw_names or any(node.star_flags):
            continue
        func = node.func
        if func.kind == "ExprVariableRef" and func.variable.kind == S.GLOBAL:
            target = index.functions.get(func.variable.name)
            if target is not None and target.code.co_argcount == len(node.args):
                node.__class__ = E.ExprCallDirect
                node.target = target
                explainer.note(
                    PASS_NAME,
                    node,
                    "call of global '%s' enters the function defined on line %d directly while the global "
                    "holds it (checked at run time)" % (func.variable.name, target.source_ref.line),
                )
        elif func.kind == "ExprAttribute":
            target = index.methods.get(func.name)
            if target is not None and target.code.co_argcount == len(node.args) + 1:
                node.__class__ = E.ExprCallMethodDirect
                node.target = target
                explainer.note(
                    PASS_NAME,
                    node,
                    "method call '.%s()' enters '%s' (line %d) directly when the method found is that "
                    "function (checked at run time)" % (func.name, target.qualname, target.source_ref.line),
                )
