"""Nodes of builtin prediction (``nuitka/optimization/builtins.py``).

A call whose callee is a module global (or class-body name) that the module
never assigns, and that names a builtin, becomes one of these. ``func``
still loads the name as before (in CPython's order: callee first, then the
arguments); code generation compares the loaded object with the original
builtin (a guard) and only then does the direct C operation, otherwise it
calls whatever the name holds now (``nuitka/codegen/builtin_calls.py``).
"""

from .expressions import _expr

# ``builtin``: the builtin's name (``len``); ``args``: positional arguments
# only (no ``*``, no keywords).
ExprBuiltinCall = _expr("ExprBuiltinCall", ("func", "args"), ("builtin",))
# The same call with constant arguments whose result is known: under the
# guard it is ``value`` (nothing is evaluated), otherwise the generic call.
ExprBuiltinCallFolded = _expr("ExprBuiltinCallFolded", ("func", "args"), ("builtin", "value"))
# ``iter(range(...))`` as a ``for`` loop does it (``ExprIter`` of a predicted
# ``range`` call): under the guard, with int arguments, the range iterator
# is made without the range object.
ExprBuiltinIterRange = _expr("ExprBuiltinIterRange", ("call",))
# ``tuple(<genexpr>)`` and the other consumers of a generator expression
# (``nuitka/optimization/genexprs.py``): ``func`` loads the builtin (for
# ``builtin == "join"``: the str constant whose join it is, no guard),
# ``genexpr`` is the genexpr's call (function, first iterator), ``args`` the
# further arguments (``sum``'s start).
ExprBuiltinGenexprCall = _expr("ExprBuiltinGenexprCall", ("func", "genexpr", "args"), ("builtin",))
