"""Arithmetic on C numbers, guarded at run time, boxed once.

An arithmetic expression whose leaves are local variables of the function
and number constants (``dx * dx + dy * dy + dz * dz``, ``(i + j) * (i +
j + 1) // 2 + i + 1``, ``x ** -1.5``) is emitted twice:

* a fast path that peeks the variables (no references taken), checks that
  each is an exact float or an exact compact int, computes the whole tree
  on C values (``include/nuitka/unboxed.h``: C long longs with overflow
  checks, C doubles) and boxes only the root's result;
* the generic code as before, taken when any check fails (a subclass, an
  overridden ``__add__``, a big int, an unbound variable, an overflow, a
  zero divisor, ...), so every error and every result is CPython's.

The fast path runs no code of the program and has no effects, so taking
the generic path after it started repeats nothing observable. Comparisons
in conditions (``while r != n``, ``if a * b < c``) whose operands are such
trees or leaves are tested on the C values without any object.

This is a run-time guard, not an assumption: it works without the
optimizer's shapes (parameters, values unpacked from lists, builtin
results). Where the shapes are known the generic path is still emitted.
"""

from nuitka.nodes import scopes as S

#: Python operator -> suffix of Nuitka_Num_<OP> in unboxed.h.
_BINARY = {
    "+": "ADD", "-": "SUB", "*": "MUL", "/": "TRUEDIV", "//": "FLOORDIV", "%": "MOD", "**": "POW",
    "&": "AND", "|": "OR", "^": "XOR", "<<": "LSHIFT", ">>": "RSHIFT",
}
_UNARY = {"-": "NEG", "+": "POS", "~": "INVERT"}
#: Comparison operator -> CPython's Py_LT & co.
_COMPARE = {"<": "Py_LT", "<=": "Py_LE", "==": "Py_EQ", "!=": "Py_NE", ">": "Py_GT", ">=": "Py_GE"}

# Int constants in trees (their values stay far from long long overflow
# in one operation; larger ones take the generic code).
_INT_LIMIT = 2**53
#: Fewest operations a value tree needs to be worth the second copy.
MIN_OPERATIONS = 1


def _is_number_constant(node):
    if node.kind != "ExprConstant":
        return False
    value = node.value
    if type(value) is int:
        return -_INT_LIMIT <= value <= _INT_LIMIT
    if type(value) is float:
        return value - value == 0.0  # finite
    return False


def _is_local(node, scope):
    return node.kind == "ExprVariableRef" and node.variable.kind == S.LOCAL and node.variable.owner is scope


def _measure(node, scope):
    """(operations, variable leaves) of the tree at ``node``, or None when
    it is not a tree of such operations over locals and constants."""
    kind = node.kind
    if kind in ("ExprBinary", "ExprInplace") and node.op in _BINARY:
        left = _measure(node.left, scope)
        right = _measure(node.right, scope) if left is not None else None
        if right is None:
            return None
        return left[0] + right[0] + 1, left[1] + right[1]
    if kind == "ExprUnary" and node.op in _UNARY:
        inner = _measure(node.operand, scope)
        return None if inner is None else (inner[0] + 1, inner[1])
    if _is_local(node, scope) or node.kind == "ExprTempRef":
        return 0, 1
    if _is_number_constant(node):
        return 0, 0
    return None


def unboxed_tree(node, ctx):
    """Whether ``node`` (an operation) is emitted by :func:`emit_unboxed`."""
    if getattr(ctx, "no_unboxed", False):
        return False
    measure = _measure(node, ctx.scope)
    return measure is not None and measure[0] >= MIN_OPERATIONS and measure[1] > 0


def unboxed_compare(node, ctx):
    """Whether the comparison ``node`` is tested by
    :func:`emit_unboxed_condition`."""
    if getattr(ctx, "no_unboxed", False) or node.kind != "ExprCompare" or node.op not in _COMPARE:
        return False
    left, right = _measure(node.left, ctx.scope), _measure(node.right, ctx.scope)
    return left is not None and right is not None and left[1] + right[1] > 0


