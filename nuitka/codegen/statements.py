"""Code generation for statement nodes."""

from nuitka.nodes import scopes as S

from .context import (
    CatchFrame,
    FinallyFrame,
    HandlerFrame,
    LoopFrame,
    TempBlockFrame,
)
from .expressions import emit_condition, emit_expr, emit_operands, emit_value_or_none, name_const
from .unboxed import emit_unboxed_assign_subscript

EMITTERS = {}


def emitter(kind):
    def register(func):
        EMITTERS[kind] = func
        return func

    return register


def emit_statements(statements, ctx):
    for statement in statements:
        try:
            EMITTERS[statement.kind](statement, ctx)
            assert not ctx.live, (statement, ctx.live)
        except Exception as e:
            # Where a compiler bug struck (innermost statement first).
            if getattr(e, "nuitka_line", None) is None:
                e.nuitka_line = statement.source_ref.line
            raise


@emitter("StmtExpression")
def emit_expression_statement(node, ctx):
    if node.expression.kind == "ExprYield" and getattr(ctx, "sink_mode", False):
        from .genexpr_calls import emit_sink_feed

        return emit_sink_feed(node.expression, ctx)
    value = emit_expr(node.expression, ctx)
    ctx.release(value)


@emitter("StmtPass")
def emit_pass(node, ctx):
    pass


def emit_variable_store(var, value, ctx, source_ref):
    """Store the owned reference in ``value`` (consumed) into ``var``."""
    kind = var.kind
    if kind == S.LOCAL:
        ctx.emit("Py_XSETREF(fl[%d], %s);" % (var.slot, value))
        ctx.forget(value)
    elif kind in (S.CELL, S.FREE, S.CLASSFREE):
        ctx.emit("{ PyObject *old = PyCell_GET(fl[%d]); PyCell_SET(fl[%d], %s); Py_XDECREF(old); }" % (var.slot, var.slot, value))
        ctx.forget(value)
    elif kind == S.GLOBAL:
        ctx.set_position(source_ref)
        ctx.check("PyDict_SetItem(globals, %s, %s) < 0" % (name_const(ctx, var.name), value))
        ctx.release(value)
    elif kind == S.NAME:
        ctx.set_position(source_ref)
        ctx.check("Nuitka_StoreName(ns, %s, %s) < 0" % (name_const(ctx, var.name), value))
        ctx.release(value)
    else:
        raise AssertionError(kind)


@emitter("StmtAssignVariable")
def emit_assign_variable(node, ctx):
    value = emit_expr(node.value, ctx)
    emit_variable_store(node.variable, value, ctx, node.source_ref)


@emitter("StmtSetupAnnotations")
def emit_setup_annotations(node, ctx):
    ctx.set_position(node.source_ref)
    ctx.check("Nuitka_SetupAnnotations(ns) < 0")


@emitter("StmtAssignTemp")
def emit_assign_temp(node, ctx):
    value = emit_expr(node.value, ctx)
    ctx.emit("Py_XSETREF(%s, %s);" % (ctx.temp_var(node.temp), value))
    ctx.forget(value)


@emitter("StmtReleaseTemp")
def emit_release_temp(node, ctx):
    ctx.emit("Py_CLEAR(%s);" % ctx.temp_var(node.temp))


@emitter("StmtAssignAttribute")
def emit_assign_attribute(node, ctx):
    value, source = emit_operands(ctx, [node.value, node.source])
    ctx.set_position(node.source_ref)
    cache = ctx.module.new_site_cache("Nuitka_AttrCache")
    ctx.check("Nuitka_SetAttrCached(%s, %s, %s, &%s) < 0" % (source, name_const(ctx, node.name), value, cache))
    ctx.release(source)
    ctx.release(value)


