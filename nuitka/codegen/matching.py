"""Code generation for the pattern matching primitive nodes
(``nuitka/nodes/matching.py``); the C side is ``runtime/matching.c``."""

from .expressions import emit_call_result, emit_expr, emitter


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
    subject = emit_expr(node.subject, ctx)
    result = emit_call_result(ctx, node, "Nuitka_MatchLen(%s)" % subject)
    ctx.release(subject)
    return result


@emitter("ExprMatchKeys")
def emit_match_keys(node, ctx):
    subject = emit_expr(node.subject, ctx)
    keys = emit_expr(node.keys, ctx)
    result = emit_call_result(ctx, node, "Nuitka_MatchKeys(%s, %s)" % (subject, keys))
    ctx.release(keys)
    ctx.release(subject)
    return result


@emitter("ExprMatchClass")
def emit_match_class(node, ctx):
    subject = emit_expr(node.subject, ctx)
    cls = emit_expr(node.cls, ctx)
    kw_names = ctx.module.const_ref(tuple(node.kw_names))
    result = emit_call_result(
        ctx, node, "Nuitka_MatchClass(%s, %s, %d, %s)" % (subject, cls, node.nargs, kw_names)
    )
    ctx.release(cls)
    ctx.release(subject)
    return result


@emitter("ExprMatchRest")
def emit_match_rest(node, ctx):
    subject = emit_expr(node.subject, ctx)
    keys = emit_expr(node.keys, ctx)
    result = emit_call_result(ctx, node, "Nuitka_MatchRest(%s, %s)" % (subject, keys))
    ctx.release(keys)
    ctx.release(subject)
    return result
