"""Emitters of the PEP 695 nodes (``nuitka/nodes/type_params.py``)."""

from nuitka.nodes import scopes as S

from .expressions import emit_call_result, emit_expr, emit_variable_load, emitter, name_const

# CPython's intrinsic numbers (Include/internal/pycore_intrinsics.h): the
# same in 3.12 and 3.13.
INTRINSICS = {
    "TYPEVAR": (1, 7),
    "PARAMSPEC": (1, 8),
    "TYPEVARTUPLE": (1, 9),
    "SUBSCRIPT_GENERIC": (1, 10),
    "TYPEALIAS": (1, 11),
    "TYPEVAR_WITH_BOUND": (2, 2),
    "TYPEVAR_WITH_CONSTRAINTS": (2, 3),
    "SET_FUNCTION_TYPE_PARAMS": (2, 4),
    "SET_TYPEPARAM_DEFAULT": (2, 5),
}


@emitter("ExprIntrinsic")
def emit_intrinsic(node, ctx):
    arity, index = INTRINSICS[node.intrinsic]
    assert arity == len(node.args)
    values = [emit_expr(arg, ctx) for arg in node.args]
    if node.intrinsic == "TYPEALIAS":
        result = emit_call_result(ctx, node, "Nuitka_MakeTypeAlias(%s, globals)" % values[0])
        ctx.release(values[0])
        return result
    result = emit_call_result(
        ctx, node, "Nuitka_CallIntrinsic%d(%d, %s)" % (arity, index, ", ".join(values))
    )
    for value in reversed(values):
        ctx.release(value)
    return result


@emitter("ExprClassDictLoad")
def emit_class_dict_load(node, ctx):
    classdict = emit_variable_load(node.classdict, ctx, node.source_ref)
    var = node.variable
    if var.kind == S.GLOBAL:
        call = "Nuitka_LoadName(%s, globals, builtins, %s)" % (classdict, name_const(ctx, var.name))
    else:
        call = "Nuitka_LoadClassFree(%s, fl[%d], %s)" % (classdict, var.slot, name_const(ctx, var.name))
    result = emit_call_result(ctx, node, call)
    ctx.release(classdict)
    return result


@emitter("ExprClassNamespace")
def emit_class_namespace(node, ctx):
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(ns);" % result)
    ctx.add_live(result)
    return result


@emitter("ExprCellObject")
def emit_cell_object(node, ctx):
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(fl[%d]);" % (result, node.slot))
    ctx.add_live(result)
    return result
