"""The order in which CPython's symbol table builder creates child scopes.

``symtable.SymbolTable.get_children()`` lists the child blocks of a scope in
the order ``Python/symtable.c`` entered them.  That is not source order:
defaults, decorators, annotations, the first iterable of a comprehension,
class bases and keywords are visited in the enclosing scope, before or after
the scope they belong to, and dict displays visit all keys before the values.
This module walks the ``ast`` in exactly that order, per Python version, so
that the children of every scope pair one to one with its symbol tables
(``scope_pairing.py`` checks every pair).

A scope is identified by a *key* ``(node, role)``:

``main``        the scope a module, def, lambda, class or comprehension is;
``generic``     (3.12+) the type parameter block of a generic def, class or
                ``type`` alias;
``bound``       (3.12+) the lazily evaluated bound/constraints of a TypeVar;
``default``     (3.13+) the lazily evaluated default of a type parameter;
``value``       (3.12+) the lazily evaluated value of a ``type`` alias.

With ``from __future__ import annotations`` the symbol table does not look
into annotations at all (they become strings), so neither does this walk.
"""

import ast
import sys

PY311 = sys.version_info >= (3, 11)
PY312 = sys.version_info >= (3, 12)
PY313 = sys.version_info >= (3, 13)

MAIN = "main"
GENERIC = "generic"
BOUND = "bound"
DEFAULT = "default"
VALUE = "value"

COMPREHENSION_NAMES = {
    ast.GeneratorExp: "genexpr",
    ast.ListComp: "listcomp",
    ast.SetComp: "setcomp",
    ast.DictComp: "dictcomp",
}

FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
SCOPE_NODES = FUNCTION_NODES + (ast.ClassDef, ast.Lambda) + tuple(COMPREHENSION_NAMES)


def type_params_of(node):
    return getattr(node, "type_params", None) or ()


def symtable_name(key):
    """The name ``symtable`` gives the block of ``key``."""
    node, role = key
    if role in (BOUND, DEFAULT):
        return node.name
    if isinstance(node, ast.Lambda):
        return "lambda"
    if type(node) in COMPREHENSION_NAMES:
        return COMPREHENSION_NAMES[type(node)]
    if isinstance(node, ast.Module):
        return "top"
    if PY312 and isinstance(node, ast.TypeAlias):
        return node.name.id
    return node.name


def symtable_line(key):
    node, role = key
    if isinstance(node, ast.Module):
        return 0
    return node.lineno


