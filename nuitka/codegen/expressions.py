"""Code generation for expression nodes.

Every emitter returns the name of a C temporary holding a new (owned)
reference, registered as live in the context until released or handed on.
``emit_operands`` is the way for consumers that do not steal: it may give
borrowed C expressions (constants, fast locals), which ``ctx.release``
leaves alone.
"""

from nuitka.nodes import scopes as S
from nuitka.optimization.shapes import is_exactly, shape_of, specialised_operation

from nuitka.optimization.traces import FRAME_LOCALS_WRITE_THROUGH

from .context import HandlerFrame
from .unboxed import emit_unboxed, emit_unboxed_subscript, unboxed_tree

EMITTERS = {}

BINARY_OP_CODES = {
    "+": "NUITKA_OP_ADD",
    "-": "NUITKA_OP_SUB",
    "*": "NUITKA_OP_MUL",
    "@": "NUITKA_OP_MATMUL",
    "/": "NUITKA_OP_TRUEDIV",
    "//": "NUITKA_OP_FLOORDIV",
    "%": "NUITKA_OP_MOD",
    "**": "NUITKA_OP_POW",
    "<<": "NUITKA_OP_LSHIFT",
    ">>": "NUITKA_OP_RSHIFT",
    "|": "NUITKA_OP_OR",
    "^": "NUITKA_OP_XOR",
    "&": "NUITKA_OP_AND",
}
COMPARE_OP_CODES = {
    "<": "NUITKA_CMP_LT",
    "<=": "NUITKA_CMP_LE",
    "==": "NUITKA_CMP_EQ",
    "!=": "NUITKA_CMP_NE",
    ">": "NUITKA_CMP_GT",
    ">=": "NUITKA_CMP_GE",
    "is": "NUITKA_CMP_IS",
    "is not": "NUITKA_CMP_IS_NOT",
    "in": "NUITKA_CMP_IN",
    "not in": "NUITKA_CMP_NOT_IN",
}
UNARY_FUNCS = {"-": "PyNumber_Negative", "+": "PyNumber_Positive", "~": "PyNumber_Invert"}


def emitter(kind):
    def register(func):
        EMITTERS[kind] = func
        return func

    return register


def emit_expr(node, ctx):
    return EMITTERS[node.kind](node, ctx)


def emit_call_result(ctx, node, call_code):
    """Emit ``t = call_code;`` with the error check; ``t`` becomes live."""
    ctx.set_position(node.source_ref)
    result = ctx.new_ctemp()
    ctx.emit("%s = %s;" % (result, call_code))
    ctx.check_null(result)
    ctx.add_live(result)
    return result


def emit_operation(ctx, node, template, *operands, borrow=True):
    """Emit the operand nodes in order, then ``template % operand_temps`` as a
    call that returns a new reference (error-checked at ``node``'s
    position), then release the operands. Returns the live result temp.
    ``borrow``: the call keeps no assumption about its operands' reference
    counts, so locals and constants may be passed borrowed
    (``emit_operands``)."""
    values = emit_operands(ctx, operands, borrow)
    result = emit_call_result(ctx, node, template % tuple(values))
    for value in reversed(values):
        ctx.release(value)
    return result


def emit_operands(ctx, operands, borrow=True):
    """Emit ``operands`` in order for a consumer that does not steal them and
    releases them (``ctx.release``) once it is done. A constant, and a fast
    local of this function that nothing evaluated after it (the later
    operands) can rebind, are passed as borrowed C expressions (the
    module's constants array, the frame's slot): no incref/decref.
    ``borrow`` False: only temps, or "arith": not what may be an exact
    float (the float operations reuse an operand only their caller holds,
    judged by its reference count of 1, which a borrowed value breaks)."""
    if not borrow:
        return [emit_expr(operand, ctx) for operand in operands]
    values = []
    for index, operand in enumerate(operands):
        value = _borrowed_ref(operand, ctx, operands[index + 1 :], borrow)
        if value is None:
            value = emit_expr(operand, ctx)
        values.append(value)
    return values