@emitter("StmtAssignSubscript")
def emit_assign_subscript(node, ctx):
    value = emit_expr(node.value, ctx)
    if node.index.kind == "ExprSlice":
        from .expressions import slice_call

        template, parts = slice_call("Nuitka_SetSlice(%s, %s, %%s) < 0", node.index)
        operands = emit_operands(ctx, [node.source] + parts)
        ctx.set_position(node.source_ref)
        ctx.check(template % tuple(operands + [value]))
        for operand in reversed(operands):
            ctx.release(operand)
        ctx.release(value)
        return
    if emit_unboxed_assign_subscript(node, ctx, value):
        ctx.release(value)
        return
    source, index = emit_operands(ctx, [node.source, node.index])
    ctx.set_position(node.source_ref)
    ctx.check("Nuitka_SetItem(%s, %s, %s) < 0" % (source, index, value))
    ctx.release(index)
    ctx.release(source)
    ctx.release(value)


@emitter("StmtDelVariable")
def emit_del_variable(node, ctx):
    var = node.variable
    kind = var.kind
    name = name_const(ctx, var.name)
    if kind in (S.LOCAL, S.CELL, S.FREE, S.CLASSFREE):
        if kind == S.LOCAL:
            slot_ref = "fl[%d]" % var.slot
            raiser = "Nuitka_RaiseUnboundLocal"
        else:
            slot_ref = "PyCell_GET(fl[%d])" % var.slot
            raiser = "Nuitka_RaiseUnboundLocal" if kind == S.CELL else "Nuitka_RaiseUnboundFree"
        ctx.emit("if (unlikely(%s == NULL)) {" % slot_ref)
        ctx.indent += 1
        ctx.set_position(node.source_ref)
        ctx.emit("%s(%s);" % (raiser, name))
        ctx.emit("goto %s;" % ctx.error_label())
        ctx.indent -= 1
        ctx.emit("}")
        ctx.current_pos = None
        if kind == S.LOCAL:
            ctx.emit("Py_CLEAR(fl[%d]);" % var.slot)
        else:
            ctx.emit("{ PyObject *old = PyCell_GET(fl[%d]); PyCell_SET(fl[%d], NULL); Py_XDECREF(old); }" % (var.slot, var.slot))
    elif kind == S.GLOBAL:
        ctx.set_position(node.source_ref)
        ctx.check("Nuitka_DelGlobal(globals, %s) < 0" % name)
    elif kind == S.NAME:
        ctx.set_position(node.source_ref)
        ctx.check("Nuitka_DelName(ns, %s) < 0" % name)
    else:
        raise AssertionError(kind)


@emitter("StmtDelAttribute")
def emit_del_attribute(node, ctx):
    (source,) = emit_operands(ctx, [node.source])
    ctx.set_position(node.source_ref)
    ctx.check("PyObject_SetAttr(%s, %s, NULL) < 0" % (source, name_const(ctx, node.name)))
    ctx.release(source)


@emitter("StmtDelSubscript")
def emit_del_subscript(node, ctx):
    source, index = emit_operands(ctx, [node.source, node.index])
    ctx.set_position(node.source_ref)
    ctx.check("PyObject_DelItem(%s, %s) < 0" % (source, index))
    ctx.release(index)
    ctx.release(source)


@emitter("StmtIf")
def emit_if(node, ctx):
    flag = emit_condition(node.condition, ctx)
    ctx.emit("if (%s) {" % flag)
    ctx.indent += 1
    emit_statements(node.yes, ctx)
    ctx.indent -= 1
    if node.no:
        ctx.emit("} else {")
        ctx.indent += 1
        ctx.current_pos = None
        emit_statements(node.no, ctx)
        ctx.indent -= 1
    ctx.emit("}")
    ctx.current_pos = None


@emitter("StmtLoop")
def emit_loop(node, ctx):
    top = ctx.new_label("loop_start")
    end = ctx.new_label("loop_end")
    ctx.label(top)
    # As CPython's eval loop at backward jumps: signals (KeyboardInterrupt),
    # pending calls and GIL hand-over to other threads.
    ctx.emit(
        "if (unlikely(NUITKA_EVAL_BREAKER_SET(tstate)) && Nuitka_HandlePending(tstate) < 0) goto %s;"
        % ctx.error_label()
    )
    ctx.frames.append(LoopFrame(end, top))
    emit_statements(node.body, ctx)
    ctx.frames.pop()
    ctx.emit("goto %s;" % top)
    ctx.label(end)


