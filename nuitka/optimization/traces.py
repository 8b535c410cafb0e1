"""Variable traces of the local variables of one function scope.

Every assignment of a traced variable is a *version* of it (a
:class:`Version`); the analysis finds, for every read of the variable
(``ExprVariableRef``), the set of versions that can reach it, and the shape
(``shapes.py``) of the value of each version. It is an abstract
interpretation of the structured node tree:

* an ``if`` joins the versions of both branches, ``and``/``or`` and
  conditional expressions likewise;
* a loop is iterated to a fixpoint (its head joins the entry with the end
  of the body and every ``continue``), its exit joins every ``break``
  (``StmtLoopNext`` included);
* a ``try``'s handler starts from the entry joined with every version made
  anywhere in the body (an exception can come from any point), a
  ``finally`` likewise, and a ``break``/``continue`` leaving through a
  ``finally`` also carries what the ``finally`` assigned;
* return, raise and re-raise end the flow (nothing reaches past them).

Shapes of versions can depend on each other through loops (``i = i + 1``):
the whole analysis is repeated until no shape widened.

What is traced, conservatively:

* only scopes of kind "function" (not module level, not class bodies, whose
  namespaces can be changed from outside);
* only variables of kind ``LOCAL``: a variable captured by an inner scope
  or declared ``nonlocal`` is a cell (``CELL``/``FREE``), never traced;
* no variable of a function that names ``locals``, ``vars``, ``exec``,
  ``eval``, ``breakpoint`` or reads an attribute ``f_locals``,
  ``_getframe`` or ``currentframe`` (frame introspection, debuggers);
* on Python 3.13+, where ``frame.f_locals`` writes through to the fast
  locals (PEP 667), any point that can run code of the program (a call, an
  attribute, an operation on or the truth of a value of unknown shape,
  ``yield``...) makes every variable unknown: code running meanwhile could
  have rebound it (finalizers the garbage collector runs at arbitrary
  points are not counted among those);
* ``del x`` makes ``x`` unbound, a read of a maybe-unbound variable is
  never replaced (its ``UnboundLocalError`` stays);
* any node kind this module does not know makes the whole scope untraced.
"""

import sys

from nuitka.nodes import scopes as S

from . import shapes as Sh

#: PEP 667: writes through another frame's f_locals proxy reach the fast
#: locals of a running (or suspended) function.
FRAME_LOCALS_WRITE_THROUGH = sys.version_info >= (3, 13)

_INTROSPECTION = frozenset(("locals", "vars", "exec", "eval", "breakpoint", "f_locals", "_getframe", "currentframe"))


class Version:
    """One version of a variable: ``kind`` "param" (argument value),
    "assign" (``node`` assigns it; ``value`` is the assigned expression or
    None when unknown), "unbound" (before assignment, after ``del``) or
    "unknown" (anything, maybe unbound)."""

    def __init__(self, variable, kind, node=None, value=None):
        self.variable = variable
        self.kind = kind
        self.node = node
        self.value = value
        self.shape = frozenset() if kind == "assign" and value is not None else None

    def constant(self):
        """The assigned ExprConstant, if this version is one."""
        if self.kind == "assign" and self.value is not None and self.value.kind == "ExprConstant":
            return self.value
        return None

    def __repr__(self):
        return "<Version %s %s line %s>" % (
            self.variable.name, self.kind, self.node.source_ref.line if self.node is not None else "-"
        )


class Untraceable(Exception):
    """The scope has something the analysis does not model."""