def _borrowed_ref(node, ctx, later, borrow):
    kind = node.kind
    if kind == "ExprConstant":
        if borrow == "arith" and type(node.value) is float:
            return None
        return ctx.borrow(ctx.module.const_ref(node.value))
    if kind == "ExprTempRef":
        # A temp changes only where this function's code assigns it (no
        # frame proxy reaches it); float arithmetic may reuse an operand
        # whose only reference is the temp's.
        if borrow == "arith" or any(_may_set_temp(other, node.temp) for other in later):
            return None
        return ctx.borrow(ctx.temp_var(node.temp))
    if kind != "ExprVariableRef" or FRAME_LOCALS_WRITE_THROUGH:
        # 3.13+: code run meanwhile may rebind any local through a frame's
        # f_locals (PEP 667), dropping the value the consumer still uses.
        return None
    var = node.variable
    if var.kind != S.LOCAL or var.owner is not ctx.scope or var.slot is None:
        return None
    if borrow == "arith":
        shape = shape_of(node)
        if shape is None or "float" in shape:
            return None
    for other in later:
        if _may_rebind(other, var):
            return None
    if var.slot not in ctx.bound_slots and not getattr(node, "bound", False):
        ctx.emit("if (unlikely(fl[%d] == NULL)) {" % var.slot)
        ctx.indent += 1
        ctx.set_position(node.source_ref)
        ctx.emit("Nuitka_RaiseUnboundLocal(%s);" % name_const(ctx, var.name))
        ctx.emit("goto %s;" % ctx.error_label())
        ctx.indent -= 1
        ctx.emit("}")
        ctx.current_pos = None
    return ctx.borrow("fl[%d]" % var.slot)


def _may_set_temp(tree, temp):
    """Can evaluating ``tree`` assign or take ``temp``?"""
    return any(node.kind != "ExprTempRef" and getattr(node, "temp", None) is temp for node in tree.walk())


def _may_rebind(tree, var):
    """Can evaluating ``tree`` assign, delete or (3.12+ inlined
    comprehension) save and clear the slot of ``var``?"""
    for node in tree.walk():
        kind = node.kind
        if kind == "ExprVariableRef":
            continue
        if getattr(node, "variable", None) is var or var in (getattr(node, "variables", None) or ()):
            return True
        if kind == "ExprInlinedComprehension" and any(slot == var.slot for _t, slot, _c in node.saves):
            return True
    return False


def emit_condition(node, ctx):
    """Emit code for the truth value of node; returns a C int expression
    (a fresh int variable) that is 0 or 1."""
    if node.kind == "ExprNot":
        inner = emit_condition(node.operand, ctx)
        return "!%s" % inner
    if node.kind == "ExprExceptionMatch":
        handler = ctx.innermost_handler()
        exc_type = emit_expr(node.exc_type, ctx)
        ctx.set_position(node.source_ref)
        flag = ctx.new_ctemp("int ")
        ctx.emit("%s = Nuitka_ExceptionMatch(%s, %s);" % (flag, handler.exc_temp, exc_type))
        ctx.check("%s < 0" % flag)
        ctx.release(exc_type)
        return flag
    from .conditions import emit_fast_condition

    flag = emit_fast_condition(node, ctx)
    if flag is not None:
        return flag
    value = _borrowed_ref(node, ctx, (), True) or emit_expr(node, ctx)
    flag = ctx.new_ctemp("int ")
    shape = shape_of(node)
    if is_exactly(shape, "bool"):
        ctx.emit("%s = (%s == Py_True);" % (flag, value))
    elif is_exactly(shape, "int"):
        ctx.emit("%s = Nuitka_IntShaped_IsTrue(%s);" % (flag, value))
    else:
        ctx.emit("%s = Nuitka_IsTrue(%s);" % (flag, value))
        ctx.check("%s < 0" % flag)
    ctx.release(value)
    return flag


@emitter("ExprConstant")
def emit_constant(node, ctx):
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(%s);" % (result, ctx.module.const_ref(node.value)))
    ctx.add_live(result)
    return result


def name_const(ctx, name):
    return ctx.module.const_ref(name)


@emitter("ExprVariableRef")
def emit_variable_ref(node, ctx):
    return emit_variable_load(node.variable, ctx, node.source_ref, getattr(node, "bound", False))


