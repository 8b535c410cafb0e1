"""Conditions (``if``/``while`` tests, ``not``, conditional expressions)
compiled to C ints without intermediate bool objects.

As CPython's compiler_jump_if: a comparison is tested directly (and for
exact ints and floats without creating a bool, see
``include/nuitka/numbers.h``), ``a and b`` / ``a or b`` test each operand's
truth once, and comparison chains test each link once.
"""

from nuitka.optimization.shapes import specialised_operation

from .expressions import COMPARE_OP_CODES, emit_condition, emit_expr, emit_operands
from .unboxed import emit_unboxed_condition, emit_unboxed_truth, unboxed_compare, unboxed_tree


def emit_fast_condition(node, ctx):
    """C int temp with the truth value of ``node``, or None when the node
    has no special condition form (the caller tests its value)."""
    kind = node.kind
    if kind == "ExprCompare":
        return _emit_compare_condition(node, ctx)
    if kind in ("ExprBinary", "ExprInplace", "ExprUnary") and unboxed_tree(node, ctx):
        return emit_unboxed_truth(node, ctx)
    if kind == "ExprBuiltinCall":
        from .builtin_calls import emit_builtin_condition

        return emit_builtin_condition(node, ctx)
    if kind in ("ExprAnd", "ExprOr"):
        return _emit_bool_op_condition(node, ctx, kind == "ExprAnd")
    if kind == "ExprOutline" and not node.body:
        # Comparison chains: the result expression, then the temps it used.
        flag = emit_condition(node.result, ctx)
        for temp in node.release_temps or ():
            ctx.emit("Py_CLEAR(%s);" % ctx.temp_var(temp))
        return flag
    return None


def _emit_compare_condition(node, ctx):
    if unboxed_compare(node, ctx):
        return emit_unboxed_condition(node, ctx)
    left, right = emit_operands(ctx, [node.left, node.right])
    ctx.set_position(node.source_ref)
    flag = ctx.new_ctemp("int ")
    shape = specialised_operation(node)
    if shape is not None:
        # Two exact ints or floats (the optimizer's shapes): no bool object,
        # no type tests (include/nuitka/shaped_numbers.h).
        ctx.emit(
            "%s = Nuitka_%sShaped_CompareCondition(%s, %s, %s);"
            % (flag, shape.capitalize(), left, right, COMPARE_OP_CODES[node.op])
        )
        if shape == "int":
            ctx.check("%s < 0" % flag)
        ctx.release(left)
        ctx.release(right)
        return flag
    # A block-local result: it is never live across a check or a yield.
    ctx.emit("{")
    ctx.indent += 1
    ctx.emit("PyObject *cmp_result;")
    ctx.emit(
        "%s = Nuitka_CompareCondition(%s, %s, %s, &cmp_result);" % (flag, left, right, COMPARE_OP_CODES[node.op])
    )
    ctx.check("%s < 0" % flag)
    # COMPARE_OP releases the left operand first.
    ctx.release(left)
    ctx.release(right)
    # The truth of a rich comparison's result is taken after the operands
    # are released (COMPARE_OP then POP_JUMP_IF).
    ctx.emit("if (%s == 2) %s = Nuitka_TakeTruth(cmp_result);" % (flag, flag))
    ctx.indent -= 1
    ctx.emit("}")
    ctx.check("%s < 0" % flag)
    return flag


def _emit_bool_op_condition(node, ctx, is_and):
    flag = emit_condition(node.left, ctx)
    result = ctx.new_ctemp("int ")
    ctx.emit("%s = %s;" % (result, flag))
    ctx.emit("if (%s%s) {" % ("" if is_and else "!", result))
    ctx.indent += 1
    saved_pos = ctx.current_pos
    right = emit_condition(node.right, ctx)
    ctx.emit("%s = %s;" % (result, right))
    ctx.indent -= 1
    ctx.emit("}")
    if ctx.current_pos != saved_pos:
        ctx.current_pos = None
    return result