class SymtableOrder:
    """``children(key)``: the keys of the blocks the symbol table builder
    creates directly inside the block of ``key``, in its order."""

    def __init__(self, future_annotations):
        self.future_annotations = future_annotations
        self._out = None
        self._sees_class = False
        #: (3.12+) The comprehensions inlined into their enclosing block.
        self.inlined = set()

    def children(self, key, sees_class=False):
        """``sees_class``: ``key`` is an annotation scope that sees the
        class namespace (3.12+), where comprehensions are not inlined."""
        node, role = key
        self._out = out = []
        self._sees_class = sees_class
        if role == MAIN:
            if isinstance(node, ast.Module):
                self.stmts(node.body)
            elif isinstance(node, FUNCTION_NODES):
                # (The arguments hold no expressions of this block.)
                self.stmts(node.body)
            elif isinstance(node, ast.ClassDef):
                self.stmts(node.body)
            elif isinstance(node, ast.Lambda):
                self.expr(node.body)
            else:
                self._comprehension_body(node)
        elif role == GENERIC:
            self.type_params(type_params_of(node))
            if isinstance(node, FUNCTION_NODES):
                self.function_annotations(node)
                self.add(node, MAIN)
            elif isinstance(node, ast.ClassDef):
                self.exprs(node.bases)
                self.keywords(node.keywords)
                self.add(node, MAIN)
            else:
                self.add(node, VALUE)
        elif role == BOUND:
            self.expr(node.bound)
        elif role == DEFAULT:
            self.expr(node.default_value)
        elif role == VALUE:
            self.expr(node.value)
        else:
            raise AssertionError(role)
        self._out = None
        return out

    def add(self, node, role):
        self._out.append((node, role))

    # -- statements ---------------------------------------------------------

    def stmts(self, statements):
        for statement in statements:
            self.stmt(statement)

    def stmt(self, s):
        method = getattr(self, "stmt_" + type(s).__name__, None)
        if method is not None:
            method(s)
        else:
            self.generic(s)

    def generic(self, node):
        """Fields in declaration order (what symtable.c does for most)."""
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.any(item)
            elif isinstance(value, ast.AST):
                self.any(value)

    def any(self, node):
        if isinstance(node, ast.stmt):
            self.stmt(node)
        elif isinstance(node, ast.expr):
            self.expr(node)
        else:
            method = getattr(self, "node_" + type(node).__name__, None)
            if method is not None:
                method(node)
            else:
                self.generic(node)

    def stmt_FunctionDef(self, s):
        args = s.args
        self.exprs(args.defaults)
        self.exprs([d for d in args.kw_defaults if d is not None])
        if PY312:
            self.exprs(s.decorator_list)
            if type_params_of(s):
                self.add(s, GENERIC)
                return
            self.function_annotations(s)
        else:
            self.function_annotations(s)
            self.exprs(s.decorator_list)
        self.add(s, MAIN)

    stmt_AsyncFunctionDef = stmt_FunctionDef

    def stmt_ClassDef(self, s):
        if PY312:
            self.exprs(s.decorator_list)
            if type_params_of(s):
                self.add(s, GENERIC)
                return
            self.exprs(s.bases)
            self.keywords(s.keywords)
        else:
            self.exprs(s.bases)
            self.keywords(s.keywords)
            self.exprs(s.decorator_list)
        self.add(s, MAIN)

    def stmt_TypeAlias(self, s):
        if type_params_of(s):
            self.add(s, GENERIC)
        else:
            self.add(s, VALUE)

    def stmt_Assign(self, s):
        self.exprs(s.targets)
        self.expr(s.value)

    def stmt_AnnAssign(self, s):
        if not isinstance(s.target, ast.Name):
            self.expr(s.target)
        self.annotation(s.annotation)
        if s.value is not None:
            self.expr(s.value)

    def stmt_Try(self, s):
        self.stmts(s.body)
        if PY313:
            for handler in s.handlers:
                self.any(handler)
            self.stmts(s.orelse)
        else:
            self.stmts(s.orelse)
            for handler in s.handlers:
                self.any(handler)
        self.stmts(s.finalbody)

    stmt_TryStar = stmt_Try

    # -- annotations --------------------------------------------------------

    def annotation(self, expr):
        if not self.future_annotations:
            self.expr(expr)

    def function_annotations(self, s):
        if self.future_annotations:
            return
        self._argument_annotations(s.args)
        if s.returns is not None:
            self.expr(s.returns)

    def _argument_annotations(self, args):
        for arg in args.posonlyargs + args.args:
            if arg.annotation is not None:
                self.expr(arg.annotation)
        if args.vararg is not None and args.vararg.annotation is not None:
            self.expr(args.vararg.annotation)
        if args.kwarg is not None and args.kwarg.annotation is not None:
            self.expr(args.kwarg.annotation)
        for arg in args.kwonlyargs:
            if arg.annotation is not None:
                self.expr(arg.annotation)

    def type_params(self, params):
        for param in params:
            if getattr(param, "bound", None) is not None:
                self.add(param, BOUND)
            if getattr(param, "default_value", None) is not None:
                self.add(param, DEFAULT)

    # -- expressions --------------------------------------------------------

    def exprs(self, expressions):
        for e in expressions:
            if e is not None:
                self.expr(e)

    def keywords(self, keywords):
        for keyword in keywords:
            self.expr(keyword.value)

    def expr(self, e):
        method = getattr(self, "expr_" + type(e).__name__, None)
        if method is not None:
            method(e)
        else:
            self.generic(e)

    def expr_Lambda(self, e):
        self.exprs(e.args.defaults)
        self.exprs([d for d in e.args.kw_defaults if d is not None])
        self.add(e, MAIN)

    def expr_NamedExpr(self, e):
        self.expr(e.value)
        self.expr(e.target)

    def expr_Dict(self, e):
        # All keys first, then all values (``**`` items have no key).
        self.exprs([k for k in e.keys if k is not None])
        self.exprs(e.values)

    def _comprehension(self, e):
        self.expr(e.generators[0].iter)
        if PY312 and not isinstance(e, ast.GeneratorExp) and not self._sees_class:
            # PEP 709: the block of an inlined comprehension is replaced by
            # its children in the enclosing block's list.
            self.inlined.add(e)
            self._comprehension_body(e)
        else:
            self.add(e, MAIN)

    expr_GeneratorExp = expr_ListComp = expr_SetComp = expr_DictComp = _comprehension

    def _comprehension_body(self, e):
        first = e.generators[0]
        self.expr(first.target)
        self.exprs(first.ifs)
        for comp in e.generators[1:]:
            self.expr(comp.target)
            self.expr(comp.iter)
            self.exprs(comp.ifs)
        if isinstance(e, ast.DictComp):
            self.expr(e.value)
            self.expr(e.key)
        else:
            self.expr(e.elt)
