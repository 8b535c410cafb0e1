"""Code generation for the lowered unpacking nodes (``nuitka/nodes/unpacking.py``,
made by ``nuitka/optimization/unpacking.py``); the C side is
``runtime/unpacking.c``."""

from .expressions import _borrowed_ref, emit_expr
from .expressions import emitter as expression_emitter
from .statements import emitter


@emitter("StmtUnpackLocals")
def emit_unpack_locals(node, ctx):
    # A local that is not one of the targets is unpacked borrowed: the
    # stores cannot release it (it is no target, and code run by a store's
    # release cannot rebind a local before 3.13, where nothing is borrowed).
    value = None
    source = node.value
    if source.kind == "ExprVariableRef" and all(variable is not source.variable for variable in node.variables):
        value = _borrowed_ref(source, ctx, (), True)
    if value is None:
        value = emit_expr(source, ctx)
    ctx.set_position(node.source_ref)
    slots = ", ".join(str(variable.slot) for variable in node.variables)
    star = -1 if node.star_index is None else node.star_index
    ctx.emit(
        "{ static const int slots[] = {%s}; if (unlikely(Nuitka_UnpackToLocals(%s, fl, slots, %d, %d) < 0)) goto %s; }"
        % (slots, value, len(node.variables), star, ctx.error_label(True))
    )
    ctx.release(value)


@emitter("StmtUnpackTemps")
def emit_unpack_temps(node, ctx):
    value = emit_expr(node.value, ctx)
    ctx.set_position(node.source_ref)
    count = len(node.temps)
    star = -1 if node.star_index is None else node.star_index
    stores = " ".join("Py_XSETREF(%s, values[%d]);" % (ctx.temp_var(temp), i) for i, temp in enumerate(node.temps))
    ctx.emit(
        "{ PyObject *values[%d]; if (unlikely(Nuitka_UnpackToArray(%s, %d, %d, values) < 0)) goto %s; %s }"
        % (count, value, count, star, ctx.error_label(True), stores)
    )
    ctx.release(value)


@expression_emitter("ExprTempTake")
def emit_temp_take(node, ctx):
    result = ctx.new_ctemp()
    temp = ctx.temp_var(node.temp)
    ctx.emit("%s = %s; %s = NULL;" % (result, temp, temp))
    ctx.add_live(result)
    return result