def emit_variable_load(var, ctx, source_ref, bound=False):
    """A new reference to ``var``'s value; ``bound``: the optimizer found
    every way to this read assigns a fast local (no unbound check)."""
    kind = var.kind
    if kind == "builtin":
        result = ctx.new_ctemp()
        ctx.emit("%s = Py_NewRef(PyExc_%s);" % (result, var.name))
        ctx.add_live(result)
        return result
    if kind == S.GLOBAL:
        cache = ctx.module.new_site_cache("Nuitka_GlobalCache")
        return emit_call_result(
            ctx,
            _Ref(source_ref),
            "Nuitka_LoadGlobalCached(globals, builtins, %s, &%s)" % (name_const(ctx, var.name), cache),
        )
    if kind == S.NAME:
        return emit_call_result(
            ctx, _Ref(source_ref), "Nuitka_LoadName(ns, globals, builtins, %s)" % name_const(ctx, var.name)
        )
    if kind == S.CLASSFREE:
        return emit_call_result(
            ctx, _Ref(source_ref), "Nuitka_LoadClassFree(ns, fl[%d], %s)" % (var.slot, name_const(ctx, var.name))
        )
    result = ctx.new_ctemp()
    if kind == S.LOCAL and (var.slot in ctx.bound_slots or bound) and var.owner is ctx.scope:
        # A parameter nothing unbinds.
        ctx.emit("%s = Py_NewRef(fl[%d]);" % (result, var.slot))
        ctx.add_live(result)
        return result
    if kind == S.LOCAL:
        ctx.emit("%s = fl[%d];" % (result, var.slot))
        raiser = "Nuitka_RaiseUnboundLocal"
    else:
        ctx.emit("%s = PyCell_GET(fl[%d]);" % (result, var.slot))
        raiser = "Nuitka_RaiseUnboundLocal" if kind == S.CELL else "Nuitka_RaiseUnboundFree"
    ctx.emit("if (unlikely(%s == NULL)) {" % result)
    ctx.indent += 1
    ctx.set_position(source_ref)
    ctx.emit("%s(%s);" % (raiser, name_const(ctx, var.name)))
    ctx.emit("goto %s;" % ctx.error_label())
    ctx.indent -= 1
    ctx.emit("}")
    ctx.current_pos = None
    ctx.emit("Py_INCREF(%s);" % result)
    ctx.add_live(result)
    return result


class _Ref:
    """Adapter giving a bare source_ref the node interface."""

    def __init__(self, source_ref):
        self.source_ref = source_ref


@emitter("ExprTempRef")
def emit_temp_ref(node, ctx):
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(%s);" % (result, ctx.temp_var(node.temp)))
    ctx.add_live(result)
    return result


@emitter("ExprAssignTemp")
def emit_assign_temp(node, ctx):
    value = emit_expr(node.value, ctx)
    ctx.emit("Py_XSETREF(%s, Py_NewRef(%s));" % (ctx.temp_var(node.temp), value))
    return value


@emitter("ExprAssignVariable")
def emit_assign_variable(node, ctx):
    from .statements import emit_variable_store

    value = emit_expr(node.value, ctx)
    ctx.emit("Py_INCREF(%s);" % value)
    extra = ctx.new_ctemp()
    ctx.emit("%s = %s;" % (extra, value))
    ctx.add_live(extra)
    emit_variable_store(node.variable, extra, ctx, node.source_ref)
    return value


@emitter("ExprAttribute")
def emit_attribute(node, ctx):
    cache = ctx.module.new_site_cache("Nuitka_AttrCache")
    return emit_operation(
        ctx, node, "Nuitka_GetAttrCached(%%s, %s, &%s)" % (name_const(ctx, node.name), cache), node.source
    )


@emitter("ExprSubscript")
def emit_subscript(node, ctx):
    if node.index.kind == "ExprSlice":
        template, operands = slice_call("Nuitka_GetSlice(%s, %s)", node.index)
        return emit_operation(ctx, node, template, node.source, *operands)
    result = emit_unboxed_subscript(node, ctx)
    if result is not None:
        return result
    return emit_operation(ctx, node, "Nuitka_GetItem(%s, %s)", node.source, node.index)


def slice_call(template, index):
    """``template`` (``%s`` for the container, ``%s`` for the parts) with
    the slice's three parts, absent ones as NULL, and the part nodes to
    emit after the container: slicing without a slice object
    (``runtime/slices.c``), evaluated in BUILD_SLICE's order."""
    parts = [index.lower, index.upper, index.step]
    return (
        template % ("%s", ", ".join("%s" if part is not None else "NULL" for part in parts)),
        [part for part in parts if part is not None],
    )


@emitter("ExprSlice")
def emit_slice(node, ctx):
    parts = []
    for part in (node.lower, node.upper, node.step):
        parts.append(emit_expr(part, ctx) if part is not None else None)
    result = ctx.new_ctemp()
    ctx.emit(
        "%s = PySlice_New(%s);" % (result, ", ".join(p if p is not None else "NULL" for p in parts))
    )
    ctx.check_null(result)
    for part in reversed(parts):
        if part is not None:
            ctx.release(part)
    ctx.add_live(result)
    return result


# Operators with int/float fast paths in nuitka/numbers.h.
FAST_BINARY_OPS = {"+", "-", "*", "/", "//", "%", "&", "|", "^"}


def _shaped_template(node):
    """The C call for an operation on two values the optimizer knows are
    exact ints or exact floats (``include/nuitka/shaped_numbers.h``), or
    None."""
    shape = specialised_operation(node)
    if shape is None:
        return None
    prefix = "Nuitka_IntShaped_" if shape == "int" else "Nuitka_FloatShaped_"
    if node.kind == "ExprCompare":
        return prefix + "Compare(%%s, %%s, %s)" % COMPARE_OP_CODES[node.op]
    return prefix + BINARY_OP_CODES[node.op][len("NUITKA_OP_"):] + "(%s, %s)"


