"""Constant folding exactly as CPython's AST optimizer does it.

CPython folds some expressions on constants before it compiles them
(``Python/ast_opt.c``, the same rules on 3.10 to 3.13): unary and binary
operators, subscripts of constants, tuples of constants, and the list or
set displays iterated by ``for``/comprehensions or tested by ``in``. The
folded values are constants of the code object: a function returning
``(1, 2)`` returns the same tuple each time, and an expression that
would warn at run time (``~True`` on 3.12+) never does. ``fold_module``
rewrites the ``ast`` in place the same way, so the tree builder sees
``ast.Constant`` nodes where CPython has constants.

What folding must not change: an operation that raises (``1 / 0``,
``"a"[5]``, ``b"" + ""``) is not folded and raises at run time, with the
message of that moment; results that would be big (``"a" * 10**6``,
``2 ** 1000``, ``1 << 1000``) are computed at run time too, by the limits
of ``safe_multiply``, ``safe_power``, ``safe_lshift`` and ``safe_mod``
(string formatting is never folded).

``__debug__`` is the constant ``not optimize`` (``-O``). Not done, as it
makes no visible difference: 3.11+'s rewriting of ``"%s" % (x,)`` into an
f-string and of ``not (a in b)`` into ``a not in b``.
"""

import ast
import operator
import warnings

# Python/ast_opt.c
MAX_INT_SIZE = 128  # bits
MAX_COLLECTION_SIZE = 256  # items
MAX_STR_SIZE = 4096  # characters
MAX_TOTAL_ITEMS = 1024  # including nested collections

_C_LONG_MIN, _C_LONG_MAX = -(2**63), 2**63 - 1
_SIZE_T_MAX = 2**64 - 1

_NO_VALUE = object()


def _as_long(value):
    """PyLong_AsLong: -1 (an error, which the callers treat as negative)
    when it does not fit."""
    return value if _C_LONG_MIN <= value <= _C_LONG_MAX else -1


def _as_size_t(value):
    """PyLong_AsSize_t: None when negative or too big."""
    return value if 0 <= value <= _SIZE_T_MAX else None


def _check_complexity(obj, limit):
    if type(obj) is tuple:
        limit -= len(obj)
        for item in obj:
            if limit < 0:
                break
            limit = _check_complexity(item, limit)
    elif type(obj) is frozenset:
        limit -= len(obj)
        for item in obj:
            if limit < 0:
                break
            limit = _check_complexity(item, limit)
    return limit


def _safe_multiply(v, w):
    if isinstance(v, int) and isinstance(w, int) and v and w:
        if abs(v).bit_length() + abs(w).bit_length() > MAX_INT_SIZE:
            return _NO_VALUE
    elif isinstance(v, int) and isinstance(w, (tuple, frozenset)):
        size = len(w)
        if size:
            n = _as_long(v)
            if n < 0 or n > MAX_COLLECTION_SIZE // size:
                return _NO_VALUE
            if n and _check_complexity(w, MAX_TOTAL_ITEMS // n) < 0:
                return _NO_VALUE
    elif isinstance(v, int) and isinstance(w, (str, bytes)):
        size = len(w)
        if size:
            n = _as_long(v)
            if n < 0 or n > MAX_STR_SIZE // size:
                return _NO_VALUE
    elif isinstance(w, int) and isinstance(v, (tuple, frozenset, str, bytes)):
        return _safe_multiply(w, v)
    return v * w


def _safe_power(v, w):
    if isinstance(v, int) and isinstance(w, int) and v and w > 0:
        wbits = _as_size_t(w)
        if wbits is None or abs(v).bit_length() > MAX_INT_SIZE // wbits:
            return _NO_VALUE
    return pow(v, w, None)


def _safe_lshift(v, w):
    if isinstance(v, int) and isinstance(w, int) and v and w:
        vbits = abs(v).bit_length()
        wbits = _as_size_t(w)
        if wbits is None or wbits > MAX_INT_SIZE or vbits > MAX_INT_SIZE - wbits:
            return _NO_VALUE
    return v << w


def _safe_mod(v, w):
    if isinstance(v, (str, bytes)):
        return _NO_VALUE
    return v % w


BINARY_FOLDERS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: _safe_multiply,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: _safe_mod,
    ast.Pow: _safe_power,
    ast.LShift: _safe_lshift,
    ast.RShift: operator.rshift,
    ast.BitOr: operator.or_,
    ast.BitXor: operator.xor,
    ast.BitAnd: operator.and_,
    # ast.MatMult: no constant implements it.
}

UNARY_FOLDERS = {
    ast.Invert: operator.invert,
    ast.Not: operator.not_,
    ast.UAdd: operator.pos,
    ast.USub: operator.neg,
}


