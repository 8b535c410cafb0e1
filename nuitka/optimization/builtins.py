"""Builtin prediction: calls of builtins become direct C operations.

A name is *predicted* to be a builtin when

* the callee of a call is a module global (``LOAD_GLOBAL`` in a function,
  a module-level name) or a class-body name (``LOAD_NAME``) that names one
  of the builtins below (``BUILTIN_ARITIES``),
* no scope of the module stores it as a global: no assignment, ``del``,
  import, ``def``/``class``, ``for``/``with``/``except`` target, walrus, or
  a store through ``global`` in a function or class body,
* the module has no ``from x import *`` (it may bring any name),
* for a class-body load: the class body does not store the name either (its
  namespace is looked at first; a store there has nothing to do with the
  module global, so it only disqualifies that class body's own loads),
* the call has only positional arguments, as many as the builtin's simple
  forms take (``min``/``max`` with two or more, ``next`` with one or two,
  ...); anything else stays a generic call.

The prediction is a bet, not an assumption: the name can still change at
run time (``globals()["len"] = ...``, ``setattr(module, "len", ...)``,
``builtins.len = ...``, a metaclass ``__prepare__`` namespace). The call
becomes an ``ExprBuiltinCall`` (``nuitka/nodes/builtins.py``) that still
loads the name (callee first, then the arguments, as CPython), and code
generation compares what it loaded with the original builtin object
(one pointer comparison after the cached global load): only when it is the
builtin does the direct C operation run (``PyObject_Size`` for ``len``,
``PyObject_IsInstance``, a comparison loop for ``min``/``max``, ...; see
``nuitka/runtime/include/nuitka/builtins_direct.h``), otherwise whatever the
name holds now is called as before. Each direct operation produces exactly
the builtin's result and errors: where CPython's builtin would do something
else (``hasattr`` with a name that is not a ``str``, ``next`` of a
non-iterator, ``ord`` of a long string, ...), the direct operation calls the
builtin itself.

Iterating a predicted ``range(...)`` (``for i in range(n)``) makes the
range iterator CPython's ``iter(range(...))`` makes, without the range
object, when the arguments are ints that fit a C long
(``ExprBuiltinIterRange``).

Constant arguments fold (``ExprBuiltinCallFolded``): ``len("abc")`` is 3
when the guard holds, with nothing evaluated. A call whose constant
arguments make it raise (``len(5)``) is not folded: the direct operation
raises with CPython's message at run time.
"""

from nuitka.nodes import builtins as B
from nuitka.nodes import scopes as S

from .genexprs import GENEXPR_CONSUMERS, rewrite_genexpr_call

PASS_NAME = "builtins"

#: builtin name -> (fewest, most) positional arguments of the forms that are
#: made direct (None: no limit).
BUILTIN_ARITIES = {
    "len": (1, 1),
    "isinstance": (2, 2),
    "issubclass": (2, 2),
    "type": (1, 1),
    "range": (1, 3),
    "enumerate": (1, 2),
    "zip": (1, 8),
    "iter": (1, 1),
    "next": (1, 2),
    "abs": (1, 1),
    "min": (2, None),
    "max": (2, None),
    "hasattr": (2, 2),
    "getattr": (2, 3),
    "str": (1, 1),
    "int": (1, 1),
    "float": (1, 1),
    "bool": (1, 1),
    "tuple": (0, 1),
    "list": (0, 1),
    "set": (0, 1),
    "dict": (0, 1),
    "ord": (1, 1),
    "chr": (1, 1),
    "repr": (1, 1),
    "hash": (1, 1),
    "callable": (1, 1),
    "divmod": (2, 2),
    "pow": (2, 3),
}

# Loads (not stores) among the nodes naming a variable.
_LOAD_KINDS = ("ExprVariableRef", "ExprClassDictLoad")


