"""Code generation for inlined comprehensions (Python 3.12+, PEP 709;
``nuitka/nodes/inlined_comprehensions.py``)."""

from .context import Frame
from .expressions import EMITTERS as EXPRESSION_EMITTERS
from .expressions import emit_expr, emitter


class _RestoreFrame(Frame):
    """While the comprehension runs: an exception leaving it restores the
    saved slots (like CPython's handler around an inlined comprehension) and
    releases the C temps of the enclosing expression, which were live when
    the comprehension started (the body is emitted with nothing live, since
    statement emitters expect that)."""

    def __init__(self, exit_lines):
        self.exit_lines = exit_lines


def _restore_lines(node, ctx):
    lines = []
    for temp, slot, _make_cell in reversed(node.saves):
        saved = ctx.temp_var(temp)
        lines.append("Py_XSETREF(fl[%d], %s);" % (slot, saved))
        lines.append("%s = NULL;" % saved)
    lines.append("Py_CLEAR(%s);" % ctx.temp_var(node.first_temp))
    return lines


@emitter("ExprInlinedComprehension")
def emit_inlined_comprehension(node, ctx):
    from .statements import EMITTERS as STATEMENT_EMITTERS

    iterator = emit_expr(node.first_iter, ctx)
    ctx.emit("Py_XSETREF(%s, %s);" % (ctx.temp_var(node.first_temp), iterator))
    ctx.forget(iterator)
    for temp, slot, _make_cell in node.saves:
        saved = ctx.temp_var(temp)
        ctx.emit("Py_XSETREF(%s, fl[%d]);" % (saved, slot))
        ctx.emit("fl[%d] = NULL;" % slot)
    outer_live = ctx.live
    result_var = ctx.temp_var(node.result_temp)
    exit_lines = _restore_lines(node, ctx) + ["Py_CLEAR(%s);" % result_var]
    exit_lines += ["Py_CLEAR(%s);" % name for name in reversed(outer_live)]
    ctx.live = []
    ctx.frames.append(_RestoreFrame(exit_lines))
    try:
        for _temp, slot, make_cell in node.saves:
            if make_cell:
                ctx.emit("fl[%d] = PyCell_New(NULL);" % slot)
                ctx.check_null("fl[%d]" % slot)
        for slot in node.wrapped_free_slots:
            # MAKE_CELL on a free slot: the new cell holds the old cell.
            ctx.emit("{")
            ctx.emit("    PyObject *new_cell = PyCell_New(fl[%d]);" % slot)
            ctx.check("new_cell == NULL")
            ctx.emit("    Py_XSETREF(fl[%d], new_cell);" % slot)
            ctx.emit("}")
        for statement in node.body:
            STATEMENT_EMITTERS[statement.kind](statement, ctx)
            assert not ctx.live, (statement, ctx.live)
    finally:
        ctx.frames.pop()
        ctx.live = outer_live
    for line in _restore_lines(node, ctx):
        ctx.emit(line)
    result = ctx.new_ctemp()
    ctx.emit("%s = %s;" % (result, result_var))
    ctx.emit("%s = NULL;" % result_var)
    ctx.add_live(result)
    return result


assert "ExprInlinedComprehension" in EXPRESSION_EMITTERS