@emitter("StmtLoopNext")
def emit_loop_next(node, ctx):
    # The iterator temp is assigned only before the loop: borrowed.
    iterator = emit_operands(ctx, [node.iterator])[0]
    ctx.set_position(node.source_ref)
    value = ctx.new_ctemp()
    ctx.emit("%s = Nuitka_IterNextFast(%s);" % (value, iterator))
    ctx.release(iterator)
    ctx.emit("if (%s == NULL) {" % value)
    ctx.indent += 1
    ctx.check("PyErr_Occurred()")
    if node.else_indicator is not None:
        ctx.emit("Py_XSETREF(%s, Py_NewRef(Py_True));" % ctx.temp_var(node.else_indicator))
    _emit_break(ctx)
    ctx.indent -= 1
    ctx.emit("}")
    ctx.emit("Py_XSETREF(%s, %s);" % (ctx.temp_var(node.temp), value))
    if ctx.is_generator:
        # Handed over: a stale copy in the generator state would be released
        # again when the generator finishes.
        ctx.emit("%s = NULL;" % value)


def _emit_break(ctx):
    frame = ctx.transfer(LoopFrame, emit_statements)
    ctx.emit("goto %s;" % frame.break_label)


@emitter("StmtBreak")
def emit_break(node, ctx):
    _emit_break(ctx)


@emitter("StmtContinue")
def emit_continue(node, ctx):
    frame = ctx.transfer(LoopFrame, emit_statements)
    ctx.emit("goto %s;" % frame.continue_label)


@emitter("StmtReturn")
def emit_return(node, ctx):
    value = emit_value_or_none(node.value, ctx)
    # The frame is at the return from now on: what a profile function's
    # "return" event and a frame kept after the call show. CPython's
    # RETURN_VALUE has the value's position (a bare return: the statement's).
    ctx.set_position(node.value.source_ref if node.value is not None else node.source_ref, optional=True)
    ctx.emit("Py_XSETREF(%s, %s);" % (ctx.storage("return_value"), value))
    ctx.forget(value)
    ctx.transfer(None, emit_statements)
    ctx.emit("goto function_return;")


@emitter("StmtRaise")
def emit_raise(node, ctx):
    exc = emit_expr(node.exception, ctx)
    cause = emit_expr(node.cause, ctx) if node.cause is not None else None
    ctx.set_position(node.source_ref)
    ctx.emit("Nuitka_Raise(tstate, %s, %s);" % (exc, cause or "NULL"))
    if cause is not None:
        ctx.release(cause)
    ctx.release(exc)
    ctx.emit("goto %s;" % ctx.error_label())


@emitter("StmtReraise")
def emit_reraise(node, ctx):
    handler = ctx.innermost_handler()
    if handler is not None:
        if node.position == "statement":
            ctx.set_position(node.source_ref)
        elif node.position == "origin":
            _emit_position_from_exception(ctx, handler)
        ctx.emit("Nuitka_RestoreCaughtException(tstate, Py_NewRef(%s));" % handler.exc_temp)
        ctx.emit("goto %s;" % ctx.error_label(add_traceback=False))
        return
    ctx.set_position(node.source_ref)
    ctx.emit("if (Nuitka_Reraise(tstate)) goto %s;" % ctx.error_label(add_traceback=False))
    ctx.emit("goto %s;" % ctx.error_label())


def _emit_position_from_exception(ctx, handler):
    """Put the frame back where it was when the handled exception arrived
    (CPython's RERAISE with the lasti saved by PUSH_EXC_INFO)."""
    ctx.emit("NUITKA_SET_POS(iframe, %s);" % handler.pos_temp)
    ctx.current_pos = None


