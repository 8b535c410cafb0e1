"""Rewrites fed by the variable traces (``traces.py``), and shapes for code
generation.

Pass "constants" (:func:`propagate_constants`), per function scope:

* **constant propagation**: a read of a local variable whose only reaching
  versions assign one immutable constant (int, float, str, bytes, bool,
  None, tuples of those) becomes that constant. The assignment stays (the
  value lives as long as before; constants are one object per module, so
  ``x is y`` is unchanged);
* **condition folding**: ``not <constant>`` and comparisons of two number,
  str or bytes constants are computed (by the compiling CPython, which is
  the target: same results) where they are conditions;
* **branch prediction**: an ``if`` (``while``) whose condition is a
  constant keeps only the branch that runs (a constant has no side
  effects);
* **unreachable code**: statements after a return, raise, re-raise, break
  or continue (or an ``if`` whose branches all leave) are removed;
* **exception scope reduction**: leading statements of a ``try`` body that
  cannot raise (a constant assigned to a local, ``pass``) move before the
  ``try``; a ``try`` whose body cannot raise loses its handler.

Nothing that creates a function, class or generator step is removed (their
code objects and scopes are part of the module), and no read that could
raise (``UnboundLocalError``) is replaced.

Pass "shapes" (:func:`annotate_shapes`), last: sets ``node.shape`` on the
expressions of function scopes whose shape the traces know
(``shapes.shape_of`` is what code generation asks), and explains the
operations code generation specialises for them.
"""

from nuitka.nodes import expressions as E
from nuitka.nodes import scopes as S
from nuitka.nodes import statements as St

from . import shapes as Sh
from .traces import analyse
from .tree import rewrite_statements

_IMMUTABLE_TYPES = (int, float, str, bytes, bool, type(None))
_MAX_CONSTANT_SIZE = 10000
_LEAVING = frozenset(("StmtReturn", "StmtRaise", "StmtReraise", "StmtBreak", "StmtContinue", "StmtReraiseStar"))
# Nodes that must stay even where they cannot run: they own scopes, or
# resume points of generators.
_KEEP = frozenset(("ExprMakeFunction", "ExprBuildClass", "ExprYield", "ExprYieldFrom", "ExprAwait",
                   "ExprInlinedComprehension", "StmtAsyncLoopNext"))


def is_immutable_constant(value, depth=0):
    kind = type(value)
    if kind in (str, bytes):
        return len(value) <= _MAX_CONSTANT_SIZE
    if kind in _IMMUTABLE_TYPES:
        return True
    if kind is tuple and depth < 4 and len(value) <= 100:
        return all(is_immutable_constant(item, depth + 1) for item in value)
    return False


def _constant_key(value):
    # 0 == 0.0 == False and -0.0 == 0.0: the type and repr tell them apart.
    return (type(value), repr(value))


