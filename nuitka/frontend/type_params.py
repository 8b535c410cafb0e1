"""PEP 695 (Python 3.12+): generic functions and classes, type aliases.

Mirrors CPython's compiler: each construct gets *annotation scopes*, real
functions with CPython's code objects (``<generic parameters of f>``, one
per lazily evaluated TypeVar bound/constraints/default named after the
parameter, one for a type alias value named after the alias):

* ``def f[T](a=d) -> T`` : the defaults are evaluated in the enclosing scope
  and passed (as ``.defaults`` tuple, ``.kwdefaults`` dict) to
  ``<generic parameters of f>``, which makes the type parameters, evaluates
  the annotations, makes the function and sets its ``__type_params__``;
* ``class C[T](B)`` : ``<generic parameters of C>`` makes the parameters
  (``.type_params``), evaluates the bases and keywords, adds
  ``Generic[T]`` (``.generic_base``) as last base and builds the class,
  whose body starts with ``__type_params__ = .type_params``;
* ``type A[T] = v`` : TypeAliasType(name, params, lazy value function).

The objects themselves come from CPython's intrinsics (``ExprIntrinsic``).
Annotation scopes directly in a class body (and the ones nested in them) see
the class namespace: their global and free-variable loads look in the class
dict first (through the ``__classdict__`` cell the class body sets up),
``ExprClassDictLoad``.
"""

import ast
import copy

from nuitka.nodes import expressions as E
from nuitka.nodes import scopes as S
from nuitka.nodes import statements as St
from nuitka.nodes.type_params import (
    ExprCellObject,
    ExprClassDictLoad,
    ExprClassNamespace,
    ExprIntrinsic,
)

from . import scoping
from .building import sref
from .symtable_order import BOUND, DEFAULT, GENERIC, VALUE


def _annotation_scope(builder, node, role):
    info = builder.info.child(node, role)
    scope, info = builder.new_scope(node, "function", info.code.co_name, info=info)
    if "__classdict__" in info.code.co_freevars:
        scope.classdict_variable = scope.variables["__classdict__"]
    return scope, info


def _make_function(ref, scope, defaults=(), kw_names=(), kw_values=(), ann_names=(), ann_values=()):
    return E.ExprMakeFunction(
        ref,
        scope=scope,
        defaults=list(defaults),
        kw_default_names=list(kw_names),
        kw_default_values=list(kw_values),
        annotation_names=list(ann_names),
        annotation_values=list(ann_values),
    )


def _call(ref, func, args=()):
    return E.ExprCall(ref, func=func, args=list(args), star_flags=[False] * len(args), kw_names=[], kw_values=[])


def annotation_scope_load(builder, node):
    """A name load in an annotation scope that sees the class namespace."""
    ref = sref(node)
    var = builder.variable(node.id)
    if builder.inlined_overlays or var.kind == S.LOCAL:
        return E.ExprVariableRef(ref, variable=var)
    if var.kind == S.GLOBAL:
        try:
            explicit = builder.info.table.lookup(var.name).is_declared_global()
        except KeyError:
            explicit = False
        if explicit:
            return E.ExprVariableRef(ref, variable=var)
    return ExprClassDictLoad(ref, variable=var, classdict=builder.scope.classdict_variable)


def _lazy_value(builder, param, value_node):
    """The function of a lazily evaluated bound/constraints/default of the
    type parameter ``param``."""
    ref = sref(value_node)
    role = BOUND if value_node is getattr(param, "bound", None) else DEFAULT
    scope, info = _annotation_scope(builder, param, role)
    saved = builder.enter(scope, info)
    try:
        if isinstance(value_node, ast.Starred):
            # ``*Ts = *default``: exactly one value unpacked from it.
            unpacked = E.ExprUnpack(ref, value=builder.expr(value_node.value), count=1, star_index=None)
            value = E.ExprTupleItem(ref, source=unpacked, index=0)
        else:
            value = builder.expr(value_node)
        scope.body = [St.StmtReturn(ref, value=value)]
    finally:
        builder.leave(saved)
    return _make_function(sref(param), scope)