@emitter("ExprBinary")
def emit_binary(node, ctx):
    if unboxed_tree(node, ctx):
        return emit_unboxed(node, ctx)
    shaped = _shaped_template(node)
    if shaped is not None:
        return emit_operation(ctx, node, shaped, node.left, node.right, borrow="arith")
    if node.op in FAST_BINARY_OPS:
        template = "Nuitka_Binary_%s(%%s, %%s)" % BINARY_OP_CODES[node.op][len("NUITKA_OP_"):]
    else:
        template = "Nuitka_BinaryOp(%%s, %%s, %s)" % BINARY_OP_CODES[node.op]
    return emit_operation(ctx, node, template, node.left, node.right, borrow="arith")


@emitter("ExprInplace")
def emit_inplace(node, ctx):
    # Exact ints and floats have no in-place slots: as the binary operation.
    if unboxed_tree(node, ctx):
        return emit_unboxed(node, ctx)
    shaped = _shaped_template(node)
    if shaped is not None:
        return emit_operation(ctx, node, shaped, node.left, node.right, borrow="arith")
    if node.op in FAST_BINARY_OPS:
        template = "Nuitka_Inplace_%s(%%s, %%s)" % BINARY_OP_CODES[node.op][len("NUITKA_OP_"):]
    else:
        template = "Nuitka_InplaceOp(%%s, %%s, %s)" % BINARY_OP_CODES[node.op]
    return emit_operation(ctx, node, template, node.left, node.right, borrow="arith")


@emitter("ExprUnary")
def emit_unary(node, ctx):
    if unboxed_tree(node, ctx):
        return emit_unboxed(node, ctx)
    return emit_operation(ctx, node, UNARY_FUNCS[node.op] + "(%s)", node.operand, borrow="arith")


@emitter("ExprNot")
def emit_not(node, ctx):
    flag = emit_condition(node.operand, ctx)
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(%s ? Py_False : Py_True);" % (result, flag))
    ctx.add_live(result)
    return result


@emitter("ExprCompare")
def emit_compare(node, ctx):
    shaped = _shaped_template(node)
    if shaped is not None:
        return emit_operation(ctx, node, shaped, node.left, node.right)
    return emit_operation(
        ctx, node, "Nuitka_CompareObject(%%s, %%s, %s)" % COMPARE_OP_CODES[node.op], node.left, node.right
    )


def _emit_short_circuit(node, ctx, is_and):
    left = emit_expr(node.left, ctx)
    flag = ctx.new_ctemp("int ")
    ctx.emit("%s = Nuitka_IsTrue(%s);" % (flag, left))
    ctx.check("%s < 0" % flag)
    result = ctx.new_ctemp()
    ctx.emit("if (%s%s) {" % ("" if is_and else "!", flag))
    ctx.indent += 1
    ctx.release(left)
    saved_pos = ctx.current_pos
    right = emit_expr(node.right, ctx)
    ctx.emit("%s = %s;" % (result, right))
    ctx.forget(right)
    ctx.indent -= 1
    ctx.emit("} else {")
    ctx.indent += 1
    ctx.emit("%s = %s;" % (result, left))
    if ctx.is_generator:
        ctx.emit("%s = NULL;" % left)
    ctx.indent -= 1
    ctx.emit("}")
    ctx.current_pos = None if ctx.current_pos != saved_pos else saved_pos
    ctx.current_pos = None
    ctx.add_live(result)
    return result


@emitter("ExprAnd")
def emit_and(node, ctx):
    return _emit_short_circuit(node, ctx, True)


@emitter("ExprOr")
def emit_or(node, ctx):
    return _emit_short_circuit(node, ctx, False)


@emitter("ExprConditional")
def emit_conditional(node, ctx):
    flag = emit_condition(node.condition, ctx)
    result = ctx.new_ctemp()
    ctx.emit("if (%s) {" % flag)
    ctx.indent += 1
    yes = emit_expr(node.yes, ctx)
    ctx.emit("%s = %s;" % (result, yes))
    ctx.forget(yes)
    ctx.indent -= 1
    ctx.emit("} else {")
    ctx.indent += 1
    ctx.current_pos = None
    no = emit_expr(node.no, ctx)
    ctx.emit("%s = %s;" % (result, no))
    ctx.forget(no)
    ctx.indent -= 1
    ctx.emit("}")
    ctx.current_pos = None
    ctx.add_live(result)
    return result


@emitter("ExprOutline")
def emit_outline(node, ctx):
    from .statements import emit_statements

    emit_statements(node.body, ctx)
    result = emit_expr(node.result, ctx)
    for temp in node.release_temps or ():
        ctx.emit("Py_CLEAR(%s);" % ctx.temp_var(temp))
    return result