class ModuleFacts:
    """What the whole module does with its global names (computed once)."""

    def __init__(self, module):
        self.stored_globals = set()
        self.has_star_import = False
        # class scope -> names its body stores in its namespace
        self.class_stores = {}
        for scope in module.all_scopes:
            for node in scope.walk():
                if node.kind == "StmtImportStar":
                    self.has_star_import = True
                if node.kind in _LOAD_KINDS:
                    continue
                variables = list(getattr(node, "variables", None) or ())
                if getattr(node, "variable", None) is not None:
                    variables.append(node.variable)
                for var in variables:
                    kind = getattr(var, "kind", None)
                    if kind == S.GLOBAL:
                        self.stored_globals.add(var.name)
                    elif kind == S.NAME:
                        self.class_stores.setdefault(scope, set()).add(var.name)

    def predicts(self, scope, var):
        """Whether a load of ``var`` in ``scope`` is predicted to be the
        builtin of that name."""
        if (var.name not in BUILTIN_ARITIES and var.name not in GENEXPR_CONSUMERS) or self.has_star_import or var.name in self.stored_globals:
            return False
        if var.kind == S.GLOBAL:
            return True
        return var.kind == S.NAME and var.name not in self.class_stores.get(scope, ())


def module_facts(scope):
    module = scope
    while module.parent is not None:
        module = module.parent
    facts = getattr(module, "builtin_facts", None)
    if facts is None:
        facts = module.builtin_facts = ModuleFacts(module)
    return facts


# -- folding of constant arguments -------------------------------------------

_SCALARS = (int, float, str, bytes, bool)
# Results of str()/repr() of ints stay far below any int_max_str_digits
# limit a program can set at run time (the smallest allowed is 640).
_INT_TEXT_LIMIT = 10**100


def _small_int(value):
    return type(value) is int and abs(value) < _INT_TEXT_LIMIT


def _fold_len(value):
    # (len() of a number or None raises TypeError.)
    if type(value) in (str, bytes, tuple, int, float, bool) or value is None or isinstance(value, frozenset):
        return len(value)
    raise _NotFoldable


def _fold_minmax(function):
    def fold(*values):
        kinds = {type(v) for v in values}
        # (Comparing a number with a str raises TypeError, also at run time.)
        if kinds <= {int, float, bool, str}:
            return function(*values)
        raise _NotFoldable

    return fold


def _fold_pow(*values):
    if len(values) == 2 and all(type(v) is int for v in values) and 0 <= values[1] <= 64 and abs(values[0]) <= 2**16:
        return pow(*values)
    if len(values) == 2 and all(type(v) in (int, float) for v in values) and float in map(type, values):
        if abs(values[1]) <= 64 and abs(values[0]) < 1e10:
            return pow(*values)
    raise _NotFoldable


def _typed(function, *types):
    def fold(*values):
        if all(type(v) in types for v in values):
            return function(*values)
        raise _NotFoldable

    return fold


def _fold_text(function):
    def fold(value):
        # (Not bytes: str(b"") warns under -b.)
        if type(value) in (str, float, bool) or value is None or _small_int(value):
            return function(value)
        raise _NotFoldable

    return fold


def _fold_int(value):
    if type(value) in (int, bool) or (type(value) is float and value == value and abs(value) != float("inf")):
        return int(value)
    raise _NotFoldable


def _fold_float(value):
    if type(value) in (int, bool, float):
        return float(value)
    raise _NotFoldable


class _NotFoldable(Exception):
    pass


FOLDERS = {
    "len": _fold_len,
    "abs": _typed(abs, int, float, bool),
    "ord": _typed(ord, str, bytes),
    "chr": _typed(chr, int),
    "min": _fold_minmax(min),
    "max": _fold_minmax(max),
    "divmod": _typed(divmod, int, float),
    "pow": _fold_pow,
    "repr": _fold_text(repr),
    "str": _fold_text(str),
    "bool": _typed(bool, int, float, str, bytes, bool, tuple, type(None)),
    "int": _fold_int,
    "float": _fold_float,
    "tuple": _typed(tuple, tuple),
}