def _type_params(builder, params, ref):
    """Statements making and binding the type parameters (in the current
    annotation scope), and the expression of their tuple."""
    statements = []
    refs = []
    for param in params:
        pref = sref(param)
        name = E.ExprConstant(pref, value=param.name)
        if isinstance(param, ast.TypeVar):
            if param.bound is not None:
                kind = "TYPEVAR_WITH_CONSTRAINTS" if isinstance(param.bound, ast.Tuple) else "TYPEVAR_WITH_BOUND"
                value = ExprIntrinsic(pref, intrinsic=kind, args=[name, _lazy_value(builder, param, param.bound)])
            else:
                value = ExprIntrinsic(pref, intrinsic="TYPEVAR", args=[name])
        elif isinstance(param, ast.ParamSpec):
            value = ExprIntrinsic(pref, intrinsic="PARAMSPEC", args=[name])
        else:
            value = ExprIntrinsic(pref, intrinsic="TYPEVARTUPLE", args=[name])
        default = getattr(param, "default_value", None)
        if default is not None:
            value = ExprIntrinsic(
                pref, intrinsic="SET_TYPEPARAM_DEFAULT", args=[value, _lazy_value(builder, param, default)]
            )
        var = scoping.resolve_function_name(builder.scope, builder.mangle(param.name))
        statements.append(St.StmtAssignVariable(pref, variable=var, value=value))
        refs.append(E.ExprVariableRef(pref, variable=var))
    return statements, E.ExprMakeTuple(ref, elements=refs, star_flags=[False] * len(refs))


def _generic_scope(builder, node, name):
    return _annotation_scope(builder, node, GENERIC)


def build_generic_function(builder, node):
    from .functions import _docstring, _function_pieces, decorate, default_pieces

    ref = sref(node)
    decorators = builder.exprs(node.decorator_list)
    args = node.args
    defaults, kw_names, kw_values = default_pieces(builder, args)
    call_args = []
    if defaults:
        call_args.append(E.ExprMakeTuple(ref, elements=defaults, star_flags=[False] * len(defaults)))
    if kw_names:
        call_args.append(
            E.ExprMakeDict(ref, keys=[E.ExprConstant(ref, value=n) for n in kw_names], values=kw_values)
        )

    outer, outer_info = _generic_scope(builder, node, node.name)
    saved = builder.enter(outer, outer_info)
    try:
        statements, params = _type_params(builder, node.type_params, ref)
        params_temp = builder.temp("type_params")
        statements.append(St.StmtAssignTemp(ref, temp=params_temp, value=params))
        # Annotations are evaluated here (they see the type parameters).
        stripped = copy.copy(node)
        stripped.args = copy.copy(args)
        stripped.args.defaults = []
        stripped.args.kw_defaults = [None] * len(args.kwonlyargs)
        _, _, _, ann_names, ann_values = _function_pieces(builder, stripped)
        # The arguments are the code object's first variables (3.12 names
        # the one of a lone kwdefaults dict ".defaults" too).
        arg_names = list(outer_info.code.co_varnames[: outer_info.code.co_argcount])
        defaults_name = arg_names.pop(0) if defaults else None
        kwdefaults_name = arg_names.pop(0) if kw_names else None
        f_defaults = [
            E.ExprTupleItem(ref, source=E.ExprVariableRef(ref, variable=scoping.resolve_function_name(outer, defaults_name)), index=i)
            for i in range(len(defaults))
        ]
        f_kw_values = [
            E.ExprSubscript(
                ref,
                source=E.ExprVariableRef(ref, variable=scoping.resolve_function_name(outer, kwdefaults_name)),
                index=E.ExprConstant(ref, value=n),
            )
            for n in kw_names
        ]
        scope, info = builder.new_scope(node, "function", node.name)
        inner_saved = builder.enter(scope, info)
        try:
            scope.doc, body = _docstring(node, scope.code, builder.strip_docstrings)
            # (The code object still has it: codegen drops it there too.)
            scope.doc_stripped = builder.strip_docstrings and body is not node.body
            scope.body = builder.statements(body)
        finally:
            builder.leave(inner_saved)
        func = _make_function(ref, scope, f_defaults, kw_names, f_kw_values, ann_names, ann_values)
        result = ExprIntrinsic(
            ref, intrinsic="SET_FUNCTION_TYPE_PARAMS", args=[func, E.ExprTempRef(ref, temp=params_temp)]
        )
        outer.body = [
            St.StmtTempBlock(ref, temps=[params_temp], body=statements + [St.StmtReturn(ref, value=result)])
        ]
    finally:
        builder.leave(saved)
    value = decorate(decorators, _call(ref, _make_function(ref, outer), call_args))
    return St.StmtAssignVariable(ref, variable=builder.variable(node.name), value=value)


