"""Building the core node tree from the Python ``ast``.

Surface constructs are reformulated here into the small core language of
``nuitka.nodes``: ``for``/``while`` with ``else`` become loops with
temporaries, ``with`` becomes try/except/finally around ``__enter__`` and
``__exit__``, comparison chains use temporaries, augmented assignment reads
its target once, comprehensions become functions (before 3.12), decorators
become calls, and so on. Each reformulation keeps CPython's evaluation order.
"""

import ast
import sys

from nuitka.nodes import expressions as E
from nuitka.nodes import scopes as S
from nuitka.nodes import statements as St
from nuitka.nodes.base import SourceRef
from nuitka.nodes.constants import OrderedFrozenset

from . import scoping
from .displays import build_dict, build_list, build_set, build_tuple, elements
from .folding import fold_module

CO_FUTURE_ANNOTATIONS = 0x1000000

BINARY_OPS = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.MatMult: "@",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
}
UNARY_OPS = {ast.UAdd: "+", ast.USub: "-", ast.Invert: "~"}
COMPARE_OPS = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}


class UnsupportedConstruct(Exception):
    """A construct the compiler cannot translate yet (reported, not a crash)."""

    def __init__(self, filename, node, what):
        super().__init__(
            '%s:%d: %s is not supported by this compiler yet'
            % (filename, getattr(node, "lineno", 0), what)
        )


def sref(node):
    return SourceRef.from_ast(node)


# compile.c's STACK_USE_GUIDELINE: calls with more arguments are not
# compiled in the method-call form.
_METHOD_CALL_ARGS_LIMIT = 30


def attr_sref(attribute, node=None):
    """The location CPython gives an attribute access (load, store, delete,
    method load) or a method call (``node``, the Call): when the attribute
    name is on a later line than the start, the start moves to the name
    (compile.c's update_start_location_to_match_attr; 3.10 uses the name's
    line), so ``(obj\n .name)`` reports the ``.name`` line."""
    ref = sref(node if node is not None else attribute)
    line = attribute.end_lineno
    if ref.line == line:
        return ref
    length = len(attribute.attr)  # characters, against a byte offset, as CPython
    end_line, end_col = max(line, ref.end_line), ref.end_col
    if length <= attribute.end_col_offset:
        col = attribute.end_col_offset - length
    else:
        col = end_col = -1
    if line == end_line:
        end_col = max(col, end_col)
    return SourceRef(line, col, end_line, end_col)