# Expressions whose evaluation is their children's in order, then one
# operation. ``_NO_CODE`` ones cannot run code of the program by themselves.
_PLAIN_EXPRESSIONS = frozenset((
    "ExprConstant", "ExprTempRef", "ExprAttribute", "ExprSubscript", "ExprSlice", "ExprBinary",
    "ExprInplace", "ExprUnary", "ExprNot", "ExprCompare", "ExprCall", "ExprMakeList", "ExprMakeTuple",
    "ExprMakeSet", "ExprMakeDict", "ExprFormatValue", "ExprJoinStr", "ExprMakeFunction", "ExprBuildClass",
    "ExprYield", "ExprYieldFrom", "ExprAwait", "ExprImportName", "ExprImportFrom", "ExprUnpack",
    "ExprTupleItem", "ExprCaughtException", "ExprExceptionMatch", "ExprIter", "ExprIterNext",
    "ExprAssignTemp", "ExprWithEnter", "ExprWithExit", "ExprTempTake", "ExprMatchTypeCheck", "ExprMatchLen",
    "ExprMatchKeys", "ExprMatchClass", "ExprMatchRest", "ExprAsyncIter", "ExprAsyncWithEnter",
    "ExprIntrinsic", "ExprClassDictLoad", "ExprCellObject",
))
_NO_CODE = frozenset((
    "ExprConstant", "ExprTempRef", "ExprTempTake", "ExprTupleItem", "ExprCaughtException",
    "ExprMakeTuple", "ExprMakeList", "ExprMakeFunction", "ExprAssignTemp", "ExprCellObject",
))
# Operations that run no code of the program when the operand shapes are
# known (exact builtin types).
_NO_CODE_WITH_SHAPES = frozenset(("ExprBinary", "ExprInplace", "ExprUnary", "ExprCompare", "ExprNot"))


