"""Code generation for predicted builtin calls (``nuitka/nodes/builtins.py``).

The callee is loaded as any name (for a global: the per-site cache of
``Nuitka_LoadGlobalCached``), then the arguments, as CPython does. The
guard ``NUITKA_IS_BUILTIN(callee, name)`` compares the loaded object with
the original builtin (``runtime/builtins_direct.c``); when it holds, the
direct operation ``Nuitka_BI_<name>`` runs
(``include/nuitka/builtins_direct.h``), otherwise the loaded object is
called like any callee. A folded call is its constant under the guard; the
generic call then gets the constant arguments.
"""

from .expressions import emit_expr, emit_operands, emitter


def _begin_args_block(ctx, items):
    """Open a C block holding the argument array of a guarded call; returns
    the array's name (block-scoped, so any number per function)."""
    array = ctx.new_label("builtin_args")
    ctx.emit("{")
    ctx.indent += 1
    ctx.emit("PyObject *%s[%d] = {%s};" % (array, max(len(items), 1), ", ".join(items) or "NULL"))
    return array


def _end_block(ctx):
    ctx.indent -= 1
    ctx.emit("}")


@emitter("ExprBuiltinCall")
def emit_builtin_call(node, ctx):
    values = emit_operands(ctx, [node.func] + list(node.args))
    callee = values[0]
    args = values[1:]
    ctx.set_position(node.source_ref)
    nargs = len(args)
    array = _begin_args_block(ctx, args)
    result = ctx.new_ctemp()
    ctx.emit(
        "%s = NUITKA_IS_BUILTIN(%s, %s) ? Nuitka_BI_%s(%s, %s, %d) : Nuitka_Call(tstate, %s, %s, %d, NULL);"
        % (result, callee, node.builtin, node.builtin, callee, array, nargs, callee, array, nargs)
    )
    _end_block(ctx)
    ctx.check_null(result)
    ctx.add_live(result)
    for value in reversed(args):
        ctx.release(value)
    ctx.release(callee)
    return result


@emitter("ExprBuiltinCallFolded")
def emit_builtin_call_folded(node, ctx):
    callee = emit_expr(node.func, ctx)
    ctx.set_position(node.source_ref)
    const = ctx.module.const_ref(node.value)
    # The arguments are constants: the generic call borrows them from the
    # module's constants (nothing to evaluate or release).
    items = [ctx.module.const_ref(arg.value) for arg in node.args]
    nargs = len(items)
    array = _begin_args_block(ctx, items)
    result = ctx.new_ctemp()
    ctx.emit(
        "%s = NUITKA_IS_BUILTIN(%s, %s) ? Py_NewRef(%s) : Nuitka_Call(tstate, %s, %s, %d, NULL);"
        % (result, callee, node.builtin, const, callee, array, nargs)
    )
    _end_block(ctx)
    ctx.check_null(result)
    ctx.add_live(result)
    ctx.release(callee)
    return result


#: Builtins whose truth in a condition is computed without a bool object
#: (``Nuitka_BIF_<name>``: 1, 0 or -1).
CONDITION_FORMS = {"isinstance", "issubclass", "callable", "hasattr", "bool"}


def emit_builtin_condition(node, ctx):
    """C int temp with the truth of a predicted builtin call, or None when
    that builtin has no condition form. As CALL + POP_JUMP_IF: the truth of
    a generic call's result is taken after the arguments are released."""
    if node.builtin not in CONDITION_FORMS:
        return None
    values = emit_operands(ctx, [node.func] + list(node.args))
    callee = values[0]
    args = values[1:]
    ctx.set_position(node.source_ref)
    nargs = len(args)
    flag = ctx.new_ctemp("int ")
    array = _begin_args_block(ctx, args)
    ctx.emit("PyObject *call_result = NULL;")
    ctx.emit("if (NUITKA_IS_BUILTIN(%s, %s)) {" % (callee, node.builtin))
    ctx.emit("    %s = Nuitka_BIF_%s(%s, %s, %d);" % (flag, node.builtin, callee, array, nargs))
    ctx.emit("} else {")
    ctx.emit("    call_result = Nuitka_Call(tstate, %s, %s, %d, NULL);" % (callee, array, nargs))
    ctx.emit("    %s = call_result == NULL ? -1 : 2;" % flag)
    ctx.emit("}")
    ctx.check("%s < 0" % flag)
    for value in reversed(args):
        ctx.release(value)
    ctx.release(callee)
    ctx.emit("if (%s == 2) %s = Nuitka_TakeTruth(call_result);" % (flag, flag))
    _end_block(ctx)
    ctx.check("%s < 0" % flag)
    return flag


@emitter("ExprBuiltinIterRange")
def emit_builtin_iter_range(node, ctx):
    """``iter(range(...))``: under the guard ``Nuitka_BI_IterRange`` (the
    range iterator directly), else the generic call, then GET_ITER of its
    result at the ``for``'s position."""
    call = node.call
    values = emit_operands(ctx, [call.func] + list(call.args))
    callee = values[0]
    args = values[1:]
    ctx.set_position(call.source_ref)
    nargs = len(args)
    guard = ctx.new_ctemp("int ")
    value = ctx.new_ctemp()
    array = _begin_args_block(ctx, args)
    ctx.emit("%s = NUITKA_IS_BUILTIN(%s, range);" % (guard, callee))
    ctx.emit(
        "%s = %s ? Nuitka_BI_IterRange(%s, %s, %d) : Nuitka_Call(tstate, %s, %s, %d, NULL);"
        % (value, guard, callee, array, nargs, callee, array, nargs)
    )
    _end_block(ctx)
    ctx.check_null(value)
    ctx.add_live(value)
    for arg in reversed(args):
        ctx.release(arg)
    ctx.release(callee)
    ctx.emit("if (!%s) {" % guard)
    ctx.indent += 1
    ctx.set_position(node.source_ref)
    ctx.emit("PyObject *iterator = PyObject_GetIter(%s);" % value)
    ctx.emit("Py_DECREF(%s);" % value)
    ctx.emit("%s = iterator;" % value)
    _end_block(ctx)
    ctx.current_pos = None
    ctx.check_null(value)
    return value