class _Fast:
    """The C condition of a fast path: a chain of ``&&``-ed steps, each
    setting one Nuitka_Num of a block."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.count = 0
        self.steps = []
        self.loaded = {}  # slot -> Nuitka_Num (nothing runs between loads)

    def new(self):
        self.count += 1
        return "n%d" % self.count

    def value(self, node):
        """Name of the Nuitka_Num with ``node``'s value."""
        kind = node.kind
        if kind == "ExprConstant":
            name = self.new()
            if type(node.value) is int:
                self.steps.append("((%s = Nuitka_Num_Int(%dLL)), 1)" % (name, node.value))
            else:
                self.steps.append("((%s = Nuitka_Num_Float(%s)), 1)" % (name, node.value.hex()))
            return name
        if kind == "ExprVariableRef":
            slot = node.variable.slot
            if slot not in self.loaded:
                self.loaded[slot] = self.new()
                self.steps.append("Nuitka_Num_Load(fl[%d], &%s)" % (slot, self.loaded[slot]))
            return self.loaded[slot]
        if kind == "ExprTempRef":
            name = self.new()
            self.steps.append("Nuitka_Num_Load(%s, &%s)" % (self.ctx.temp_var(node.temp), name))
            return name
        if kind == "ExprUnary":
            operand = self.value(node.operand)
            name = self.new()
            self.steps.append("Nuitka_Num_%s(%s, &%s)" % (_UNARY[node.op], operand, name))
            return name
        left = self.value(node.left)
        right = self.value(node.right)
        name = self.new()
        self.steps.append("Nuitka_Num_%s(%s, %s, &%s)" % (_BINARY[node.op], left, right, name))
        return name

    def open_block(self, ctx, extra=""):
        ctx.emit("{")
        ctx.indent += 1
        ctx.emit("Nuitka_Num %s;" % ", ".join("n%d" % i for i in range(1, self.count + 1)))
        ctx.emit("if (%s%s) {" % (" &&\n        ".join(self.steps), extra))
        ctx.indent += 1


def _generic(ctx, emit):
    saved = getattr(ctx, "no_unboxed", False)
    ctx.no_unboxed = True
    try:
        return emit()
    finally:
        ctx.no_unboxed = saved


def emit_unboxed(node, ctx):
    """Emit the operation tree ``node`` as fast path + generic code; returns
    the live result temp (see the module docstring)."""
    from .expressions import emit_expr

    fast = _Fast(ctx)
    root = fast.value(node)
    result = ctx.new_ctemp()
    taken = ctx.new_ctemp("int ")
    ctx.emit("%s = 0;" % taken)
    fast.open_block(ctx)
    ctx.emit("%s = Nuitka_Num_Box(%s);" % (result, root))
    ctx.emit("%s = 1;" % taken)
    ctx.indent -= 1
    ctx.emit("}")
    ctx.indent -= 1
    ctx.emit("}")
    ctx.emit("if (%s) {" % taken)
    ctx.indent += 1
    saved_pos = ctx.current_pos
    ctx.set_position(node.source_ref)
    ctx.check_null(result)
    ctx.indent -= 1
    ctx.emit("} else {")
    ctx.indent += 1
    ctx.current_pos = saved_pos
    value = _generic(ctx, lambda: emit_expr(node, ctx))
    ctx.emit("%s = %s;" % (result, value))
    ctx.forget(value)
    ctx.indent -= 1
    ctx.emit("}")
    ctx.current_pos = None
    ctx.add_live(result)
    return result


def emit_unboxed_condition(node, ctx):
    """The truth of the comparison ``node`` as a C int temp: on C numbers
    when the fast path's checks hold, else the generic condition."""
    from .expressions import emit_condition

    fast = _Fast(ctx)
    left = fast.value(node.left)
    right = fast.value(node.right)
    flag = ctx.new_ctemp("int ")
    ctx.emit("%s = -1;" % flag)
    fast.open_block(ctx)
    ctx.emit("%s = Nuitka_Num_Compare(%s, %s, %s);" % (flag, left, right, _COMPARE[node.op]))
    ctx.indent -= 1
    ctx.emit("}")
    ctx.indent -= 1
    ctx.emit("}")
    ctx.emit("if (%s < 0) {" % flag)
    ctx.indent += 1
    saved_pos = ctx.current_pos
    generic = _generic(ctx, lambda: emit_condition(node, ctx))
    ctx.emit("%s = %s;" % (flag, generic))
    ctx.indent -= 1
    ctx.emit("}")
    if ctx.current_pos != saved_pos:
        ctx.current_pos = None
    return flag


