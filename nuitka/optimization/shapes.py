"""Value shapes: what the optimizer knows about the type of a value.

A shape is a ``frozenset`` of shape names, the value being of exactly one
of those types (never a subclass), or ``None`` ("unknown": anything). Shape
names: "int", "float", "bool", "str", "bytes", "tuple", "list", "dict",
"set", "None", "function" (a function of this program, made by ``def`` or
``lambda`` without decorators), "class" (a class of this program made by a
``class`` statement without bases, keywords or decorators: its metaclass is
``type``).

Shapes are computed by ``traces.py`` (variables) with :func:`expression_shape`
(everything else), attached to expression nodes as ``node.shape`` by the
``shapes`` pass and read by code generation through :func:`shape_of`, which
is the only interface code generation uses: a shape must be exact, because
the C code it selects does no type check.
"""

#: Exact type of a constant -> its shape name.
_CONSTANT_SHAPES = {
    int: "int",
    float: "float",
    bool: "bool",
    str: "str",
    bytes: "bytes",
    tuple: "tuple",
    type(None): "None",
}

INT = frozenset(("int",))
FLOAT = frozenset(("float",))
BOOL = frozenset(("bool",))
STR = frozenset(("str",))
BYTES = frozenset(("bytes",))
TUPLE = frozenset(("tuple",))
LIST = frozenset(("list",))
DICT = frozenset(("dict",))
SET = frozenset(("set",))
FUNCTION = frozenset(("function",))
CLASS = frozenset(("class",))

_NUMBERS = frozenset(("int", "bool", "float"))
_INTEGRAL = frozenset(("int", "bool"))


def join(a, b):
    """The shape of a value that has shape ``a`` or shape ``b``."""
    if a is None or b is None:
        return None
    return a | b


def shape_of(node):
    """The shape of the value of expression ``node`` as the optimizer found
    it (``None``: unknown), for code generation."""
    if node.kind == "ExprConstant":
        return constant_shape(node.value)
    return getattr(node, "shape", None)


#: Operations code generation does on C values when both operands are
#: exactly ints or exactly floats (see ``include/nuitka/numbers.h``).
SPECIALISED_OPERATIONS = {
    "int": frozenset(("+", "-", "*", "//", "%", "&", "|", "^", "<", "<=", "==", "!=", ">", ">=")),
    "float": frozenset(("+", "-", "*", "/", "//", "%", "<", "<=", "==", "!=", ">", ">=")),
}


def specialised_operation(node):
    """"int" or "float" when the binary operation, in-place operation or
    comparison ``node`` has two operands of exactly that shape and an
    operator with a specialised C form; else None."""
    if node.kind not in ("ExprBinary", "ExprInplace", "ExprCompare"):
        return None
    left, right = shape_of(node.left), shape_of(node.right)
    for name, operations in SPECIALISED_OPERATIONS.items():
        if is_exactly(left, name) and is_exactly(right, name) and node.op in operations:
            return name
    return None


def shape_name(shape):
    """Text for dumps and explanations: "float", "int|bool", "unknown"."""
    return "unknown" if shape is None else "|".join(sorted(shape))


def constant_shape(value):
    name = _CONSTANT_SHAPES.get(type(value))
    return None if name is None else frozenset((name,))


def is_exactly(shape, name):
    return shape is not None and shape == frozenset((name,))


def _arith(op, left, right):
    """Shape of ``left op right`` for ``ExprBinary``/``ExprInplace`` (exact
    ints, floats and bools have no in-place slots, so both are the same)."""
    if left is None or right is None:
        return None
    if len(left) != 1 or len(right) != 1:
        # e.g. int|float + int: join of the shapes of each combination
        result = frozenset()
        for a in left:
            for b in right:
                one = _arith(op, frozenset((a,)), frozenset((b,)))
                if one is None:
                    return None
                result |= one
        return result or None
    (a,), (b,) = left, right
    if a in _NUMBERS and b in _NUMBERS:
        if op in ("@",):
            return None
        if "float" in (a, b):
            # float ** float can be complex ((-8.0) ** 0.5); << >> & | ^
            # raise TypeError for floats (no result).
            return FLOAT if op in ("+", "-", "*", "/", "//", "%") else None
        # int and bool
        if op == "/":
            return FLOAT
        if op in ("&", "|", "^") and a == b == "bool":
            return BOOL
        if op in ("+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>"):
            return INT
        # ** with a negative exponent is a float
        return None
    if op == "+" and a == b and a in ("str", "bytes", "tuple", "list"):
        return left
    if op == "*" and ((a in ("str", "bytes", "tuple", "list") and b in _INTEGRAL) or
                      (b in ("str", "bytes", "tuple", "list") and a in _INTEGRAL)):
        return frozenset((a if b in _INTEGRAL else b,))
    return None


def _compare(op, left, right):
    if op in ("is", "is not", "in", "not in"):
        # ``in`` converts __contains__'s result to a bool
        return BOOL
    if left is None or right is None:
        return None
    # Comparisons of exact numbers, strs and bytes (with each other) give a
    # bool or raise; anything else may return any object.
    if left <= _NUMBERS and right <= _NUMBERS:
        return BOOL
    if left == right and left in (STR, BYTES):
        return BOOL
    return None


def expression_shape(node, child_shape):
    """The shape of ``node``'s value from its kind and the shapes of its
    children (``child_shape(child)``); variables are the traces' business."""
    kind = node.kind
    if kind == "ExprConstant":
        return constant_shape(node.value)
    if kind == "ExprMakeTuple":
        return TUPLE
    if kind == "ExprMakeList":
        return LIST
    if kind == "ExprMakeDict":
        return DICT
    if kind == "ExprMakeSet":
        return SET
    if kind in ("ExprJoinStr", "ExprFormatValue"):
        # format() raises unless __format__ returns a str
        return STR
    if kind == "ExprNot":
        return BOOL
    if kind == "ExprMakeFunction":
        return FUNCTION
    if kind == "ExprBuildClass":
        if not node.bases and not node.kw_values:
            return CLASS
        return None
    if kind in ("ExprBinary", "ExprInplace"):
        return _arith(node.op, child_shape(node.left), child_shape(node.right))
    if kind == "ExprCompare":
        return _compare(node.op, child_shape(node.left), child_shape(node.right))
    if kind == "ExprUnary":
        operand = child_shape(node.operand)
        if operand is None or not operand <= _NUMBERS:
            return None
        if node.op == "not":
            return BOOL
        if "float" in operand:
            return FLOAT if operand == FLOAT and node.op in ("-", "+") else None
        return INT
    if kind in ("ExprAnd", "ExprOr"):
        return join(child_shape(node.left), child_shape(node.right))
    if kind == "ExprConditional":
        return join(child_shape(node.yes), child_shape(node.no))
    if kind in ("ExprAssignVariable", "ExprAssignTemp"):
        return child_shape(node.value)
    return None


def known_truth(shape_value_node):
    """True/False when the truth value of the expression node is known
    without running anything (a constant), else None."""
    node = shape_value_node
    if node.kind == "ExprConstant" and type(node.value) in _CONSTANT_SHAPES:
        return bool(node.value)
    return None
