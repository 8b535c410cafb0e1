"""Code generation for ``try``/``except*`` nodes (PEP 654)."""

from .context import HandlerFrame
from .expressions import emit_expr
from .statements import emit_statements, emitter


@emitter("StmtExceptionGroupMatch")
def emit_exception_group_match(node, ctx):
    exc_type = emit_expr(node.exc_type, ctx)
    ctx.set_position(node.source_ref)
    match = ctx.temp_var(node.match_temp)
    ctx.emit("Py_CLEAR(%s);" % match)
    ctx.check(
        "Nuitka_ExceptionGroupMatch(tstate, &%s, %s, &%s) < 0"
        % (ctx.temp_var(node.rest_temp), exc_type, match)
    )
    ctx.release(exc_type)


@emitter("StmtReraiseStar")
def emit_reraise_star(node, ctx):
    orig = emit_expr(node.orig, ctx)
    result = ctx.new_ctemp()
    ctx.emit(
        "%s = Nuitka_PrepReraiseStar(%s, %s, %s);"
        % (result, orig, ctx.temp_var(node.raised_temp), ctx.temp_var(node.rest_temp))
    )
    ctx.release(orig)
    ctx.check_null(result)
    ctx.emit("if (%s != Py_None) {" % result)
    ctx.indent += 1
    # Like RERAISE: the exception goes on without a traceback entry here.
    ctx.emit("Nuitka_RestoreException(tstate, %s);" % result)
    ctx.emit("%s = NULL;" % result)
    ctx.emit("goto %s;" % ctx.error_label(add_traceback=False))
    ctx.indent -= 1
    ctx.emit("}")
    ctx.emit("Py_DECREF(%s);" % result)
    ctx.emit("%s = NULL;" % result)


@emitter("StmtExceptStarClause")
def emit_except_star_clause(node, ctx):
    # CHECK_EG_MATCH made the match the handled exception already; this only
    # makes it the innermost handled exception for bare ``raise`` (the saved
    # one is the match too, so sys.exc_info() stays as in CPython).
    exc = ctx.new_ctemp()
    saved = ctx.new_ctemp()
    # Taken over from the temp: no reference beyond CPython's is kept.
    ctx.emit("%s = %s;" % (exc, ctx.temp_var(node.match_temp)))
    ctx.emit("%s = NULL;" % ctx.temp_var(node.match_temp))
    ctx.emit("%s = Nuitka_GetHandledException(tstate);" % saved)
    ctx.emit("Nuitka_SetHandledException(tstate, Py_NewRef(%s));" % exc)
    frame = HandlerFrame(exc, saved)
    ctx.frames.append(frame)
    emit_statements(node.body, ctx)
    ctx.frames.pop()
    ctx.emit("Nuitka_SetHandledException(tstate, %s);" % saved)
    ctx.emit("%s = NULL;" % saved)
    ctx.emit("Py_CLEAR(%s);" % exc)