def emit_unboxed_truth(node, ctx):
    """The truth of the operation tree ``node`` (``if mask & bit:``) as a C
    int temp, without an object when the fast path's checks hold."""
    from .expressions import emit_condition

    fast = _Fast(ctx)
    root = fast.value(node)
    flag = ctx.new_ctemp("int ")
    ctx.emit("%s = -1;" % flag)
    fast.open_block(ctx)
    ctx.emit("%s = %s.is_float ? %s.d != 0.0 : %s.i != 0;" % (flag, root, root, root))
    ctx.indent -= 1
    ctx.emit("}")
    ctx.indent -= 1
    ctx.emit("}")
    ctx.emit("if (%s < 0) {" % flag)
    ctx.indent += 1
    saved_pos = ctx.current_pos
    generic = _generic(ctx, lambda: emit_condition(node, ctx))
    ctx.emit("%s = %s;" % (flag, generic))
    ctx.indent -= 1
    ctx.emit("}")
    if ctx.current_pos != saved_pos:
        ctx.current_pos = None
    return flag

# -- subscripts with a C index -------------------------------------------------


def _index_plan(index, ctx):
    """("constant", value) for an int constant index, ("tree", None) for an
    index computed from locals/temps on C numbers, else None."""
    if getattr(ctx, "no_unboxed", False):
        return None
    if index.kind == "ExprConstant" and type(index.value) is int and -_INT_LIMIT <= index.value <= _INT_LIMIT:
        return "constant", index.value
    # (A lone variable index: the generic access's own int check is as
    # cheap as the peek.)
    measure = _measure(index, ctx.scope)
    if measure is not None and measure[0] > 0 and measure[1] > 0:
        return "tree", None
    return None


def _emit_index(node, ctx, plan, fast_call, generic_call, result_ctype):
    """Emit the C index and the access: ``fast_call % (C index, int object
    or NULL)`` when it is a C int, ``generic_call % index object``
    otherwise; returns the C temp (of ``result_ctype``) with the result."""
    from .expressions import emit_expr

    index = node.index
    result = ctx.new_ctemp(result_ctype)
    if plan[0] == "constant":
        ctx.emit("%s = %s;" % (result, fast_call % ("%dLL" % plan[1], ctx.module.const_ref(plan[1]))))
        return result
    fast = _Fast(ctx)
    root = fast.value(index)
    c_index = ctx.new_ctemp("long long ")
    taken = ctx.new_ctemp("int ")
    ctx.emit("%s = 0;" % taken)
    fast.open_block(ctx, " && !%s.is_float" % root)
    ctx.emit("%s = %s.i;" % (c_index, root))
    ctx.emit("%s = 1;" % taken)
    ctx.indent -= 1
    ctx.emit("}")
    ctx.indent -= 1
    ctx.emit("}")
    ctx.emit("if (%s) {" % taken)
    ctx.indent += 1
    ctx.emit("%s = %s;" % (result, fast_call % (c_index, "NULL")))
    ctx.indent -= 1
    ctx.emit("} else {")
    ctx.indent += 1
    saved_pos = ctx.current_pos
    value = _generic(ctx, lambda: emit_expr(index, ctx))
    ctx.set_position(node.source_ref)
    ctx.emit("%s = %s;" % (result, generic_call % value))
    ctx.release(value)
    ctx.indent -= 1
    ctx.emit("}")
    if ctx.current_pos != saved_pos:
        ctx.current_pos = None
    return result


def emit_unboxed_subscript(node, ctx):
    """``source[index]`` with a C index (see :func:`_index_plan`), or None."""
    from .expressions import emit_expr

    plan = _index_plan(node.index, ctx)
    if plan is None:
        return None
    source = emit_expr(node.source, ctx)
    ctx.set_position(node.source_ref)
    result = _emit_index(
        node, ctx, plan, "Nuitka_GetItemIndex(%s, %%s, %%s)" % source, "Nuitka_GetItem(%s, %%s)" % source,
        "PyObject *",
    )
    ctx.set_position(node.source_ref)
    ctx.check_null(result)
    ctx.add_live(result)
    ctx.release(source)
    return result


def emit_unboxed_assign_subscript(node, ctx, value):
    """``source[index] = value`` (``value`` already emitted) with a C
    index; False when the index has no C form (nothing emitted)."""
    from .expressions import emit_expr

    plan = _index_plan(node.index, ctx)
    if plan is None:
        return False
    source = emit_expr(node.source, ctx)
    ctx.set_position(node.source_ref)
    status = _emit_index(
        node, ctx, plan, "Nuitka_SetItemIndex(%s, %%s, %%s, %s)" % (source, value),
        "Nuitka_SetItem(%s, %%s, %s)" % (source, value), "int ",
    )
    ctx.set_position(node.source_ref)
    ctx.check("%s < 0" % status)
    ctx.release(source)
    return True