def _join_states(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return {var: a[var] | b[var] for var in a}


class _Loop:
    def __init__(self):
        self.breaks = []
        self.continues = []


class TraceAnalysis:
    """The traces of one function scope; see the module docstring.

    After :meth:`run`: ``versions_at(ref)`` gives the versions reaching an
    ``ExprVariableRef`` (None: not traced), ``shapes[id(node)]`` the shape
    of expression nodes (only where known).
    """

    def __init__(self, scope):
        self.scope = scope
        self.traced = {}
        self.refs = {}
        self.shapes = {}
        self.ok = False
        self._versions = {}

    # -- results --------------------------------------------------------

    def versions_at(self, ref):
        if not self.ok:
            return None
        entry = self.refs.get(id(ref))
        return None if entry is None else entry[1]

    def shape(self, node):
        entry = self.shapes.get(id(node)) if self.ok else None
        return None if entry is None else entry[1]

    def bound_refs(self):
        """(``ExprVariableRef``, versions) for every read that only
        assignments or the parameter's value reach: it cannot find the
        variable unbound."""
        if not self.ok:
            return []
        return [
            (node, versions)
            for node, versions in self.refs.values()
            if versions and all(version.kind in ("assign", "param") for version in versions)
        ]

    def known_shapes(self):
        """(expression node, shape) for every expression whose shape is
        known."""
        if not self.ok:
            return []
        return [(node, shape) for node, shape in self.shapes.values() if shape]

    # -- driver ---------------------------------------------------------

    def run(self):
        scope = self.scope
        if scope.scope_kind != "function" or scope.code is None:
            return self
        # Global and attribute names the function's code uses.
        if not _INTROSPECTION.isdisjoint(scope.code.co_names):
            return self
        self.traced = {v: None for v in scope.variables.values() if v.kind == S.LOCAL}
        code = scope.code
        nargs = code.co_argcount + code.co_kwonlyargcount + bool(code.co_flags & 4) + bool(code.co_flags & 8)
        params = set(code.co_varnames[:nargs])
        self._entry = {}
        for var in self.traced:
            kind = "param" if var.name in params else "unbound"
            self._entry[var] = frozenset((self._version(var, kind, (kind,)),))
        try:
            for _round in range(20):
                self._changed = False
                self.refs = {}
                self.shapes = {}
                self._loops = []
                self._collectors = []
                self._statements(scope.body, dict(self._entry))
                if not self._changed:
                    self.ok = True
                    break
        except Untraceable:
            pass
        return self

    def _version(self, var, kind, key, node=None, value=None):
        key = (var, key)
        version = self._versions.get(key)
        if version is None:
            version = self._versions[key] = Version(var, kind, node, value)
        return version

    def _set(self, state, var, versions):
        state[var] = versions
        for collector in self._collectors:
            collector[var] = collector.get(var, frozenset()) | versions

    def _assign(self, state, var, node, value, shape, key=None):
        if var not in self.traced or state is None:
            return
        version = self._version(var, "assign", key or id(node), node, value)
        if value is None:
            version.shape = None
        elif version.shape is not None:
            widened = Sh.join(version.shape, shape)
            if widened != version.shape:
                version.shape = widened
                self._changed = True
        self._set(state, var, frozenset((version,)))

    def _barrier(self, state):
        """Code of the program may have run: on 3.13+ it may have rebound
        every local through a frame's f_locals."""
        if FRAME_LOCALS_WRITE_THROUGH and state is not None:
            for var in self.traced:
                self._set(state, var, frozenset((self._version(var, "unknown", ("unknown",)),)))

    def _truth_test(self, shape, state):
        """The truth of a value of unknown shape can run ``__bool__``."""
        if shape is None:
            self._barrier(state)

    # -- statements -----------------------------------------------------

    def _statements(self, statements, state):
        for statement in statements:
            if state is None:
                break
            state = self._statement(statement, state)
        return state

    def _statement(self, node, state):
        kind = node.kind
        if kind == "StmtAssignVariable":
            shape = self._expr(node.value, state)
            self._assign(state, node.variable, node, node.value, shape)
            return state
        if kind in ("StmtExpression", "StmtAssignTemp", "StmtContainerAdd", "StmtUnpackTemps",
                    "StmtAssignAttribute", "StmtAssignSubscript", "StmtDelAttribute", "StmtDelSubscript",
                    "StmtExceptionGroupMatch", "StmtImportStar", "StmtSetupAnnotations"):
            for child in node.children():
                self._expr(child, state)
            if kind not in ("StmtAssignTemp", "StmtExpression"):
                self._barrier(state)
            return state
        if kind in ("StmtPass", "StmtReleaseTemp"):
            return state
        if kind == "StmtDelVariable":
            var = node.variable
            if var in self.traced:
                self._set(state, var, frozenset((self._version(var, "unbound", ("unbound",)),)))
            return state
        if kind == "StmtUnpackLocals":
            self._expr(node.value, state)
            self._barrier(state)
            for var in node.variables:
                self._assign(state, var, node, None, None, key=(id(node), var.name))
            return state
        if kind == "StmtIf":
            self._truth_test(self._expr(node.condition, state), state)
            yes = self._statements(node.yes or [], dict(state))
            no = self._statements(node.no or [], dict(state))
            return _join_states(yes, no)
        if kind == "StmtTempBlock" or kind == "StmtExceptStarClause":
            return self._statements(node.body, state)
        if kind == "StmtLoop":
            return self._loop(node, state)
        if kind in ("StmtLoopNext", "StmtAsyncLoopNext"):
            self._expr(node.iterator, state)
            self._barrier(state)
            self._innermost_loop().breaks.append(dict(state))
            return state
        if kind == "StmtBreak":
            self._innermost_loop().breaks.append(state)
            return None
        if kind == "StmtContinue":
            self._innermost_loop().continues.append(state)
            return None
        if kind in ("StmtReturn", "StmtRaise", "StmtReraiseStar"):
            for child in node.children():
                self._expr(child, state)
            return None
        if kind == "StmtReraise":
            return None
        if kind == "StmtTryExcept":
            return self._try_except(node, state)
        if kind == "StmtTryFinally":
            return self._try_finally(node, state)
        raise Untraceable(kind)

    def _innermost_loop(self):
        if not self._loops:
            raise Untraceable("break outside loop")
        return self._loops[-1]

    def _loop(self, node, state):
        head = state
        for _ in range(100):
            loop = _Loop()
            self._loops.append(loop)
            try:
                end = self._statements(node.body, dict(head))
            finally:
                self._loops.pop()
            new_head = head
            for other in [end] + loop.continues:
                new_head = _join_states(new_head, other)
            if new_head == head:
                break
            head = new_head
        else:
            raise Untraceable("loop fixpoint")
        result = None
        for other in loop.breaks:
            result = _join_states(result, other)
        return result

    def _with_collector(self, body, state):
        """Analyse ``body``; returns (normal exit state, every version made
        anywhere in it joined with ``state``)."""
        collector = {}
        self._collectors.append(collector)
        try:
            end = self._statements(body, dict(state))
        finally:
            self._collectors.pop()
        anywhere = dict(state)
        for var, versions in collector.items():
            anywhere[var] = anywhere[var] | versions
        # Whatever made them, these versions also reach the outer handlers.
        for outer in self._collectors:
            for var, versions in collector.items():
                outer[var] = outer.get(var, frozenset()) | versions
        return end, anywhere

    def _try_except(self, node, state):
        end, anywhere = self._with_collector(node.body, state)
        handled = self._statements(node.handler or [], anywhere)
        return _join_states(end, handled)

    def _try_finally(self, node, state):
        marks = [(len(loop.breaks), len(loop.continues)) for loop in self._loops]
        end, anywhere = self._with_collector(node.body, state)
        final_end = self._statements(node.final or [], _join_states(anywhere, end))
        if final_end is not None:
            # break/continue left through the finally: it ran before.
            for loop, (nb, nc) in zip(self._loops, marks):
                loop.breaks[nb:] = [_join_states(s, final_end) for s in loop.breaks[nb:]]
                loop.continues[nc:] = [_join_states(s, final_end) for s in loop.continues[nc:]]
        return final_end if end is not None else None

    # -- expressions ----------------------------------------------------

    def _expr(self, node, state):
        """Evaluate ``node`` in ``state`` (updated in place); its shape."""
        if node is None or state is None:
            return None
        kind = node.kind
        if kind == "ExprVariableRef":
            var = node.variable
            if var not in self.traced:
                shape = None
            else:
                versions = state[var]
                old = self.refs.get(id(node))
                if old is not None:
                    versions = versions | old[1]
                self.refs[id(node)] = (node, versions)
                shape = frozenset()
                for version in versions:
                    if version.kind != "assign" or version.shape is None:
                        shape = None
                        break
                    shape = shape | version.shape
                if not shape:
                    shape = None
            self._record(node, shape)
            return shape
        if kind == "ExprAssignVariable":
            shape = self._expr(node.value, state)
            self._assign(state, node.variable, node, node.value, shape)
            self._record(node, shape)
            return shape
        if kind in ("ExprAnd", "ExprOr"):
            shapes = {id(node.left): self._expr(node.left, state)}
            self._truth_test(shapes[id(node.left)], state)
            other = dict(state)
            shapes[id(node.right)] = self._expr(node.right, other)
            state.update(_join_states(state, other))
            return self._record(node, Sh.expression_shape(node, lambda c: shapes[id(c)]))
        if kind == "ExprConditional":
            self._truth_test(self._expr(node.condition, state), state)
            yes = dict(state)
            shapes = {id(node.yes): self._expr(node.yes, yes), id(node.no): self._expr(node.no, state)}
            state.update(_join_states(state, yes))
            return self._record(node, Sh.expression_shape(node, lambda c: shapes[id(c)]))
        if kind == "ExprOutline":
            end = self._statements(node.body or [], state)
            if end is None:
                raise Untraceable("outline body leaves")
            _continue_with(state, end)
            return self._record(node, self._expr(node.result, state))
        if kind == "ExprInlinedComprehension":
            return self._inlined_comprehension(node, state)
        if kind not in _PLAIN_EXPRESSIONS:
            raise Untraceable(kind)
        shapes = {}
        for child in node.children():
            shapes[id(child)] = self._expr(child, state)
        shape = Sh.expression_shape(node, lambda c: shapes.get(id(c)))
        if kind not in _NO_CODE and not (
            kind in _NO_CODE_WITH_SHAPES and all(s is not None for s in shapes.values())
        ):
            self._barrier(state)
        return self._record(node, shape)

    def _record(self, node, shape):
        key = id(node)
        if key in self.shapes:
            shape = Sh.join(self.shapes[key][1], shape)
        self.shapes[key] = (node, shape)
        return shape

    def _inlined_comprehension(self, node, state):
        self._expr(node.first_iter, state)
        slots = {slot for _temp, slot, _make_cell in node.saves}
        hit = [var for var in self.traced if var.slot in slots]
        for var in hit:
            self._set(state, var, frozenset((self._version(var, "unknown", ("unknown",)),)))
        end = self._statements(node.body, state)
        if end is None:
            raise Untraceable("comprehension body leaves")
        _continue_with(state, end)
        for var in hit:
            self._set(state, var, frozenset((self._version(var, "unknown", ("unknown",)),)))
        self._barrier(state)
        return self._record(node, None)


def _continue_with(state, end):
    """An expression's statements (a loop among them) may end in a new state
    dict: the expression's caller goes on with ``state``, so it takes that
    end state's content."""
    if end is not state:
        state.clear()
        state.update(end)


def analyse(scope):
    """The :class:`TraceAnalysis` of ``scope`` (``ok`` false when it could
    not be traced: then nothing is known)."""
    return TraceAnalysis(scope).run()