def _describe(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _must_keep(statements):
    return any(node.kind in _KEEP for statement in statements for node in statement.walk())


def rewrite_expressions(node, rewrite):
    """Apply ``rewrite(expression)`` bottom-up to the expressions below
    ``node`` (not into other scopes); it returns a replacement or None."""
    for name in node.child_names:
        value = getattr(node, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is None:
                    continue
                rewrite_expressions(item, rewrite)
                if isinstance(item, E.ExpressionBase):
                    new = rewrite(item)
                    if new is not None:
                        value[i] = new
        elif value is not None:
            rewrite_expressions(value, rewrite)
            if isinstance(value, E.ExpressionBase):
                new = rewrite(value)
                if new is not None:
                    setattr(node, name, new)


def _fold_condition(node):
    """A constant for ``not c`` or ``c1 <op> c2`` of constants, else None."""
    if node.kind == "ExprNot" and node.operand.kind == "ExprConstant":
        if type(node.operand.value) in _IMMUTABLE_TYPES + (tuple,):
            return not node.operand.value
        return None
    if node.kind != "ExprCompare" or node.left.kind != "ExprConstant" or node.right.kind != "ExprConstant":
        return None
    left, right = node.left.value, node.right.value
    numbers = (int, float, bool)
    if not ((type(left) in numbers and type(right) in numbers) or
            (type(left) is type(right) and type(left) in (str, bytes))):
        return None
    operations = {
        "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
    }
    operation = operations.get(node.op)
    if operation is None:
        return None
    return operation(left, right)


def leaves(statements):
    """Whether running ``statements`` never gets past their end."""
    if not statements:
        return False
    last = statements[-1]
    if last.kind in _LEAVING:
        return True
    if last.kind == "StmtIf":
        return leaves(last.yes or []) and leaves(last.no or [])
    if last.kind == "StmtTempBlock":
        return leaves(last.body)
    if last.kind == "StmtLoop":
        # `while True:` without a break of its own (CPython drops what
        # follows too).
        return not any(_exits_loop(statement) for statement in last.body)
    return False


_LOOP_EXITS = frozenset(("StmtBreak", "StmtLoopNext", "StmtAsyncLoopNext"))


def _exits_loop(node):
    """Whether ``node`` has a way out of the loop it is in: a break of that
    loop, or the end of a for loop's iterator."""
    if node.kind in _LOOP_EXITS:
        return True
    if node.kind == "StmtLoop":
        return False  # (the breaks in it are its own)
    for name in node.child_names:
        value = getattr(node, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, St.StatementBase) and _exits_loop(item):
                return True
    return False


def _leaving_text(statement):
    while statement.kind == "StmtTempBlock":
        statement = statement.body[-1]
    if statement.kind == "StmtIf":
        return "an if whose branches all leave"
    if statement.kind == "StmtLoop":
        return "a loop without a way out"
    return {"StmtReraise": "raise", "StmtReraiseStar": "raise"}.get(statement.kind, statement.kind[4:].lower())


def _cannot_raise(statement):
    if statement.kind == "StmtPass":
        return True
    return (
        statement.kind == "StmtAssignVariable"
        and statement.variable.kind == S.LOCAL
        and statement.value.kind == "ExprConstant"
    )


class _ConstantsPass:
    name = "constants"

    def __init__(self, scope, explainer):
        self.scope = scope
        self.explainer = explainer

    def run(self):
        if self.scope.scope_kind == "function":
            self.traces = analyse(self.scope)
            if self.traces.ok:
                rewrite_expressions(self.scope, self._propagate)
        rewrite_expressions(self.scope, self._fold)
        rewrite_statements(self.scope, self._statement)
        self._remove_unreachable(self.scope)

    def _propagate(self, node):
        if node.kind != "ExprVariableRef":
            return None
        versions = self.traces.versions_at(node)
        if not versions:
            return None
        constants = [version.constant() for version in versions]
        if None in constants:
            return None
        values = {_constant_key(c.value) for c in constants}
        value = constants[0].value
        if len(values) != 1 or not is_immutable_constant(value):
            return None
        lines = sorted({c.source_ref.line for c in constants})
        self.explainer.note(
            "constants", node,
            "'%s' is the constant %s (assigned on line %s): used directly"
            % (node.variable.name, _describe(value), ", ".join(map(str, lines))),
        )
        return E.ExprConstant(node.source_ref, value=value)

    def _fold(self, node):
        if node.kind not in ("ExprNot", "ExprCompare"):
            return None
        try:
            value = _fold_condition(node)
        except Exception:  # e.g. a comparison that raises: left to run time
            return None
        if value is None or type(value) is not bool:
            return None
        self.explainer.note("constants", node, "comparison of constants is always %s" % value)
        return E.ExprConstant(node.source_ref, value=value)

    def _statement(self, statement):
        if statement.kind == "StmtIf":
            return self._predict_branch(statement)
        if statement.kind == "StmtTryExcept":
            return self._reduce_try(statement)
        return None

    def _predict_branch(self, statement):
        truth = Sh.known_truth(statement.condition)
        if truth is None:
            return None
        taken, dead = (statement.yes, statement.no) if truth else (statement.no, statement.yes)
        if _must_keep(dead or []):
            return None
        if not dead:
            what = "no test"
        elif truth and [n.kind for n in dead] == ["StmtBreak"]:
            what = "the loop's exit test is removed"
        else:
            what = "the %s is removed" % ("else part" if truth else "if body")
        self.explainer.note("constants", statement, "condition is always %s: %s" % (truth, what))
        return list(taken or [])

    def _reduce_try(self, statement):
        body = statement.body
        count = 0
        while count < len(body) and _cannot_raise(body[count]):
            count += 1
        if count == 0:
            return None
        if count == len(body):
            self.explainer.note(
                "constants", statement, "the try body cannot raise: its exception handler is removed"
            )
            return list(body)
        self.explainer.note(
            "constants", statement,
            "%d statement(s) that cannot raise moved out of the try body" % count,
        )
        statement.body = body[count:]
        return list(body[:count]) + [statement]

    def _remove_unreachable(self, node):
        for name in node.child_names:
            value = getattr(node, name)
            if isinstance(value, list):
                for item in value:
                    if item is not None:
                        self._remove_unreachable(item)
                if value and isinstance(value[0], St.StatementBase):
                    self._cut(node, name, value)
            elif value is not None:
                self._remove_unreachable(value)

    def _cut(self, node, name, statements):
        for index in range(len(statements) - 1):
            if leaves(statements[: index + 1]):
                rest = statements[index + 1:]
                if _must_keep(rest):
                    return
                self.explainer.note(
                    "constants", rest[0],
                    "%d statement(s) after %s cannot run: removed"
                    % (len(rest), _leaving_text(statements[index])),
                )
                setattr(node, name, statements[: index + 1])
                return


def propagate_constants(scope, explainer):
    _ConstantsPass(scope, explainer).run()


_OPERATION_TEXT = {"ExprBinary": "'%s'", "ExprInplace": "'%s='", "ExprCompare": "'%s'"}


def annotate_shapes(scope, explainer):
    """Attach the known shapes to the expressions of ``scope``."""
    if scope.scope_kind != "function":
        return
    traces = analyse(scope)
    for node, shape in traces.known_shapes():
        if node.kind != "ExprConstant":
            node.shape = shape
    for node, versions in traces.bound_refs():
        # Every version reaching the read binds the variable: code
        # generation leaves out the UnboundLocalError check.
        node.bound = True
    for node, shape in traces.known_shapes():
        name = Sh.specialised_operation(node)
        if name is not None:
            explainer.note(
                "shapes", node,
                "%s on two %ss: specialised C operation (no type dispatch)"
                % (_OPERATION_TEXT[node.kind] % node.op, name),
            )