def _counts_references(node):
    """A call of ``getrefcount`` (``sys.getrefcount(x)``, or the name
    imported from sys): CPython's count includes the reference of the
    argument on the interpreter's stack, so its arguments are not passed
    borrowed (one less)."""
    func = node.func
    if func.kind == "ExprAttribute":
        return func.name == "getrefcount"
    variable = getattr(func, "variable", None)
    return getattr(variable, "name", None) == "getrefcount"


def _emit_method_call(node, ctx, call=None):
    """``obj.name(args)`` as LOAD_METHOD + CALL: no bound method object.
    ``call(method, unbound, array, nargs, kwnames)`` gives the C of the
    call when another one than Nuitka_CallMethod is wanted."""
    attribute = node.func
    operands = [attribute.source] + list(node.args) + list(node.kw_values)
    source = _borrowed_ref(attribute.source, ctx, operands[1:], True) or emit_expr(attribute.source, ctx)
    ctx.set_position(attribute.source_ref)
    method = ctx.new_out_ctemp()
    unbound = ctx.new_ctemp("int ")
    cache = ctx.module.new_site_cache("Nuitka_AttrCache")
    ctx.emit(
        "%s = Nuitka_LoadMethodCached(%s, %s, &%s, &%s);"
        % (unbound, source, name_const(ctx, attribute.name), method, cache)
    )
    ctx.check("%s < 0" % unbound)
    ctx.add_live(method)
    all_args = emit_operands(ctx, operands[1:], not _counts_references(node))
    args = all_args[: len(node.args)]
    kwnames = ctx.module.const_ref(tuple(node.kw_names)) if node.kw_names else "NULL"
    array = ctx.new_label("method_args")
    ctx.emit("{")
    ctx.indent += 1
    ctx.emit("PyObject *%s[%d] = {%s};" % (array, len(all_args) + 1, ", ".join([source] + all_args)))
    if call is None:
        call_code = "Nuitka_CallMethod(tstate, %s, %s, %s, %d, %s)" % (method, unbound, array, len(args), kwnames)
    else:
        call_code = call(method, unbound, array, len(args), kwnames)
    result = emit_call_result(ctx, node, call_code)
    ctx.indent -= 1
    ctx.emit("}")
    for value in reversed(all_args):
        ctx.release(value)
    ctx.release(method)
    ctx.release(source)
    return result


def _list_append_call(method, unbound, array, nargs, kwnames):
    """``x.append(v)``: inline when ``x`` is exactly a list."""
    generic = "Nuitka_CallMethod(tstate, %s, %s, %s, %d, %s)" % (method, unbound, array, nargs, kwnames)
    return "(PyList_CheckExact(%s[0]) ? Nuitka_List_AppendNone(%s[0], %s[1]) : %s)" % (array, array, array, generic)