def _enter_handler(ctx):
    exc = ctx.new_ctemp()
    saved = ctx.new_ctemp()
    pos = ctx.new_ctemp("int ")
    ctx.emit("%s = Nuitka_FetchException(tstate);" % exc)
    ctx.emit("%s = Nuitka_GetHandledException(tstate);" % saved)
    ctx.emit("Nuitka_SetHandledException(tstate, Py_NewRef(%s));" % exc)
    ctx.emit("%s = NUITKA_GET_POS(iframe);" % pos)
    frame = HandlerFrame(exc, saved)
    frame.pos_temp = pos
    ctx.frames.append(frame)
    return frame


def _leave_handler(ctx, frame):
    ctx.frames.pop()
    ctx.emit("Nuitka_SetHandledException(tstate, %s);" % frame.saved_temp)
    ctx.emit("%s = NULL;" % frame.saved_temp)


@emitter("StmtTryExcept")
def emit_try_except(node, ctx):
    handler_label = ctx.new_label("try_except")
    end = ctx.new_label("try_end")
    ctx.frames.append(CatchFrame(handler_label))
    emit_statements(node.body, ctx)
    ctx.frames.pop()
    ctx.emit("goto %s;" % end)
    ctx.label(handler_label)
    frame = _enter_handler(ctx)
    emit_statements(node.handler, ctx)
    _leave_handler(ctx, frame)
    ctx.emit("Py_CLEAR(%s);" % frame.exc_temp)
    ctx.label(end)


@emitter("StmtTryFinally")
def emit_try_finally(node, ctx):
    final_label = ctx.new_label("try_finally")
    end = ctx.new_label("try_end")
    ctx.frames.append(FinallyFrame(final_label, node.final))
    emit_statements(node.body, ctx)
    ctx.frames.pop()
    ctx.current_pos = None
    emit_statements(node.final, ctx)
    ctx.emit("goto %s;" % end)
    ctx.label(final_label)
    frame = _enter_handler(ctx)
    emit_statements(node.final, ctx)
    if node.user and node.final:
        # CPython's RERAISE ending a finally block is located at its last
        # statement.
        ctx.set_position(node.final[-1].source_ref)
    else:
        _emit_position_from_exception(ctx, frame)
    # RERAISE: 3.10 re-raises with the traceback saved when the finally
    # block was entered (still in the handled-exception state), not the
    # exception's current __traceback__; so before leaving the handler.
    ctx.emit("Nuitka_RestoreCaughtException(tstate, %s);" % frame.exc_temp)
    ctx.emit("%s = NULL;" % frame.exc_temp)
    _leave_handler(ctx, frame)
    ctx.emit("goto %s;" % ctx.error_label(add_traceback=False))
    ctx.label(end)


@emitter("StmtTempBlock")
def emit_temp_block(node, ctx):
    ctx.frames.append(TempBlockFrame(node.temps))
    emit_statements(node.body, ctx)
    ctx.frames.pop()
    for temp in node.temps:
        ctx.emit("Py_CLEAR(%s);" % ctx.temp_var(temp))


@emitter("StmtImportStar")
def emit_import_star(node, ctx):
    module = emit_expr(node.module, ctx)
    ctx.set_position(node.source_ref)
    ns = "ns" if ctx.scope.scope_kind == "class" else "globals"
    ctx.check("Nuitka_ImportStar(%s, %s) < 0" % (module, ns))
    ctx.release(module)


@emitter("StmtContainerAdd")
def emit_container_add(node, ctx):
    container = emit_expr(node.container, ctx)
    key = emit_expr(node.key, ctx) if node.key is not None else None
    value = emit_expr(node.value, ctx)
    ctx.set_position(node.source_ref)
    if node.container_kind == "list":
        ctx.check("PyList_Append(%s, %s) < 0" % (container, value))
    elif node.container_kind == "set":
        ctx.check("PySet_Add(%s, %s) < 0" % (container, value))
    else:
        ctx.check("PyDict_SetItem(%s, %s, %s) < 0" % (container, key, value))
    ctx.release(value)
    if key is not None:
        ctx.release(key)
    ctx.release(container)
