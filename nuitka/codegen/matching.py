"""Code generation for the pattern matching primitive nodes
(``nuitka/nodes/matching.py``); the C side is ``runtime/matching.c``."""

from .expressions import emit_expr, emit_operation, emitter


@emitter("ExprMatchTypeCheck")
def emit_match_type_check(node, ctx):
    subject = emit_expr(node.subject, ctx)
    func = "Nuitka_MatchIsMapping" if node.match_kind == "mapping" else "Nuitka_MatchIsSequence"
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(%s(%s) ? Py_True : Py_False);" % (result, func, subject))
    ctx.release(subject)
    ctx.add_live(result)
    return result


@emitter("ExprMatchLen")
def emit_match_len(node, ctx):
    return emit_operation(ctx, node, "Nuitka_MatchLen(%s)", node.subject)


@emitter("ExprMatchKeys")
def emit_match_keys(node, ctx):
    return emit_operation(ctx, node, "Nuitka_MatchKeys(%s, %s)", node.subject, node.keys)


@emitter("ExprMatchClass")
def emit_match_class(node, ctx):
    kw_names = ctx.module.const_ref(tuple(node.kw_names))
    return emit_operation(
        ctx, node, "Nuitka_MatchClass(%%s, %%s, %d, %s)" % (node.nargs, kw_names), node.subject, node.cls
    )


@emitter("ExprMatchRest")
def emit_match_rest(node, ctx):
    return emit_operation(ctx, node, "Nuitka_MatchRest(%s, %s)", node.subject, node.keys)