@emitter("ExprCall")
def emit_call(node, ctx):
    has_star = any(node.star_flags) or any(name is None for name in node.kw_names)
    if not has_star and node.func.kind == "ExprAttribute":
        if node.func.name == "append" and len(node.args) == 1 and not node.kw_names:
            return _emit_method_call(node, ctx, _list_append_call)
        return _emit_method_call(node, ctx)
    if not has_star:
        values = emit_operands(ctx, [node.func] + list(node.args) + list(node.kw_values),
                               not _counts_references(node))
        func = values[0]
        all_args = values[1:]
        args = all_args[: len(node.args)]
        kwnames = ctx.module.const_ref(tuple(node.kw_names)) if node.kw_names else "NULL"
        if all_args:
            # A C array on the stack, filled just before the call.
            array = ctx.new_label("call_args")
            ctx.emit("{")
            ctx.indent += 1
            ctx.emit("PyObject *%s[%d] = {%s};" % (array, len(all_args), ", ".join(all_args)))
            result = emit_call_result(
                ctx, node, "Nuitka_Call(tstate, %s, %s, %d, %s)" % (func, array, len(args), kwnames)
            )
            ctx.indent -= 1
            ctx.emit("}")
        else:
            result = emit_call_result(ctx, node, "Nuitka_CallNoArgs(tstate, %s)" % func)
        for value in reversed(all_args):
            ctx.release(value)
        ctx.release(func)
        return result
    func = emit_expr(node.func, ctx)
    # Calls with star arguments: build the positional list and kw dict.
    # A lone ``*value`` is passed itself (CPython's compiler builds no
    # list for it; an exact tuple reaches the callee unchanged).
    pos_list = ctx.new_ctemp()
    single_star = len(node.args) == 1 and node.star_flags[0]
    if single_star:
        star_value = emit_expr(node.args[0], ctx)
        ctx.emit("%s = %s;" % (pos_list, star_value))
        ctx.forget(star_value)
    else:
        ctx.emit("%s = PyList_New(0);" % pos_list)
        ctx.check_null(pos_list)
    ctx.add_live(pos_list)
    for arg, is_star in zip(node.args, node.star_flags) if not single_star else ():
        value = emit_expr(arg, ctx)
        if is_star:
            ctx.set_position(node.source_ref)
            ctx.check("Nuitka_ExtendCallArgs(%s, %s, %s) < 0" % (func, pos_list, value))
        else:
            ctx.check("PyList_Append(%s, %s) < 0" % (pos_list, value))
        ctx.release(value)
    kw_dict = "NULL"
    if node.kw_names:
        kw_dict = ctx.new_ctemp()
        ctx.emit("%s = PyDict_New();" % kw_dict)
        ctx.check_null(kw_dict)
        ctx.add_live(kw_dict)
        for name, value_node in zip(node.kw_names, node.kw_values):
            value = emit_expr(value_node, ctx)
            ctx.set_position(node.source_ref)
            if name is None:
                ctx.check("Nuitka_MergeCallKwargs(%s, %s, %s) < 0" % (func, kw_dict, value))
            else:
                single = ctx.new_ctemp()
                ctx.emit("%s = _PyDict_NewPresized(1);" % single)
                ctx.check_null(single)
                ctx.add_live(single)
                ctx.check("PyDict_SetItem(%s, %s, %s) < 0" % (single, name_const(ctx, name), value))
                ctx.check("Nuitka_MergeCallKwargs(%s, %s, %s) < 0" % (func, kw_dict, single))
                ctx.release(single)
            ctx.release(value)
    helper = "Nuitka_CallWithStarTuple" if single_star else "Nuitka_CallWithStar"
    result = emit_call_result(ctx, node, "%s(%s, %s, %s)" % (helper, func, pos_list, kw_dict))
    if kw_dict != "NULL":
        ctx.release(kw_dict)
    ctx.release(pos_list)
    ctx.release(func)
    return result


@emitter("ExprFormatValue")
def emit_format_value(node, ctx):
    value = emit_expr(node.value, ctx)
    spec = emit_expr(node.spec, ctx) if node.spec is not None else None
    conversion = node.conversion if node.conversion not in (None, -1) else 0
    result = emit_call_result(
        ctx, node, "Nuitka_FormatValue(%s, %d, %s)" % (value, conversion, spec or "NULL")
    )
    if spec is not None:
        ctx.release(spec)
    ctx.release(value)
    return result


@emitter("ExprJoinStr")
def emit_join_str(node, ctx):
    values = [emit_expr(v, ctx) for v in node.values]
    if len(values) == 1:
        return values[0]
    array = ctx.new_label("join_args")
    ctx.emit("{")
    ctx.indent += 1
    ctx.emit("PyObject *%s[%d] = {%s};" % (array, max(len(values), 1), ", ".join(values) or "NULL"))
    result = emit_call_result(ctx, node, "Nuitka_JoinStrings(%s, %d)" % (array, len(values)))
    ctx.indent -= 1
    ctx.emit("}")
    for value in reversed(values):
        ctx.release(value)
    return result


@emitter("ExprIter")
def emit_iter(node, ctx):
    return emit_operation(ctx, node, "PyObject_GetIter(%s)", node.value)


@emitter("ExprUnpack")
def emit_unpack(node, ctx):
    star = node.star_index if node.star_index is not None else -1
    return emit_operation(ctx, node, "Nuitka_Unpack(%%s, %d, %d)" % (node.count, star), node.value)


@emitter("ExprTupleItem")
def emit_tuple_item(node, ctx):
    source = emit_expr(node.source, ctx)
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(PyTuple_GET_ITEM(%s, %d));" % (result, source, node.index))
    ctx.add_live(result)
    ctx.release(source)
    return result


@emitter("ExprCaughtException")
def emit_caught_exception(node, ctx):
    handler = ctx.innermost_handler()
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(%s);" % (result, handler.exc_temp))
    ctx.add_live(result)
    return result


@emitter("ExprExceptionMatch")
def emit_exception_match(node, ctx):
    flag = emit_condition(node, ctx)
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(%s ? Py_True : Py_False);" % (result, flag))
    ctx.add_live(result)
    return result


@emitter("ExprWithEnter")
def emit_with_enter(node, ctx):
    return emit_operation(ctx, node, "Nuitka_WithEnter(%%s, &%s)" % ctx.temp_var(node.exit_temp), node.manager)


@emitter("ExprWithExit")
def emit_with_exit(node, ctx):
    exc = "NULL"
    if node.with_exception:
        exc = ctx.innermost_handler().exc_temp
    return emit_call_result(
        ctx, node, "Nuitka_WithExit(tstate, %s, %s)" % (ctx.temp_var(node.exit_temp), exc)
    )


