"""The optimization stage: passes over the core node tree of one module.

It runs between the frontend (``nuitka.frontend``, which builds the tree)
and code generation (``nuitka.codegen``), see ``nuitka/pipeline.py``. Every
pass only replaces nodes by cheaper equivalent ones (principle 2 of the
design: code generation must not care whether the optimizer ran), and
records what it changed, where and why in an :class:`Explainer`
(``--explain-optimizations``). Passes, in order:

* ``unpacking``: tuple-target assignments without an intermediate tuple
  (``unpacking.py``).
* ``constants``: constant propagation into reads of local variables,
  folding of conditions on constants, branch prediction, removal of
  unreachable statements, exception scope reduction (``propagation.py``),
  fed by the variable traces of ``traces.py``.
* ``shapes``: attaches the value shapes (``shapes.py``) the traces found to
  the expressions (``node.shape``, shown in ``--xml``); code generation
  asks ``shapes.shape_of``/``shapes.specialised_operation`` and emits C
  operations on ints and floats without type dispatch for them.
* ``builtins``: builtin prediction (``builtins.py``): a call of a global
  the module never assigns that names a builtin (``len``, ``isinstance``,
  ``range``, ``min``/``max``, ...) becomes a direct C operation guarded by
  the identity of the loaded object with the original builtin (generic call
  otherwise, e.g. after ``builtins.len = ...``); constant arguments fold
  (``len("abc")`` is 3 under the guard). A generator expression given to
  a predicted ``tuple``/``list``/``set``/``sum``/``any``/... (or to a str
  constant's ``join``) runs its body in its own frame feeding the builtin
  directly, without a generator object (``genexprs.py``). It runs after the traces-fed
  passes, which treat node kinds they do not know as untraceable.
* ``direct-calls``: calls of functions and methods of this module that
  code generation enters directly behind a run-time guard
  (``direct_calls.py``).

Variable traces (``traces.py``) are SSA-like versions of the local
variables of a function scope: each assignment a version, joins at branch
ends, fixpoints over loops, conservative over exceptions, ``finally``,
cells, ``del``, frame introspection and (3.13+) ``f_locals`` write-through.
"""

from .explain import Explainer
from .builtins import predict_builtins
from .direct_calls import mark_direct_calls
from .propagation import annotate_shapes, propagate_constants
from .unpacking import lower_unpacking

#: (name, function(scope, explainer)) in the order they run.
PASSES = (
    ("unpacking", lower_unpacking),
    ("constants", propagate_constants),
    ("shapes", annotate_shapes),
    ("builtins", predict_builtins),
    ("direct-calls", mark_direct_calls),
)


def optimize_module(module, filename):
    """Optimize every scope of ``module`` (as built by
    ``nuitka.frontend.building.build_module_tree``) in place; returns the
    :class:`Explainer` with what was changed."""
    explainer = Explainer(filename)
    for _name, run_pass in PASSES:
        for scope in module.all_scopes:
            run_pass(scope, explainer)
    return explainer
