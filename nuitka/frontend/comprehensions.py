"""Comprehensions and generator expressions.

Before Python 3.12 each is a function of its own (called with the iterator
of the first ``for``, which is evaluated in the enclosing scope); generator
expressions are generator functions on every version.
"""

import ast

from nuitka.nodes import expressions as E
from nuitka.nodes import statements as St

from .building import sref
from .coroutines import await_comprehension_call, comprehension_iter, comprehension_loop_next
from .inlined_comprehensions import build_inlined_comprehension, comprehension_container
from .scoping import COMPREHENSIONS_INLINED, loop_position_node, set_loop_positions

KINDS = {ast.ListComp: "list", ast.SetComp: "set", ast.DictComp: "dict", ast.GeneratorExp: "generator"}


def _loops(builder, generators, index, innermost, first_iterator):
    comp = generators[index]
    ref = sref(loop_position_node(comp))
    iterator = builder.temp("comp_iterator")
    value = builder.temp("comp_value")
    if index == 0:
        iter_value = first_iterator
    else:
        iter_value = comprehension_iter(ref, builder.expr(comp.iter), comp.is_async)
    body = [comprehension_loop_next(ref, E.ExprTempRef(ref, temp=iterator), value, comp.is_async)]
    body.extend(builder.assign_target(comp.target, E.ExprTempRef(sref(comp.target), temp=value)))
    # (The target holds it now, as after CPython's STORE_*: see stmt_For.)
    body.append(St.StmtReleaseTemp(ref, temp=value))
    if index + 1 < len(generators):
        inner = [_loops(builder, generators, index + 1, innermost, None)]
    else:
        inner = innermost()
    for condition in reversed(comp.ifs):
        inner = [St.StmtIf(sref(condition), condition=builder.expr(condition), yes=inner, no=[])]
    body.extend(inner)
    return St.StmtTempBlock(
        ref,
        temps=[iterator, value],
        body=[
            St.StmtAssignTemp(ref, temp=iterator, value=iter_value),
            St.StmtLoop(ref, body=body),
        ],
    )


def build_comprehension(builder, node):
    kind = KINDS[type(node)]
    ref = sref(node)
    first_iter = builder.expr(node.generators[0].iter)
    set_loop_positions(node)
    if kind != "generator" and COMPREHENSIONS_INLINED and builder.info.is_inlined(node):
        return build_inlined_comprehension(
            builder,
            node,
            kind,
            first_iter,
            lambda first, innermost: _loops(builder, node.generators, 0, innermost, first),
        )
    name = {"list": "<listcomp>", "set": "<setcomp>", "dict": "<dictcomp>", "generator": "<genexpr>"}[kind]
    scope, info = builder.new_scope(node, "function", name)
    saved = builder.enter(scope, info)
    try:
        arg = builder.variable(".0")
        if kind == "generator":
            def innermost():
                return [
                    St.StmtExpression(
                        sref(node.elt), expression=E.ExprYield(sref(node.elt), value=builder.expr(node.elt))
                    )
                ]
            scope.body = [
                _loops(builder, node.generators, 0, innermost, E.ExprVariableRef(ref, variable=arg))
            ]
        else:
            result = builder.temp("comp_result")
            empty, innermost = comprehension_container(builder, node, kind, ref, result)

            scope.body = [
                St.StmtAssignTemp(ref, temp=result, value=empty),
                _loops(builder, node.generators, 0, innermost, E.ExprVariableRef(ref, variable=arg)),
                St.StmtReturn(ref, value=E.ExprTempRef(ref, temp=result)),
            ]
    finally:
        builder.leave(saved)
    func = E.ExprMakeFunction(
        ref,
        scope=scope,
        defaults=[],
        kw_default_names=[],
        kw_default_values=[],
        annotation_names=[],
        annotation_values=[],
    )
    call = E.ExprCall(
        ref,
        func=func,
        args=[comprehension_iter(sref(loop_position_node(node.generators[0])), first_iter, node.generators[0].is_async)],
        star_flags=[False],
        kw_names=[],
        kw_values=[],
    )
    return await_comprehension_call(scope, kind, call)
