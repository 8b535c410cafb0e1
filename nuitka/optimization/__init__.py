"""The optimization stage: passes over the core node tree of one module.

It runs between the frontend (``nuitka.frontend``, which builds the tree)
and code generation (``nuitka.codegen``), see ``nuitka/pipeline.py``. Every
pass only replaces nodes by cheaper equivalent ones (principle 2 of the
design: code generation must not care whether the optimizer ran), and
records what it changed, where and why in an :class:`Explainer`
(``--explain-optimizations``). Passes, in order:

* ``unpacking``: tuple-target assignments without an intermediate tuple
  (``unpacking.py``).
* ``direct-calls``: calls of functions and methods of this module that
  code generation enters directly behind a run-time guard
  (``direct_calls.py``).
"""

from .explain import Explainer
from .direct_calls import mark_direct_calls
from .unpacking import lower_unpacking

#: (name, function(scope, explainer)) in the order they run.
PASSES = (("unpacking", lower_unpacking), ("direct-calls", mark_direct_calls))


def optimize_module(module, filename):
    """Optimize every scope of ``module`` (as built by
    ``nuitka.frontend.building.build_module_tree``) in place; returns the
    :class:`Explainer` with what was changed."""
    explainer = Explainer(filename)
    for _name, run_pass in PASSES:
        for scope in module.all_scopes:
            run_pass(scope, explainer)
    return explainer