def build_generic_class(builder, node):
    from .classes import build_class_body
    from .functions import decorate

    ref = sref(node)
    decorators = builder.exprs(node.decorator_list)
    outer, outer_info = _generic_scope(builder, node, node.name)
    # Names in the type parameter scope of a class are private to it.
    outer.private_name = node.name
    saved = builder.enter(outer, outer_info)
    try:
        statements, params = _type_params(builder, node.type_params, ref)
        params_var = scoping.resolve_function_name(outer, ".type_params")
        statements.append(St.StmtAssignVariable(ref, variable=params_var, value=params))
        scope = build_class_body(builder, node, generic=True)
        generic_var = scoping.resolve_function_name(outer, ".generic_base")
        statements.append(
            St.StmtAssignVariable(
                ref,
                variable=generic_var,
                value=ExprIntrinsic(
                    ref, intrinsic="SUBSCRIPT_GENERIC", args=[E.ExprVariableRef(ref, variable=params_var)]
                ),
            )
        )
        bases, flags = builder._elements(node.bases)
        bases.append(E.ExprVariableRef(ref, variable=generic_var))
        flags.append(False)
        kw_names = [k.arg for k in node.keywords]
        kw_values = [builder.expr(k.value) for k in node.keywords]
        value = E.ExprBuildClass(
            ref, scope=scope, bases=bases, star_flags=flags, kw_names=kw_names, kw_values=kw_values
        )
        outer.body = statements + [St.StmtReturn(ref, value=value)]
    finally:
        builder.leave(saved)
    value = decorate(decorators, _call(ref, _make_function(ref, outer)))
    return St.StmtAssignVariable(ref, variable=builder.variable(node.name), value=value)


def _alias_value(builder, node, name):
    ref = sref(node)
    scope, info = _annotation_scope(builder, node, VALUE)
    saved = builder.enter(scope, info)
    try:
        scope.body = [St.StmtReturn(sref(node.value), value=builder.expr(node.value))]
    finally:
        builder.leave(saved)
    return _make_function(ref, scope)


def build_type_alias(builder, node):
    ref = sref(node)
    name = node.name.id
    if node.type_params:
        outer, outer_info = _generic_scope(builder, node, name)
        saved = builder.enter(outer, outer_info)
        try:
            statements, params = _type_params(builder, node.type_params, ref)
            alias = ExprIntrinsic(
                ref,
                intrinsic="TYPEALIAS",
                args=[
                    E.ExprMakeTuple(
                        ref,
                        elements=[E.ExprConstant(ref, value=name), params, _alias_value(builder, node, name)],
                        star_flags=[False] * 3,
                    )
                ],
            )
            outer.body = statements + [St.StmtReturn(ref, value=alias)]
        finally:
            builder.leave(saved)
        value = _call(ref, _make_function(ref, outer))
    else:
        value = ExprIntrinsic(
            ref,
            intrinsic="TYPEALIAS",
            args=[
                E.ExprMakeTuple(
                    ref,
                    elements=[
                        E.ExprConstant(ref, value=name),
                        E.ExprConstant(ref, value=None),
                        _alias_value(builder, node, name),
                    ],
                    star_flags=[False] * 3,
                )
            ],
        )
    return St.StmtAssignVariable(ref, variable=builder.variable(name), value=value)


def class_dict_cell_statements(builder, scope, info, ref, generic):
    """Class body statements for PEP 695: ``__type_params__`` (generic
    class) and the ``__classdict__`` cell, which annotation scopes in the
    body use to see the namespace, set to it at the start; at the end
    ``__classdictcell__`` hands the cell to ``type.__new__``. Returns
    (statements for the start, statements for the end)."""
    start, end = [], []
    if generic:
        start.append(
            St.StmtAssignVariable(
                ref,
                variable=builder.variable("__type_params__"),
                value=E.ExprVariableRef(ref, variable=scoping.resolve_class_name(scope, info, ".type_params")),
            )
        )
    if info.code is not None and "__classdict__" in info.code.co_cellvars:
        slot = scoping._slot_of(scope, "__classdict__", (S.CELL,))
        cell = S.Variable("__classdict__", S.CELL, slot, scope)
        start.append(St.StmtAssignVariable(ref, variable=cell, value=ExprClassNamespace(ref)))
        end.append(
            St.StmtAssignVariable(
                ref, variable=builder.variable("__classdictcell__"), value=ExprCellObject(ref, slot=slot)
            )
        )
    return start, end