class TreeBuilder:
    """Builds one module's node tree."""

    def __init__(self, filename, source_text, code, module_name, optimize=0, strip_docstrings=False,
                 no_annotations=False):
        self.filename = filename
        #: ``compile()``'s level the code objects were made with: 1 or more
        #: drops assert statements and makes ``__debug__`` False (``-O``).
        self.optimize = optimize
        #: Docstrings of the module, classes and functions become None (``-OO``).
        self.strip_docstrings = strip_docstrings
        #: Annotations are neither evaluated nor stored (``no_annotations``).
        self.no_annotations = no_annotations
        self.source_text = source_text
        self.module_name = module_name
        self.scope = None
        self.info = None
        self.all_scopes = []
        self.module_code = code
        # Variables of the inlined comprehensions being built (3.12+).
        self.inlined_overlays = []

    # -- scopes -------------------------------------------------------------

    def build_module(self, tree):
        info = scoping.module_scope_info(self.source_text, self.filename, self.module_code, tree, self.optimize)
        module = S.ScopeBody(
            sref(tree.body[0]) if tree.body else SourceRef(1),
            scope_kind="module",
            name="<module>",
            qualname="<module>",
            body=[],
        )
        module.code = self.module_code
        module.doc = None if self.strip_docstrings else ast.get_docstring(tree, clean=False)
        module.localsplus_names = []
        module.localsplus_kinds = []
        self.all_scopes.append(module)
        self.scope, self.info = module, info
        body = []
        if module.doc is not None:
            body.append(
                St.StmtAssignVariable(
                    sref(tree.body[0]),
                    variable=self.variable("__doc__"),
                    value=E.ExprConstant(sref(tree.body[0]), value=module.doc),
                )
            )
        if self._has_annotations(tree.body):
            body.append(self._setup_annotations(tree))
        body.extend(self.statements(tree.body))
        module.body = body
        return module

    def _has_annotations(self, statements):
        """Whether a module/class body has simple annotated names (needs
        ``__annotations__``), searching nested blocks like CPython."""
        if self.no_annotations:
            return False
        for node in statements:
            if isinstance(node, ast.AnnAssign):
                return True
            if isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
            ):
                continue
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                sub = getattr(node, field, None)
                if sub:
                    inner = []
                    for item in sub:
                        if isinstance(item, (ast.ExceptHandler,)) or type(item).__name__ == "match_case":
                            inner.extend(item.body)
                        else:
                            inner.append(item)
                    if self._has_annotations(inner):
                        return True
        return False

    def _setup_annotations(self, node):
        """``__annotations__ = {}`` at the start of a module or class body
        that has annotated names (CPython's SETUP_ANNOTATIONS)."""
        ref = SourceRef(node.body[0].lineno if getattr(node, "body", None) else 1)
        return St.StmtAssignVariable(
            ref,
            variable=self.variable("__annotations__"),
            value=E.ExprMakeDict(ref, keys=[], values=[]),
        )

    def new_scope(self, node, scope_kind, name, info=None):
        if info is None:
            info = self.info.child(node)
        parent = self.scope
        if parent.scope_kind == "class" or parent.qualname.rpartition(".")[2] in (
            "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"
        ):
            # (CPython adds "<locals>" only below functions and lambdas, not
            # below comprehension scopes: "f.<locals>.<listcomp>.<lambda>".)
            qualname = parent.qualname + "." + name
        elif parent.scope_kind == "module":
            qualname = name
        else:
            qualname = parent.qualname + ".<locals>." + name
        if (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and parent.scope_kind != "module"
            and self.info.table is not None
        ):
            # (3.10, no co_qualname) A def/class whose name the enclosing
            # scope declares global is named like a module-level one, as in
            # compiler_set_qualname.
            try:
                if self.info.table.lookup(self.mangle(name)).is_declared_global():
                    qualname = name
            except KeyError:
                pass
        if info.code is not None:
            qualname = getattr(info.code, "co_qualname", qualname)
        scope = S.ScopeBody(sref(node), scope_kind=scope_kind, name=name, qualname=qualname, body=[])
        scope.code = info.code
        scope.parent = parent
        parent.children_scopes.append(scope)
        self.all_scopes.append(scope)
        scoping.setup_function_variables(scope, info)
        if info.code is not None:
            flags = info.code.co_flags
            scope.is_generator = bool(flags & 0x20)
            scope.is_coroutine = bool(flags & 0x80)
            scope.is_asyncgen = bool(flags & 0x200)
            for name in info.code.co_freevars if self.inlined_overlays else ():
                for overlay in reversed(self.inlined_overlays):
                    var = overlay.get(name)
                    if var is not None:
                        scope.closure_slots[name] = var.slot
                        break
        return scope, info

    def enter(self, scope, info):
        saved = self.scope, self.info, self.inlined_overlays
        self.scope, self.info = scope, info
        self.inlined_overlays = []
        return saved

    def leave(self, saved):
        self.scope, self.info, self.inlined_overlays = saved

    def variable(self, name):
        if self.inlined_overlays:
            var = scoping.resolve_inlined_name(self, self.mangle(name))
            if var is not None:
                return var
        scope = self.scope
        if scope.scope_kind == "module":
            var = scope.variables.get(name)
            if var is None:
                var = scope.variables[name] = S.Variable(name, S.GLOBAL, owner=scope)
            return var
        if scope.scope_kind == "class":
            return scoping.resolve_class_name(scope, self.info, self.mangle(name))
        return scoping.resolve_function_name(scope, self.mangle(name))

    def mangle(self, name):
        """Private name mangling inside classes (``__x`` -> ``_C__x``)."""
        if not name.startswith("__") or name.endswith("__") or "." in name:
            return name
        scope = self.scope
        while scope is not None:
            # (A generic class's type parameter scope mangles with the
            # class's name, see type_params.py.)
            private = getattr(scope, "private_name", None)
            if scope.scope_kind == "class" or private is not None:
                class_name = (private or scope.name).lstrip("_")
                if not class_name:
                    return name
                return "_%s%s" % (class_name, name)
            scope = scope.parent
        return name

    def temp(self, name):
        return self.scope.new_temp(name)

    def unsupported(self, node, what):
        raise UnsupportedConstruct(self.filename, node, what)

    # -- statements ---------------------------------------------------------

    def statements(self, nodes):
        result = []
        for node in nodes:
            method = getattr(self, "stmt_" + type(node).__name__, None)
            if method is None:
                self.unsupported(node, "statement '%s'" % type(node).__name__)
            try:
                produced = method(node)
            except scoping.DeadScope as dead:
                if dead.node is not node:
                    raise
                # A def/class CPython compiled away as unreachable.
                produced = St.StmtPass(sref(node))
            except UnsupportedConstruct:
                raise
            except Exception as e:
                # Where a compiler bug struck (innermost statement first).
                if getattr(e, "nuitka_line", None) is None:
                    e.nuitka_line = getattr(e, "lineno", None) or node.lineno
                raise
            if isinstance(produced, list):
                result.extend(produced)
            elif produced is not None:
                result.append(produced)
        return result

    def stmt_Expr(self, node):
        return St.StmtExpression(sref(node), expression=self.expr(node.value))

    def stmt_Pass(self, node):
        return St.StmtPass(sref(node))

    def stmt_Assign(self, node):
        value = self.expr(node.value)
        if len(node.targets) == 1:
            return self.assign_target(node.targets[0], value)
        tmp = self.temp("assign_source")
        body = [St.StmtAssignTemp(sref(node), temp=tmp, value=value)]
        for target in node.targets:
            body.extend(
                self.assign_target(target, E.ExprTempRef(sref(target), temp=tmp))
            )
        return St.StmtTempBlock(sref(node), body=body, temps=[tmp])

    def assign_target(self, target, value):
        ref = sref(target)
        if isinstance(target, ast.Name):
            return [St.StmtAssignVariable(ref, variable=self.variable(target.id), value=value)]
        if isinstance(target, ast.Attribute):
            return [
                St.StmtAssignAttribute(
                    attr_sref(target), source=self.expr(target.value), name=self.mangle(target.attr), value=value
                )
            ]
        if isinstance(target, ast.Subscript):
            return [
                St.StmtAssignSubscript(
                    ref,
                    source=self.expr(target.value),
                    index=self.expr(target.slice),
                    value=value,
                )
            ]
        if isinstance(target, (ast.Tuple, ast.List)):
            star_index = None
            for i, element in enumerate(target.elts):
                if isinstance(element, ast.Starred):
                    star_index = i
            tmp = self.temp("unpacked")
            body = [
                St.StmtAssignTemp(
                    ref,
                    temp=tmp,
                    value=E.ExprUnpack(
                        ref, value=value, count=len(target.elts), star_index=star_index
                    ),
                )
            ]
            for i, element in enumerate(target.elts):
                if isinstance(element, ast.Starred):
                    element = element.value
                body.extend(
                    self.assign_target(
                        element,
                        E.ExprTupleItem(
                            sref(element), source=E.ExprTempRef(ref, temp=tmp), index=i
                        ),
                    )
                )
            return [St.StmtTempBlock(ref, body=body, temps=[tmp])]
        if isinstance(target, ast.Starred):
            return self.assign_target(target.value, value)
        self.unsupported(target, "assignment target '%s'" % type(target).__name__)

    def stmt_AugAssign(self, node):
        ref = sref(node)
        op = BINARY_OPS[type(node.op)]
        target = node.target
        if isinstance(target, ast.Name):
            var = self.variable(target.id)
            return St.StmtAssignVariable(
                ref,
                variable=var,
                value=E.ExprInplace(
                    ref,
                    op=op,
                    left=E.ExprVariableRef(sref(target), variable=var),
                    right=self.expr(node.value),
                ),
            )
        if isinstance(target, ast.Attribute):
            tmp = self.temp("aug_source")
            name = self.mangle(target.attr)
            return St.StmtTempBlock(
                ref,
                temps=[tmp],
                body=[
                    St.StmtAssignTemp(ref, temp=tmp, value=self.expr(target.value)),
                    St.StmtAssignAttribute(
                        attr_sref(target),
                        source=E.ExprTempRef(ref, temp=tmp),
                        name=name,
                        value=E.ExprInplace(
                            ref,
                            op=op,
                            left=E.ExprAttribute(
                                attr_sref(target), source=E.ExprTempRef(ref, temp=tmp), name=name
                            ),
                            right=self.expr(node.value),
                        ),
                    ),
                ],
            )
        if isinstance(target, ast.Subscript):
            tmp = self.temp("aug_source")
            tmp_index = self.temp("aug_index")
            return St.StmtTempBlock(
                ref,
                temps=[tmp, tmp_index],
                body=[
                    St.StmtAssignTemp(ref, temp=tmp, value=self.expr(target.value)),
                    St.StmtAssignTemp(ref, temp=tmp_index, value=self.expr(target.slice)),
                    St.StmtAssignSubscript(
                        ref,
                        source=E.ExprTempRef(ref, temp=tmp),
                        index=E.ExprTempRef(ref, temp=tmp_index),
                        value=E.ExprInplace(
                            ref,
                            op=op,
                            left=E.ExprSubscript(
                                sref(target),
                                source=E.ExprTempRef(ref, temp=tmp),
                                index=E.ExprTempRef(ref, temp=tmp_index),
                            ),
                            right=self.expr(node.value),
                        ),
                    ),
                ],
            )
        self.unsupported(node, "augmented assignment target")

    def stmt_AnnAssign(self, node):
        ref = sref(node)
        result = []
        if node.value is not None:
            result.extend(self.assign_target(node.target, self.expr(node.value)))
        if self.scope.scope_kind in ("module", "class") and not self.no_annotations:
            if isinstance(node.target, ast.Name) and node.simple:
                # __annotations__[name] = annotation
                ann_var = self.variable("__annotations__")
                result.append(
                    St.StmtAssignSubscript(
                        ref,
                        source=E.ExprVariableRef(ref, variable=ann_var),
                        index=E.ExprConstant(ref, value=self.mangle(node.target.id)),
                        value=self.annotation(node.annotation),
                    )
                )
            else:
                # Complex targets: the annotation is evaluated, and so are
                # the target's sub-expressions when there is no value.
                if node.value is None:
                    if isinstance(node.target, ast.Attribute):
                        result.append(St.StmtExpression(ref, expression=self.expr(node.target.value)))
                    elif isinstance(node.target, ast.Subscript):
                        result.append(St.StmtExpression(ref, expression=self.expr(node.target.value)))
                        result.append(St.StmtExpression(ref, expression=self.expr(node.target.slice)))
                result.append(St.StmtExpression(ref, expression=self.annotation(node.annotation)))
        elif node.value is None and not isinstance(node.target, ast.Name):
            if isinstance(node.target, ast.Attribute):
                result.append(St.StmtExpression(ref, expression=self.expr(node.target.value)))
            elif isinstance(node.target, ast.Subscript):
                result.append(St.StmtExpression(ref, expression=self.expr(node.target.value)))
                result.append(St.StmtExpression(ref, expression=self.expr(node.target.slice)))
        return result

    def annotation(self, node):
        """An annotation's value: a string under ``from __future__ import
        annotations``, else the evaluated expression."""
        if self.module_code.co_flags & 0x1000000:
            return E.ExprConstant(sref(node), value=ast.unparse(node))
        return self.expr(node)

    def stmt_Delete(self, node):
        result = []
        for target in node.targets:
            result.extend(self.delete_target(target))
        return result

    def delete_target(self, target):
        ref = sref(target)
        if isinstance(target, ast.Name):
            return [St.StmtDelVariable(ref, variable=self.variable(target.id))]
        if isinstance(target, ast.Attribute):
            # (3.10 reports a delete at the start of the target.)
            del_ref = attr_sref(target) if sys.version_info >= (3, 11) else ref
            return [St.StmtDelAttribute(del_ref, source=self.expr(target.value), name=self.mangle(target.attr))]
        if isinstance(target, ast.Subscript):
            return [St.StmtDelSubscript(ref, source=self.expr(target.value), index=self.expr(target.slice))]
        if isinstance(target, (ast.Tuple, ast.List)):
            result = []
            for element in target.elts:
                result.extend(self.delete_target(element))
            return result
        self.unsupported(target, "del target")

    def stmt_If(self, node):
        return St.StmtIf(
            sref(node),
            condition=self.expr(node.test),
            yes=self.statements(node.body),
            no=self.statements(node.orelse),
        )

    def stmt_While(self, node):
        ref = sref(node)
        if not node.orelse:
            body = [
                St.StmtIf(
                    ref,
                    condition=self.expr(node.test),
                    yes=[],
                    no=[St.StmtBreak(ref)],
                )
            ] + self.statements(node.body)
            return St.StmtLoop(ref, body=body)
        indicator = self.temp("while_else")
        true = E.ExprConstant(ref, value=True)
        body = [
            St.StmtIf(
                ref,
                condition=self.expr(node.test),
                yes=[],
                no=[St.StmtAssignTemp(ref, temp=indicator, value=true), St.StmtBreak(ref)],
            )
        ] + self.statements(node.body)
        return St.StmtTempBlock(
            ref,
            temps=[indicator],
            body=[
                St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=False)),
                St.StmtLoop(ref, body=body),
                St.StmtIf(
                    ref,
                    condition=E.ExprTempRef(ref, temp=indicator),
                    yes=self.statements(node.orelse),
                    no=[],
                ),
            ],
        )

    def stmt_For(self, node):
        # GET_ITER and FOR_ITER carry the location of the whole statement
        # (3.13+: of the iterable expression).
        loop_ref = sref(node.iter) if sys.version_info >= (3, 13) else sref(node)
        return self.build_for_loop(
            node,
            "for",
            E.ExprIter(loop_ref, value=self.expr(node.iter)),
            lambda iterator, value, indicator: St.StmtLoopNext(
                loop_ref, iterator=iterator, temp=value, else_indicator=indicator
            ),
        )

    def build_for_loop(self, node, prefix, get_iter, make_next):
        """``for``/``async for``: the iterator (``get_iter``) in a temp, a
        loop whose first statement (``make_next(iterator_ref, value_temp,
        else_indicator)``) fetches the next value or leaves, the target
        assignment and body, then ``else`` when the loop was exhausted."""
        ref = sref(node)
        iterator = self.temp(prefix + "_iterator")
        value = self.temp(prefix + "_value")
        temps = [iterator, value]
        indicator = None
        body = [St.StmtAssignTemp(ref, temp=iterator, value=get_iter)]
        if node.orelse:
            indicator = self.temp(prefix + "_else")
            temps.append(indicator)
            body.append(St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=False)))
        loop_body = [make_next(E.ExprTempRef(ref, temp=iterator), value, indicator)]
        loop_body.extend(self.assign_target(node.target, E.ExprTempRef(sref(node.target), temp=value)))
        # The target holds the value now (CPython's STORE_* takes it off the
        # stack): the loop keeps no reference through its body. (An iterator
        # like enumerate's reuses its result tuple only when nobody else
        # holds it, and a value the body deletes dies there.)
        loop_body.append(St.StmtReleaseTemp(ref, temp=value))
        loop_body.extend(self.statements(node.body))
        body.append(St.StmtLoop(ref, body=loop_body))
        if node.orelse:
            body.append(
                St.StmtIf(
                    ref,
                    condition=E.ExprTempRef(ref, temp=indicator),
                    yes=self.statements(node.orelse),
                    no=[],
                )
            )
        return St.StmtTempBlock(ref, temps=temps, body=body)

    def stmt_Break(self, node):
        return St.StmtBreak(sref(node))

    def stmt_Continue(self, node):
        return St.StmtContinue(sref(node))

    def stmt_Return(self, node):
        value = self.expr(node.value) if node.value is not None else None
        return St.StmtReturn(sref(node), value=value)

    def stmt_Raise(self, node):
        ref = sref(node)
        if node.exc is None:
            return St.StmtReraise(ref, position="statement")
        return St.StmtRaise(
            ref,
            exception=self.expr(node.exc),
            cause=self.expr(node.cause) if node.cause is not None else None,
        )

    def stmt_Assert(self, node):
        if self.optimize:
            return None
        # CPython locates the AssertionError creation and the raise at the
        # test expression (carets under it), not at the whole statement;
        # 3.12 uses the statement for both, 3.13 for the creation only.
        ref = sref(node.test)
        raise_ref = sref(node) if sys.version_info[:2] == (3, 12) else ref
        call_ref = sref(node) if sys.version_info >= (3, 12) else ref
        args = [self.expr(node.msg)] if node.msg is not None else []
        raise_stmt = St.StmtRaise(
            raise_ref,
            exception=E.ExprCall(
                call_ref,
                func=E.ExprVariableRef(ref, variable=self.builtin_ref("AssertionError")),
                args=args,
                star_flags=[False] * len(args),
                kw_names=[],
                kw_values=[],
            )
            if args
            else E.ExprVariableRef(ref, variable=self.builtin_ref("AssertionError")),
            cause=None,
        )
        return St.StmtIf(ref, condition=self.expr(node.test), yes=[], no=[raise_stmt])

    def builtin_ref(self, name):
        """A reference to a builtin that user code cannot shadow (like the
        LOAD_ASSERTION_ERROR opcode)."""
        return S.Variable(name, "builtin")

    def stmt_Global(self, node):
        return None

    def stmt_Nonlocal(self, node):
        return None

    def stmt_Try(self, node):
        return self.build_try(node, star=False)

    def stmt_TryStar(self, node):
        return self.build_try(node, star=True)

    def build_try(self, node, star):
        ref = sref(node)
        result = self.statements(node.body)
        temps = []
        if node.handlers:
            if star:
                from .try_star import build_star_handlers

                handler_body = build_star_handlers(self, node.handlers)
            else:
                handler_body = self.build_handlers(node.handlers)
            if node.orelse:
                indicator = self.temp("try_else")
                temps.append(indicator)
                result = [
                    St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=False)),
                    St.StmtTryExcept(
                        ref,
                        body=result + [St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=True))],
                        handler=handler_body,
                    ),
                    St.StmtIf(
                        ref,
                        condition=E.ExprTempRef(ref, temp=indicator),
                        yes=self.statements(node.orelse),
                        no=[],
                    ),
                ]
            else:
                result = [St.StmtTryExcept(ref, body=result, handler=handler_body)]
        elif node.orelse:
            result = result + self.statements(node.orelse)
        if node.finalbody:
            result = [
                St.StmtTryFinally(ref, body=result, final=self.statements(node.finalbody), user=True)
            ]
        if temps:
            return St.StmtTempBlock(ref, temps=temps, body=result)
        return result

    def build_handlers(self, handlers):
        # Built from the last handler backwards: each one is an
        # if-statement whose else is the rest; unmatched re-raises.
        rest = [St.StmtReraise(sref(handlers[-1]))]
        for handler in reversed(handlers):
            ref = sref(handler)
            body = self.statements(handler.body)
            if handler.name is not None:
                var = self.variable(handler.name)
                body = [
                    St.StmtAssignVariable(ref, variable=var, value=E.ExprCaughtException(ref)),
                    St.StmtTryFinally(
                        ref,
                        body=body,
                        final=[
                            St.StmtAssignVariable(ref, variable=var, value=E.ExprConstant(ref, value=None)),
                            St.StmtDelVariable(ref, variable=var),
                        ],
                    ),
                ]
            if handler.type is None:
                rest = body
            else:
                rest = [
                    St.StmtIf(
                        sref(handler.type),
                        condition=E.ExprExceptionMatch(sref(handler.type), exc_type=self.expr(handler.type)),
                        yes=body,
                        no=rest,
                    )
                ]
        return rest

    def stmt_With(self, node):
        return self.build_with(node, list(node.items), node.body)

    def build_with(self, node, items, body_nodes):
        return self.build_with_items(
            node,
            items,
            body_nodes,
            "with",
            lambda ref, manager, exit_temp: E.ExprWithEnter(ref, manager=manager, exit_temp=exit_temp),
            lambda ref, exit_temp, with_exception: E.ExprWithExit(
                ref, exit_temp=exit_temp, with_exception=with_exception
            ),
        )

    def build_with_items(self, node, items, body_nodes, prefix, make_enter, make_exit):
        """``with``/``async with``, one item at a time: ``make_enter(ref,
        manager, exit_temp)`` enters (and stores the exit in ``exit_temp``),
        ``make_exit(ref, exit_temp, with_exception)`` calls the exit, with
        the handled exception (its truth value suppresses it) or with Nones."""
        item = items[0]
        ref = sref(item.context_expr)
        exit_temp = self.temp(prefix + "_exit")
        enter_temp = self.temp(prefix + "_enter")
        indicator = self.temp(prefix + "_ok")
        body = []
        if item.optional_vars is not None:
            body.extend(self.assign_target(item.optional_vars, E.ExprTempRef(ref, temp=enter_temp)))
        if len(items) > 1:
            body.append(self.build_with_items(node, items[1:], body_nodes, prefix, make_enter, make_exit))
        else:
            body.extend(self.statements(body_nodes))
        with_ref = sref(node)
        return St.StmtTempBlock(
            ref,
            temps=[exit_temp, enter_temp, indicator],
            body=[
                St.StmtAssignTemp(
                    ref,
                    temp=enter_temp,
                    value=make_enter(ref, self.expr(item.context_expr), exit_temp),
                ),
                St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=True)),
                St.StmtTryFinally(
                    with_ref,
                    body=[
                        St.StmtTryExcept(
                            with_ref,
                            body=body,
                            handler=[
                                St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=False)),
                                St.StmtIf(
                                    ref,
                                    condition=make_exit(ref, exit_temp, True),
                                    yes=[],
                                    no=[St.StmtReraise(ref, position="origin")],
                                ),
                            ],
                        )
                    ],
                    final=[
                        St.StmtIf(
                            ref,
                            condition=E.ExprTempRef(ref, temp=indicator),
                            yes=[St.StmtExpression(ref, expression=make_exit(ref, exit_temp, False))],
                            no=[],
                        )
                    ],
                ),
            ],
        )

    def stmt_Import(self, node):
        ref = sref(node)
        result = []
        for alias in node.names:
            imported = E.ExprImportName(ref, module_name=alias.name, fromlist=None, level=0)
            if alias.asname is None:
                top = alias.name.split(".")[0]
                result.append(St.StmtAssignVariable(ref, variable=self.variable(top), value=imported))
            else:
                value = imported
                for part in alias.name.split(".")[1:]:
                    value = E.ExprImportFrom(ref, module=value, name=part)
                result.append(St.StmtAssignVariable(ref, variable=self.variable(alias.asname), value=value))
        return result

    def stmt_ImportFrom(self, node):
        ref = sref(node)
        names = tuple(alias.name for alias in node.names)
        module = E.ExprImportName(ref, module_name=node.module or "", fromlist=names, level=node.level)
        if names == ("*",):
            return St.StmtImportStar(ref, module=module)
        tmp = self.temp("import_from")
        body = [St.StmtAssignTemp(ref, temp=tmp, value=module)]
        for alias in node.names:
            body.append(
                St.StmtAssignVariable(
                    ref,
                    variable=self.variable(alias.asname or alias.name),
                    value=E.ExprImportFrom(ref, module=E.ExprTempRef(ref, temp=tmp), name=alias.name),
                )
            )
        return St.StmtTempBlock(ref, temps=[tmp], body=body)

    def stmt_FunctionDef(self, node):
        return self.build_function_def(node)

    def stmt_AsyncFunctionDef(self, node):
        return self.build_function_def(node)

    def stmt_ClassDef(self, node):
        from .classes import build_class_def

        return build_class_def(self, node)

    def stmt_TypeAlias(self, node):
        from .type_params import build_type_alias

        return build_type_alias(self, node)

    def stmt_Match(self, node):
        from .matching import build_match

        return build_match(self, node)

    def stmt_AsyncWith(self, node):
        from .coroutines import build_async_with

        return build_async_with(self, node)

    def stmt_AsyncFor(self, node):
        from .coroutines import build_async_for

        return build_async_for(self, node)

    # -- functions ----------------------------------------------------------

    def build_function_def(self, node):
        from .functions import build_function_def

        return build_function_def(self, node)

    # -- expressions --------------------------------------------------------

    def expr(self, node):
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            self.unsupported(node, "expression '%s'" % type(node).__name__)
        try:
            return method(node)
        except scoping.DeadScope as dead:
            if dead.node is not node:
                raise
            # A lambda/generator expression CPython compiled away as
            # unreachable: it never runs, nothing needs to be built.
            return E.ExprConstant(sref(node), value=None)

    def exprs(self, nodes):
        return [self.expr(n) for n in nodes]

    def expr_Constant(self, node):
        items = getattr(node, "nuitka_source_items", None)
        if items is not None:
            return E.ExprConstant(sref(node), value=OrderedFrozenset(items))
        return E.ExprConstant(sref(node), value=node.value)

    def expr_Name(self, node):
        if node.id == "__debug__" and isinstance(node.ctx, ast.Load):
            # A constant for CPython's compiler (False with -O).
            return E.ExprConstant(sref(node), value=not self.optimize)
        if getattr(self.scope, "classdict_variable", None) is not None:
            from .type_params import annotation_scope_load

            return annotation_scope_load(self, node)
        return E.ExprVariableRef(sref(node), variable=self.variable(node.id))

    def expr_Attribute(self, node):
        return E.ExprAttribute(attr_sref(node), source=self.expr(node.value), name=self.mangle(node.attr))

    def expr_Subscript(self, node):
        return E.ExprSubscript(sref(node), source=self.expr(node.value), index=self.expr(node.slice))

    def expr_Slice(self, node):
        parts = (node.lower, node.upper, node.step)
        if all(part is None or isinstance(part, ast.Constant) for part in parts):
            # A slice of constants is a constant of the module, made once.
            values = [part.value if part is not None else None for part in parts]
            return E.ExprConstant(sref(node) if hasattr(node, "lineno") else None, value=slice(*values))
        return E.ExprSlice(
            sref(node) if hasattr(node, "lineno") else None,
            lower=self.expr(node.lower) if node.lower is not None else None,
            upper=self.expr(node.upper) if node.upper is not None else None,
            step=self.expr(node.step) if node.step is not None else None,
        )

    def expr_BinOp(self, node):
        return E.ExprBinary(
            sref(node), op=BINARY_OPS[type(node.op)], left=self.expr(node.left), right=self.expr(node.right)
        )

    def expr_UnaryOp(self, node):
        if isinstance(node.op, ast.Not):
            return E.ExprNot(sref(node), operand=self.expr(node.operand))
        return E.ExprUnary(sref(node), op=UNARY_OPS[type(node.op)], operand=self.expr(node.operand))

    def expr_BoolOp(self, node):
        cls = E.ExprAnd if isinstance(node.op, ast.And) else E.ExprOr
        values = self.exprs(node.values)
        result = values[-1]
        for value in reversed(values[:-1]):
            result = cls(sref(node), left=value, right=result)
        return result

    def expr_Compare(self, node):
        ref = sref(node)
        if len(node.ops) == 1:
            return E.ExprCompare(
                ref, op=COMPARE_OPS[type(node.ops[0])], left=self.expr(node.left), right=self.expr(node.comparators[0])
            )
        # a < b < c: each middle operand is evaluated once; the result is
        # the first false comparison result or the last one.
        temps = [self.temp("cmp_operand") for _ in node.comparators[:-1]]
        left = self.expr(node.left)
        parts = []
        for i, (op, comparator) in enumerate(zip(node.ops, node.comparators)):
            right = self.expr(comparator)
            if i < len(temps):
                right = E.ExprAssignTemp(sref(comparator), temp=temps[i], value=right)
            parts.append(E.ExprCompare(ref, op=COMPARE_OPS[type(op)], left=left, right=right))
            if i < len(temps):
                left = E.ExprTempRef(sref(comparator), temp=temps[i])
        result = parts[-1]
        for part in reversed(parts[:-1]):
            result = E.ExprAnd(ref, left=part, right=result)
        return E.ExprOutline(ref, body=[], result=result, release_temps=temps)

    def expr_IfExp(self, node):
        return E.ExprConditional(
            sref(node), condition=self.expr(node.test), yes=self.expr(node.body), no=self.expr(node.orelse)
        )

    def expr_NamedExpr(self, node):
        return E.ExprAssignVariable(sref(node), variable=self.variable(node.target.id), value=self.expr(node.value))

    def expr_Call(self, node):
        args, flags = elements(self, node.args)
        kw_names = []
        kw_values = []
        for keyword in node.keywords:
            kw_names.append(keyword.arg)
            kw_values.append(self.expr(keyword.value))
        call_ref = sref(node)
        if (
            isinstance(node.func, ast.Attribute)
            and not any(flags)
            and not any(name is None for name in kw_names)
            and len(node.args) + len(node.keywords) + bool(node.keywords) < _METHOD_CALL_ARGS_LIMIT
        ):
            # CPython's method-call form (LOAD_METHOD/LOAD_ATTR + CALL): the
            # call is located from the method name on.
            call_ref = attr_sref(node.func, node)
        return E.ExprCall(
            call_ref, func=self.expr(node.func), args=args, star_flags=flags, kw_names=kw_names, kw_values=kw_values
        )

    def _elements(self, elts):
        """(values, star flags) of display items or call arguments."""
        return elements(self, elts)

    def expr_List(self, node):
        return build_list(self, node)

    def expr_Tuple(self, node):
        return build_tuple(self, node)

    def expr_Set(self, node):
        return build_set(self, node)

    def expr_Dict(self, node):
        return build_dict(self, node)

    def expr_JoinedStr(self, node):
        return E.ExprJoinStr(sref(node), values=self.exprs(node.values))

    def expr_FormattedValue(self, node):
        return E.ExprFormatValue(
            sref(node),
            value=self.expr(node.value),
            conversion=node.conversion,
            spec=self.expr(node.format_spec) if node.format_spec is not None else None,
        )

    def expr_Lambda(self, node):
        from .functions import build_lambda

        return build_lambda(self, node)

    def expr_ListComp(self, node):
        from .comprehensions import build_comprehension

        return build_comprehension(self, node)

    expr_SetComp = expr_DictComp = expr_GeneratorExp = expr_ListComp

    def expr_Yield(self, node):
        value = self.expr(node.value) if node.value is not None else E.ExprConstant(sref(node), value=None)
        return E.ExprYield(sref(node), value=value)

    def expr_YieldFrom(self, node):
        return E.ExprYieldFrom(sref(node), value=self.expr(node.value))

    def expr_Await(self, node):
        return E.ExprAwait(sref(node), value=self.expr(node.value), await_kind="plain")

    def expr_Starred(self, node):
        self.unsupported(node, "starred expression here")


def build_module_tree(filename, source_text, code, module_name, optimize=0, strip_docstrings=False,
                      no_annotations=False):
    """``optimize`` must be the level ``code`` was compiled with."""
    tree = ast.parse(source_text, filename)
    fold_module(tree, future_annotations=bool(code.co_flags & CO_FUTURE_ANNOTATIONS), optimize=optimize)
    builder = TreeBuilder(filename, source_text, code, module_name, optimize, strip_docstrings, no_annotations)
    module = builder.build_module(tree)
    module.all_scopes = builder.all_scopes
    return module
