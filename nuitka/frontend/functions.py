"""Function definitions and lambdas: decorators, defaults, annotations."""

import ast

from nuitka.nodes import expressions as E
from nuitka.nodes import statements as St

from .building import sref

CO_FUTURE_ANNOTATIONS = 0x1000000


def _annotation_value(builder, node):
    if builder.module_code.co_flags & CO_FUTURE_ANNOTATIONS:
        return E.ExprConstant(sref(node), value=ast.unparse(node))
    return builder.expr(node)


def _starred_annotation(builder, node, annotation):
    """``*args: *Ts`` (PEP 646, 3.11+): CPython evaluates ``Ts`` and
    unpacks exactly one value from it (UNPACK_SEQUENCE 1, located at the
    whole ``def``), as in ``[value] = [*Ts]``."""
    unpacked = E.ExprUnpack(sref(node), value=builder.expr(annotation.value), count=1, star_index=None)
    return E.ExprTupleItem(sref(annotation), source=unpacked, index=0)


def default_pieces(builder, args):
    """Evaluate the defaults and kw-only defaults of ``args`` (an
    ``ast.arguments``): (defaults, kw_names, kw_values)."""
    defaults = builder.exprs(args.defaults)
    kw_names, kw_values = [], []
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        if default is not None:
            kw_names.append(builder.mangle(arg.arg))
            kw_values.append(builder.expr(default))
    return defaults, kw_names, kw_values


def _function_pieces(builder, node):
    """Evaluate defaults, kw-only defaults and annotations in the enclosing
    scope, in CPython's order."""
    args = node.args
    defaults, kw_names, kw_values = default_pieces(builder, args)
    ann_names, ann_values = [], []
    if not isinstance(node, ast.Lambda) and not builder.no_annotations:
        all_args = list(args.posonlyargs) + list(args.args)
        if args.vararg is not None:
            all_args.append(args.vararg)
        all_args.extend(args.kwonlyargs)
        if args.kwarg is not None:
            all_args.append(args.kwarg)
        for arg in all_args:
            if arg.annotation is not None:
                ann_names.append(builder.mangle(arg.arg))
                if isinstance(arg.annotation, ast.Starred) and not (
                    builder.module_code.co_flags & CO_FUTURE_ANNOTATIONS
                ):
                    ann_values.append(_starred_annotation(builder, node, arg.annotation))
                else:
                    ann_values.append(_annotation_value(builder, arg.annotation))
        if node.returns is not None:
            ann_names.append("return")
            ann_values.append(_annotation_value(builder, node.returns))
    return defaults, kw_names, kw_values, ann_names, ann_values


def _docstring(node, code, strip=False):
    """``(docstring or None, the body without it)``; ``strip``: the docstring
    is dropped (``--python-flag=no_docstrings``)."""
    if (
        node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    ):
        if strip:
            return None, node.body[1:]
        # The code object has the docstring as CPython cleaned it (3.13+).
        if code is not None and code.co_consts and isinstance(code.co_consts[0], str):
            return code.co_consts[0], node.body[1:]
        return node.body[0].value.value, node.body[1:]
    return None, node.body


def make_function_node(builder, node, scope, pieces):
    defaults, kw_names, kw_values, ann_names, ann_values = pieces
    return E.ExprMakeFunction(
        sref(node),
        scope=scope,
        defaults=defaults,
        kw_default_names=kw_names,
        kw_default_values=kw_values,
        annotation_names=ann_names,
        annotation_values=ann_values,
    )


def build_function_def(builder, node):
    if getattr(node, "type_params", None):
        from .type_params import build_generic_function

        return build_generic_function(builder, node)
    ref = sref(node)
    decorators = builder.exprs(node.decorator_list)
    pieces = _function_pieces(builder, node)
    scope, info = builder.new_scope(node, "function", node.name)
    saved = builder.enter(scope, info)
    try:
        scope.doc, body = _docstring(node, scope.code, builder.strip_docstrings)
        # (The code object still has it: codegen drops it there too.)
        scope.doc_stripped = builder.strip_docstrings and body is not node.body
        scope.body = builder.statements(body)
    finally:
        builder.leave(saved)
    value = make_function_node(builder, node, scope, pieces)
    return assign_decorated(builder, node, ref, decorators, value)


def decorate(decorators, value):
    """Apply the (already evaluated) decorators to ``value``, innermost first."""
    for decorator in reversed(decorators):
        value = E.ExprCall(
            decorator.source_ref,
            func=decorator,
            args=[value],
            star_flags=[False],
            kw_names=[],
            kw_values=[],
        )
    return value


def assign_decorated(builder, node, ref, decorators, value):
    """Bind the decorated value to the def's or class's name."""
    return St.StmtAssignVariable(ref, variable=builder.variable(node.name), value=decorate(decorators, value))


def build_lambda(builder, node):
    pieces = _function_pieces(builder, node)
    scope, info = builder.new_scope(node, "function", "<lambda>")
    saved = builder.enter(scope, info)
    try:
        body = builder.expr(node.body)
        # Also a generator lambda returns its body's value: the value of
        # StopIteration after ``(lambda: (yield))().send(2)`` is 2.
        scope.body = [St.StmtReturn(sref(node.body), value=body)]
    finally:
        builder.leave(saved)
    return make_function_node(builder, node, scope, pieces)