@emitter("ExprImportName")
def emit_import_name(node, ctx):
    fromlist = ctx.module.const_ref(node.fromlist) if node.fromlist is not None else "Py_None"
    locals_expr = "iframe->f_locals"
    return emit_call_result(
        ctx,
        node,
        "Nuitka_ImportName(globals, %s, builtins, %s, %s, %d)"
        % (locals_expr, name_const(ctx, node.module_name), fromlist, node.level),
    )


@emitter("ExprImportFrom")
def emit_import_from(node, ctx):
    return emit_operation(ctx, node, "Nuitka_ImportFrom(%%s, %s)" % name_const(ctx, node.name), node.module)


def closure_slot(scope, name):
    """The cell or free slot of ``name`` (3.12+ may also have a hidden
    local slot of that name for an inlined comprehension)."""
    for slot, (slot_name, kind) in enumerate(zip(scope.localsplus_names, scope.localsplus_kinds)):
        if slot_name == name and kind in (S.CELL, S.FREE):
            return slot
    return scope.localsplus_names.index(name)


def _closure_for(child, ctx):
    """Tuple of cells for a child scope's free variables, or None."""
    slots = closure_cell_slots(child, ctx)
    if not slots:
        return "NULL"
    closure = ctx.new_ctemp()
    ctx.emit("%s = PyTuple_New(%d);" % (closure, len(slots)))
    ctx.check_null(closure)
    for i, slot in enumerate(slots):
        ctx.emit("PyTuple_SET_ITEM(%s, %d, Py_NewRef(fl[%d]));" % (closure, i, slot))
    ctx.add_live(closure)
    return closure


def closure_cell_slots(child, ctx):
    """The slots of ``ctx``'s frame holding the cells of a child scope's
    free variables, in order."""
    freevars = child.code.co_freevars if child.code is not None else ()
    slots = []
    for name in freevars:
        var = ctx.scope.variables.get(name)
        if name in child.closure_slots:
            slot = child.closure_slots[name]
        elif ctx.scope.scope_kind == "class" and name in ctx.scope.code.co_cellvars:
            # A class's own cell (__class__, 3.12+ __classdict__), even where
            # the body itself reads a free variable of that name from an
            # enclosing function (as CPython's get_ref_type: always CELL).
            slot = closure_slot(ctx.scope, name)
        elif var is None or var.slot is None:
            slot = closure_slot(ctx.scope, name)
        else:
            slot = var.slot
        slots.append(slot)
    return slots


@emitter("ExprMakeFunction")
def emit_make_function(node, ctx):
    defaults = "NULL"
    if node.defaults:
        values = [emit_expr(d, ctx) for d in node.defaults]
        defaults = ctx.new_ctemp()
        ctx.emit("%s = PyTuple_New(%d);" % (defaults, len(values)))
        ctx.check_null(defaults)
        for i, value in enumerate(values):
            ctx.emit("PyTuple_SET_ITEM(%s, %d, %s);" % (defaults, i, value))
            ctx.forget(value)
        ctx.add_live(defaults)
    kwdefaults = _emit_name_dict(node.kw_default_names, node.kw_default_values, ctx)
    annotations = _emit_name_dict(node.annotation_names, node.annotation_values, ctx)
    closure = _closure_for(node.scope, ctx)
    ctx.set_position(node.source_ref)
    result = ctx.new_ctemp()
    ctx.emit(
        "%s = Nuitka_Function_New(&%s_info, globals, %s, %s, %s, %s);"
        % (result, node.scope.c_name, defaults, kwdefaults, annotations, closure)
    )
    for name in (closure, annotations, kwdefaults, defaults):
        if name != "NULL":
            ctx.forget(name)
    ctx.check_null(result)
    ctx.add_live(result)
    return result


def _emit_name_dict(names, value_nodes, ctx):
    if not names:
        return "NULL"
    values = [emit_expr(v, ctx) for v in value_nodes]
    result = ctx.new_ctemp()
    ctx.emit("%s = _PyDict_NewPresized(%d);" % (result, len(values)))
    ctx.check_null(result)
    ctx.add_live(result)
    for name, value in zip(names, values):
        ctx.check("PyDict_SetItem(%s, %s, %s) < 0" % (result, name_const(ctx, name), value))
    for value in reversed(values):
        ctx.release(value)
    return result


