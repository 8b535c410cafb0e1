"""Generator expressions consumed by builtins (part of the ``builtins`` pass).

``tuple(genexpr)``, ``list``, ``set``, ``frozenset``, ``sorted``, ``sum``
(also with a start), ``any``, ``all``, ``min``/``max`` (one argument) of a
generator expression, where the name is predicted to be the builtin
(``builtins.ModuleFacts.predicts``), and ``"sep".join(genexpr)`` on a str
constant, become an ``ExprBuiltinGenexprCall``: the callee, the genexpr's
function and the iterator of its first iterable are evaluated as before
(``iter()`` eagerly, in the enclosing scope); then, when the callee is the
builtin (guard), the genexpr's body runs as a plain call of its own code in
its own ``<genexpr>`` frame, feeding each value it would yield straight to
what the builtin does with it (``nuitka/codegen/genexpr_calls.py``,
``runtime/genexpr_sink.c``): no generator object, no resume per item.
Otherwise the generator is made and the callee called with it, as before.

Async generator expressions (and so those with ``await``) are left alone.
"""

from nuitka.nodes import builtins as B
from nuitka.nodes import scopes as S

#: builtin name -> (fewest, most) positional arguments, the genexpr first.
GENEXPR_CONSUMERS = {
    "tuple": (1, 1),
    "list": (1, 1),
    "set": (1, 1),
    "frozenset": (1, 1),
    "sorted": (1, 1),
    "sum": (1, 2),
    "any": (1, 1),
    "all": (1, 1),
    "min": (1, 1),
    "max": (1, 1),
}


def consumed_genexpr(node):
    """The scope of ``node`` when it is a generator expression (the call of
    its function with the first iterator) that can run without a generator;
    None otherwise."""
    if node.kind != "ExprCall" or node.func.kind != "ExprMakeFunction":
        return None
    if len(node.args) != 1 or any(node.star_flags) or node.kw_names:
        return None
    scope = node.func.scope
    if scope.name != "<genexpr>" or not scope.is_generator or scope.is_asyncgen or scope.is_coroutine:
        return None
    if sum(1 for inner in scope.walk() if inner.kind in ("ExprYield", "ExprYieldFrom", "ExprAwait")) != 1:
        return None
    return scope


def _mark(scope):
    scope.consumed_genexpr = True


def rewrite_genexpr_call(node, facts, scope, explainer, pass_name):
    """An ``ExprBuiltinGenexprCall`` for the call ``node`` or None."""
    if node.kind != "ExprCall" or not node.args or any(node.star_flags) or node.kw_names:
        return None
    body = consumed_genexpr(node.args[0])
    if body is None:
        return None
    func = node.func
    if func.kind == "ExprAttribute":
        source = func.source
        if func.name != "join" or source.kind != "ExprConstant" or type(source.value) is not str or len(node.args) != 1:
            return None
        _mark(body)
        explainer.note(
            pass_name, node,
            "%s.join(<genexpr>) joins the values of the generator expression's body without a generator "
            "object (the str constant's join)" % _short(source.value),
        )
        return B.ExprBuiltinGenexprCall(node.source_ref, func=source, genexpr=node.args[0], args=[], builtin="join")
    if func.kind != "ExprVariableRef":
        return None
    var = func.variable
    name = var.name
    if name not in GENEXPR_CONSUMERS or not isinstance(var, S.Variable) or not facts.predicts(scope, var):
        return None
    fewest, most = GENEXPR_CONSUMERS[name]
    if not fewest <= len(node.args) <= most:
        return None
    _mark(body)
    explainer.note(
        pass_name, node,
        "'%s(<genexpr>)' runs the generator expression's body without a generator object, feeding each "
        "value to '%s' directly while the %s '%s' is the builtin (guarded, generator and generic call "
        "otherwise)" % (name, name, "global" if var.kind == S.GLOBAL else "class-body name", name),
    )
    return B.ExprBuiltinGenexprCall(
        node.source_ref, func=func, genexpr=node.args[0], args=node.args[1:], builtin=name
    )


def _short(value):
    text = repr(value)
    return text if len(text) <= 20 else text[:17] + "..."