def _compute(func, *args):
    """``func(*args)``, or _NO_VALUE where CPython's make_const gets NULL
    (any exception but KeyboardInterrupt is cleared: the operation is left
    to run time). Warnings are not shown: CPython shows them while it
    compiles, where no program output can see them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return func(*args)
        except KeyboardInterrupt:
            raise
        except BaseException:
            return _NO_VALUE


def _constant(node, value):
    new = ast.Constant(value=value)
    return ast.copy_location(new, node)


def _is_const(node):
    return isinstance(node, ast.Constant)


def _const_tuple(elts):
    """make_const_tuple: the values, if all elements are constants."""
    if not all(_is_const(e) for e in elts):
        return _NO_VALUE
    return tuple(e.value for e in elts)


def _docstring_of(body):
    """_PyAST_GetDocString."""
    if body and isinstance(body[0], ast.Expr):
        value = body[0].value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
    return None


class _Folder(ast.NodeTransformer):
    def __init__(self, fold_annotations, optimize):
        self.fold_annotations = fold_annotations
        self.optimize = optimize

    def visit_Name(self, node):
        if node.id == "__debug__" and isinstance(node.ctx, ast.Load):
            return _constant(node, not self.optimize)
        return node

    # -- bodies: folding must not make a docstring (astfold_body) ----------

    def _body(self, node):
        had_docstring = _docstring_of(node.body) is not None
        self.generic_visit(node)
        if not had_docstring and _docstring_of(node.body) is not None:
            statement = node.body[0]
            joined = ast.JoinedStr(values=[statement.value])
            statement.value = ast.copy_location(joined, statement)
        return node

    def visit_Module(self, node):
        return self._body(node)

    def _function(self, node):
        if not self.fold_annotations:
            saved = self._hide_annotations(node)
            try:
                return self._body(node)
            finally:
                self._restore_annotations(saved)
        return self._body(node)

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def visit_ClassDef(self, node):
        return self._body(node)

    def _hide_annotations(self, node):
        args = node.args
        every = list(args.posonlyargs) + list(args.args) + list(args.kwonlyargs)
        every += [a for a in (args.vararg, args.kwarg) if a is not None]
        saved = [(arg, arg.annotation) for arg in every]
        for arg in every:
            arg.annotation = None
        saved.append((node, node.returns))
        node.returns = None
        return saved

    def _restore_annotations(self, saved):
        for owner, annotation in saved[:-1]:
            owner.annotation = annotation
        node, returns = saved[-1]
        node.returns = returns

    def visit_AnnAssign(self, node):
        if self.fold_annotations:
            return self.generic_visit(node)
        annotation = node.annotation
        node.annotation = ast.Constant(value=None)
        self.generic_visit(node)
        node.annotation = annotation
        return node

    # -- expressions --------------------------------------------------------

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if _is_const(node.operand):
            value = _compute(UNARY_FOLDERS[type(node.op)], node.operand.value)
            if value is not _NO_VALUE:
                return _constant(node, value)
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        folder = BINARY_FOLDERS.get(type(node.op))
        if folder is None or not (_is_const(node.left) and _is_const(node.right)):
            return node
        value = _compute(folder, node.left.value, node.right.value)
        if value is _NO_VALUE:
            return node
        return _constant(node, value)

    def visit_Subscript(self, node):
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load) and _is_const(node.value) and _is_const(node.slice):
            value = _compute(operator.getitem, node.value.value, node.slice.value)
            if value is not _NO_VALUE:
                return _constant(node, value)
        return node

    def visit_Tuple(self, node):
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load):
            value = _const_tuple(node.elts)
            if value is not _NO_VALUE:
                return _constant(node, value)
        return node

    def visit_Compare(self, node):
        self.generic_visit(node)
        if isinstance(node.ops[-1], (ast.In, ast.NotIn)):
            node.comparators[-1] = _fold_iter(node.comparators[-1])
        return node

    def visit_For(self, node):
        self.generic_visit(node)
        node.iter = _fold_iter(node.iter)
        return node

    def visit_comprehension(self, node):
        self.generic_visit(node)
        node.iter = _fold_iter(node.iter)
        return node


def _fold_iter(node):
    """fold_iter: a list display that is iterated becomes a tuple display
    (a constant one when all items are constants), a set display of
    constants a frozenset."""
    if isinstance(node, ast.List):
        if any(isinstance(e, ast.Starred) for e in node.elts):
            return node
        node = ast.copy_location(ast.Tuple(elts=node.elts, ctx=node.ctx), node)
        value = _const_tuple(node.elts)
    elif isinstance(node, ast.Set):
        items = _const_tuple(node.elts)
        if items is _NO_VALUE:
            return node
        value = _compute(frozenset, items)
        if value is _NO_VALUE:
            return node
        node = _constant(node, value)
        # The runtime makes the frozenset from these, as CPython does.
        node.nuitka_source_items = items
        return node
    else:
        return node
    if value is _NO_VALUE:
        return node
    return _constant(node, value)


def fold_module(tree, future_annotations, optimize=0):
    """Fold ``tree`` (an ``ast.Module``) in place like CPython's AST
    optimizer at optimization level ``optimize``. Under ``from __future__
    import annotations`` annotations are left as written (they become
    strings)."""
    _Folder(not future_annotations, optimize).visit(tree)
    return tree
