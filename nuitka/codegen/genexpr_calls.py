"""Code generation for generator expressions consumed by builtins
(``ExprBuiltinGenexprCall``, ``nuitka/optimization/genexprs.py``).

A consumed genexpr scope gets, next to its generator body, a *consume
body* (``<name>_sink_impl``): the same statements emitted as a plain
function in which the ``yield`` feeds the sink (``Nuitka_Sink_Feed``,
``runtime/include/nuitka/genexpr_sink.h``); it shares the positions, so
the code object and the tracebacks are the genexpr's. ``<name>_consume``
takes a frame from the genexpr's pool, binds ``.0`` (and the cells) and
runs it. An error of the sink leaves the body without a traceback entry
(CPython raises it in the builtin, in the caller's frame); ``any``/``all``
stop the loop as a ``return`` would.
"""

from nuitka.nodes import scopes as S

from .context import FunctionContext
from .expressions import closure_cell_slots, emit_expr, emitter

SINK_KINDS = {
    "list": "NUITKA_SINK_LIST",
    "tuple": "NUITKA_SINK_TUPLE",
    "sorted": "NUITKA_SINK_SORTED",
    "join": "NUITKA_SINK_JOIN",
    "set": "NUITKA_SINK_SET",
    "frozenset": "NUITKA_SINK_FROZENSET",
    "sum": "NUITKA_SINK_SUM",
    "any": "NUITKA_SINK_ANY",
    "all": "NUITKA_SINK_ALL",
    "min": "NUITKA_SINK_MIN",
    "max": "NUITKA_SINK_MAX",
}


def consume_entry_declaration(name):
    return (
        "static int %s_consume(PyThreadState *tstate, PyObject *globals, PyObject *const *cells, PyObject *iterator, "
        "Nuitka_Sink *sink);" % name
    )


def consume_code(module_ctx, scope, gen_ctx, plain_body):
    """The C of the consume body and entry of the genexpr ``scope`` (whose
    generator body ``gen_ctx`` has emitted: its positions are shared)."""
    from .statements import emit_statements

    name = scope.c_name
    ctx = FunctionContext(module_ctx, scope, name)
    ctx.is_generator = False
    ctx.sink_mode = True
    ctx.positions = gen_ctx.positions
    ctx._position_index = gen_ctx._position_index
    emit_statements(scope.body, ctx)
    ctx.emit("Py_XSETREF(return_value, Py_NewRef(Py_None));")
    ctx.emit("goto function_return;")
    out = plain_body(
        ctx,
        "static PyObject *%s_sink_impl(PyThreadState *tstate, PyObject *func, PyFrameObject *frame, PyObject **fl, "
        "void *sink_arg)" % name,
    )
    out.insert(1, "    Nuitka_Sink *sink = (Nuitka_Sink *)sink_arg;")
    has_cells = any(kind in (S.CELL, S.FREE) for kind in scope.localsplus_kinds)
    out.append(consume_entry_declaration(name)[:-1] + " {")
    out.append("    PyFrameObject *frame = Nuitka_Fast_TakeFrameIn(tstate, &%s_info, globals);" % name)
    out.append("    if (unlikely(frame == NULL)) { Py_DECREF(iterator); return -1; }")
    out.append("    PyObject **fl = Nuitka_Frame_LocalsPlus(frame);")
    out.append("    fl[0] = iterator;")
    if not has_cells:
        out.append("    (void)cells;")
    if has_cells:
        out.append("    if (unlikely(Nuitka_Function_SetupCellsFrom(&%s_info, cells, fl) < 0)) {" % name)
        out.append("        Nuitka_Frame_ClearLocals(frame);")
        out.append("        Nuitka_Function_ReleaseFrame(&%s_info, frame);" % name)
        out.append("        return -1;")
        out.append("    }")
    out.append(
        "    PyObject *result = Nuitka_Fast_RunWith(tstate, &%s_info, NULL, frame, NULL, %s_sink_impl, sink, %d);"
        % (name, name, len(scope.localsplus_names))
    )
    out.append("    if (unlikely(result == NULL)) {")
    out.append("        Nuitka_Sink_BodyFailed(sink);")
    out.append("        return -1;")
    out.append("    }")
    out.append("    Py_DECREF(result);")
    out.append("    return 0;")
    out.append("}")
    return out