def fold_constant_call(name, values):
    """(True, result) or (False, exception raised) for a foldable call of
    the builtin ``name`` with constant ``values``; None if not foldable."""
    folder = FOLDERS.get(name)
    if folder is None or not all(
        type(v) in _SCALARS + (tuple,) or v is None or isinstance(v, frozenset) for v in values
    ):
        return None
    try:
        result = folder(*values)
    except _NotFoldable:
        return None
    except Exception as e:  # the call raises at run time as well
        return False, e
    if type(result) is str and len(result) > 1000 or type(result) is int and not _small_int(result):
        return None
    return True, result


# -- the pass -----------------------------------------------------------------


def _rewrite_expressions(node, rewrite):
    """Replace, bottom-up, every expression ``e`` below ``node`` for which
    ``rewrite(e)`` returns a node. Nested scopes are not entered."""
    for name in node.child_names:
        value = getattr(node, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is not None:
                    _rewrite_expressions(item, rewrite)
                    replacement = rewrite(item)
                    if replacement is not None:
                        value[i] = replacement
        elif value is not None:
            _rewrite_expressions(value, rewrite)
            replacement = rewrite(value)
            if replacement is not None:
                setattr(node, name, replacement)


def _describe(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class BuiltinPass:
    def __init__(self, scope, explainer):
        self.scope = scope
        self.explainer = explainer
        self.facts = module_facts(scope)

    def __call__(self, node):
        if node.kind == "ExprIter" and node.value.kind == "ExprBuiltinCall" and node.value.builtin == "range":
            self.explainer.note(
                PASS_NAME, node,
                "iterating 'range(...)' makes the range iterator directly (no range object) while "
                "'range' is the builtin and its arguments are ints",
            )
            return B.ExprBuiltinIterRange(node.source_ref, call=node.value)
        genexpr_call = rewrite_genexpr_call(node, self.facts, self.scope, self.explainer, PASS_NAME)
        if genexpr_call is not None:
            return genexpr_call
        if node.kind != "ExprCall" or node.func.kind != "ExprVariableRef":
            return None
        var = node.func.variable
        if not isinstance(var, S.Variable) or not self.facts.predicts(self.scope, var):
            return None
        if var.name not in BUILTIN_ARITIES:
            return None
        if any(node.star_flags) or node.kw_names:
            return None
        fewest, most = BUILTIN_ARITIES[var.name]
        count = len(node.args)
        if count < fewest or (most is not None and count > most):
            return None
        name = var.name
        where = "global" if var.kind == S.GLOBAL else "class-body name"
        if all(arg.kind == "ExprConstant" for arg in node.args):
            folded = fold_constant_call(name, [arg.value for arg in node.args])
            if folded is not None and folded[0]:
                self.explainer.note(
                    PASS_NAME, node,
                    "'%s(...)' with constant arguments is %s while the %s '%s' is the builtin (guarded)"
                    % (name, _describe(folded[1]), where, name),
                )
                return B.ExprBuiltinCallFolded(
                    node.source_ref, func=node.func, args=node.args, builtin=name, value=folded[1]
                )
            if folded is not None:
                self.explainer.note(
                    PASS_NAME, node,
                    "'%s(...)' with constant arguments raises %s: kept as the direct call, which raises it"
                    % (name, type(folded[1]).__name__),
                )
                return B.ExprBuiltinCall(node.source_ref, func=node.func, args=node.args, builtin=name)
        self.explainer.note(
            PASS_NAME, node,
            "'%s(...)' is a direct C operation while the %s '%s' is the builtin (the module never "
            "assigns it; guarded, generic call otherwise)" % (name, where, name),
        )
        return B.ExprBuiltinCall(node.source_ref, func=node.func, args=node.args, builtin=name)


def predict_builtins(scope, explainer):
    """Rewrite the predictable builtin calls of ``scope``'s own body."""
    _rewrite_expressions(scope, BuiltinPass(scope, explainer))