@emitter("ExprBuildClass")
def emit_build_class(node, ctx):
    # LOAD_BUILD_CLASS comes first: whatever builtins.__build_class__ is now.
    build_class = emit_call_result(ctx, node, "Nuitka_LoadBuildClass(builtins)")
    bases_display = type("Bases", (), {})()
    bases_display.elements = node.bases
    bases_display.star_flags = node.star_flags
    bases_display.source_ref = node.source_ref
    if node.bases:
        from .displays import emit_sequence_display

        bases = emit_sequence_display(bases_display, ctx, "tuple")
    else:
        bases = ctx.new_ctemp()
        ctx.emit("%s = PyTuple_New(0);" % bases)
        ctx.check_null(bases)
        ctx.add_live(bases)
    kw = "NULL"
    if node.kw_names:
        kw = ctx.new_ctemp()
        ctx.emit("%s = PyDict_New();" % kw)
        ctx.check_null(kw)
        ctx.add_live(kw)
        for name, value_node in zip(node.kw_names, node.kw_values):
            value = emit_expr(value_node, ctx)
            ctx.set_position(node.source_ref)
            if name is None:
                ctx.check("Nuitka_DictUpdate(%s, %s) < 0" % (kw, value))
            else:
                ctx.check("PyDict_SetItem(%s, %s, %s) < 0" % (kw, name_const(ctx, name), value))
            ctx.release(value)
    closure = _closure_for(node.scope, ctx)
    body = ctx.new_ctemp()
    ctx.emit(
        "%s = Nuitka_Function_New(&%s_info, globals, NULL, NULL, NULL, %s);" % (body, node.scope.c_name, closure)
    )
    if closure != "NULL":
        ctx.forget(closure)
    ctx.check_null(body)
    ctx.add_live(body)
    result = emit_call_result(
        ctx,
        node,
        "Nuitka_CallBuildClass(%s, %s, %s, %s, %s)" % (build_class, body, name_const(ctx, node.scope.name), bases, kw),
    )
    ctx.release(body)
    if kw != "NULL":
        ctx.release(kw)
    ctx.release(bases)
    ctx.release(build_class)
    return result


def _emit_resume_label(ctx, number, pos):
    """The label a generator resumes at; the frame's position is still the
    one of the yield (kept in the frame), so the context knows it too."""
    ctx.lines.append("resume_%d:;" % number)
    ctx.current_pos = pos


def emit_value_or_none(node, ctx):
    """Emit ``node``, or produce None when there is no node."""
    if node is not None:
        return emit_expr(node, ctx)
    value = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(Py_None);" % value)
    ctx.add_live(value)
    return value


@emitter("ExprYield")
def emit_yield(node, ctx):
    value = emit_value_or_none(node.value, ctx)
    ctx.set_position(node.source_ref)
    pos = ctx.current_pos
    ctx.yield_count += 1
    number = ctx.yield_count
    ctx.emit("gen->resume_point = %d;" % number)
    ctx.emit("{ PyObject *yielded = %s; %s = NULL; return yielded; }" % (value, value))
    ctx.live.remove(value)
    _emit_resume_label(ctx, number, pos)
    # sent == NULL: an exception was thrown in at the yield.
    ctx.check("sent == NULL")
    result = ctx.new_ctemp()
    ctx.emit("%s = Py_NewRef(sent);" % result)
    ctx.add_live(result)
    return result


def emit_delegation(ctx, value, begin_call, check=None):
    """Delegate to the owned ``value`` (released) until it finishes, as
    SEND does for ``yield from`` and ``await``. ``begin_call`` is a C call
    template taking the value and the result pointer (``%s`` twice); it
    returns -1 (error), 0 (finished at once, result set) or 1 (first value
    to yield in result). ``check(condition)`` emits the error exit (default:
    the context's). Returns the live C temp with the delegate's result."""
    check = check or ctx.check
    pos = ctx.current_pos
    result = ctx.new_ctemp()
    flag = ctx.new_ctemp("int ")
    ctx.emit("%s = %s;" % (flag, begin_call % (value, "&" + result)))
    ctx.release(value)
    check("%s < 0" % flag)
    ctx.yield_count += 1
    number = ctx.yield_count
    done = ctx.new_label("delegation_done")
    ctx.emit(
        "if (%s == 1) { PyObject *yielded = %s; %s = NULL; gen->resume_point = %d; return yielded; }"
        % (flag, result, result, number)
    )
    ctx.emit("goto %s;" % done)
    _emit_resume_label(ctx, number, pos)
    # The runtime delegated to gen->yieldfrom; sent is its return value, or
    # NULL when it raised (or an exception was thrown in).
    check("sent == NULL")
    ctx.emit("%s = Py_NewRef(sent);" % result)
    ctx.lines.append("%s:;" % done)
    ctx.add_live(result)
    return result


@emitter("ExprYieldFrom")
def emit_yield_from(node, ctx):
    value = emit_expr(node.value, ctx)
    ctx.set_position(node.source_ref)
    return emit_delegation(ctx, value, "Nuitka_YieldFromBegin(tstate, gen, %s, %s)")