def emit_sink_feed(node, ctx):
    """The genexpr's ``yield value`` statement in a consume body."""
    from .statements import emit_statements

    value = emit_expr(node.value, ctx)
    flag = ctx.new_ctemp("int ")
    ctx.emit("%s = Nuitka_Sink_Feed(sink, %s);" % (flag, value))
    ctx.forget(value)
    ctx.check("%s < 0" % flag, add_traceback=False)
    ctx.emit("if (unlikely(%s > 0)) {" % flag)
    ctx.indent += 1
    ctx.emit("Py_XSETREF(return_value, Py_NewRef(Py_None));")
    ctx.transfer(None, emit_statements)
    ctx.emit("goto function_return;")
    ctx.indent -= 1
    ctx.emit("}")


@emitter("ExprBuiltinGenexprCall")
def emit_builtin_genexpr_call(node, ctx):
    builtin = node.builtin
    callee = emit_expr(node.func, ctx)
    genexpr = node.genexpr
    make = genexpr.func
    # (A genexpr's function has no defaults or annotations: only its
    # closure, whose cells are read where the function would be made.)
    assert not (make.defaults or make.kw_default_names or make.annotation_names)
    slots = closure_cell_slots(make.scope, ctx)
    iterator = emit_expr(genexpr.args[0], ctx)
    args = [emit_expr(arg, ctx) for arg in node.args]
    ctx.set_position(node.source_ref)
    result = ctx.new_ctemp()
    scope_name = make.scope.c_name
    start = args[0] if args else "NULL"
    cells = ", ".join("fl[%d]" % slot for slot in slots)
    sink_lines = [
        "Nuitka_Sink sink;",
        "PyObject *cells[%d] = {%s};" % (max(1, len(slots)), cells or "NULL"),
        "if (unlikely(Nuitka_Sink_Init(&sink, %s, %s, %s) < 0)) {" % (SINK_KINDS[builtin], start, callee),
        "    %s = NULL;" % result,
        "} else if (unlikely(%s_consume(tstate, globals, cells, Py_NewRef(%s), &sink) < 0)) {" % (scope_name, iterator),
        "    Nuitka_Sink_Clear(&sink);",
        "    %s = NULL;" % result,
        "} else {",
        "    %s = Nuitka_Sink_Finish(&sink);" % result,
        "}",
    ]
    # Under a profile function, the generator itself: the profile function
    # sees it resumed for each item, as in CPython.
    if builtin == "join":
        # The str constant's own join: only that guard.
        ctx.emit("if (likely(!NUITKA_PROFILING(tstate))) {")
    else:
        ctx.emit("if (likely(NUITKA_IS_BUILTIN(%s, %s)) && likely(!NUITKA_PROFILING(tstate))) {" % (callee, builtin))
    for line in sink_lines:
        ctx.emit("    " + line)
    ctx.emit("} else {")
    # The generator as without the builtin: its function, then the call.
    ctx.emit("    PyObject *closure = NULL;")
    if slots:
        ctx.emit("    closure = PyTuple_New(%d);" % len(slots))
        ctx.emit("    if (closure != NULL) {")
        for i, slot in enumerate(slots):
            ctx.emit("        PyTuple_SET_ITEM(closure, %d, Py_NewRef(fl[%d]));" % (i, slot))
        ctx.emit("    }")
    ctx.emit(
        "    PyObject *genexpr_func = %sNuitka_Function_New(&%s_info, globals, NULL, NULL, NULL, closure);"
        % ("closure == NULL ? NULL : " if slots else "", scope_name)
    )
    ctx.emit("    PyObject *generator = genexpr_func == NULL ? NULL : Nuitka_Call(tstate, genexpr_func, &%s, 1, NULL);" % iterator)
    ctx.emit("    Py_XDECREF(genexpr_func);")
    ctx.emit("    if (likely(generator != NULL)) {")
    if builtin == "join":
        ctx.emit("        %s = PyUnicode_Join(%s, generator);" % (result, callee))
    else:
        ctx.emit("        PyObject *call_args[2] = {generator, %s};" % start)
        ctx.emit("        %s = Nuitka_Call(tstate, %s, call_args, %d, NULL);" % (result, callee, 1 + len(args)))
    ctx.emit("        Py_DECREF(generator);")
    ctx.emit("    } else {")
    ctx.emit("        %s = NULL;" % result)
    ctx.emit("    }")
    ctx.emit("}")
    ctx.check_null(result)
    ctx.add_live(result)
    for value in reversed(args):
        ctx.release(value)
    ctx.release(iterator)
    ctx.release(callee)
    return result
