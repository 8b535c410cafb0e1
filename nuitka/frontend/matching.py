"""Reformulation of the ``match`` statement (PEP 634).

The statement becomes core nodes in a ``StmtTempBlock``::

    subject = <subject expression>          # evaluated once
    done = False
    <case 1>
    if not done: <case 2>
    ...

Each case runs the checks of its pattern, one per step of CPython's
compiled pattern (``Python/compile.c``) and in CPython's order, in a block
(``StmtLoop``) that a failed check leaves with ``break``, inside a temp
block of the case. Like CPython, names are only bound when the whole
pattern of a case matched (a failed case binds nothing): the values stay
where matching found them (temps, or items of tuples in temps; a temp per
name inside or-patterns) and are bound at the end of the block. Then the
guard is evaluated (a failed guard leaves the names bound) and the body
runs, outside the blocks so its ``break``/``continue`` work. An or-pattern
tries its alternatives in order, each in a block of its own, and sets an
indicator temp.

The checks that are not plain Python operations are the nodes of
``nuitka.nodes.matching`` (type flag checks, ``len``, key lookup with
``get``, class matching with ``__match_args__``, the ``**rest`` dict).
Compile-time errors (irrefutable patterns, duplicate names, ...) were
already reported by CPython's ``compile()`` of the source.
"""

import ast

from nuitka.nodes import expressions as E
from nuitka.nodes import matching as M
from nuitka.nodes import statements as St
from nuitka.nodes.base import SourceRef


def sref(node):
    return SourceRef.from_ast(node)


def _is_wildcard(pattern):
    return isinstance(pattern, ast.MatchAs) and pattern.pattern is None and pattern.name is None


def _is_star_wildcard(pattern):
    return isinstance(pattern, ast.MatchStar) and pattern.name is None


class _MatchBuilder:
    def __init__(self, builder, node):
        self.builder = builder
        self.node = node
        self.all_temps = []
        # Per case: temps to release once it is decided, the names to
        # bind in CPython's store order, for each name a factory of the
        # expression to bind, the temps of names bound in or-patterns.
        self.case_temps = []
        self.stores = []
        self.captures = {}
        self.capture_temps = {}
        self.or_depth = 0

    def temp(self, name, per_case=True):
        temp = self.builder.temp(name)
        if per_case:
            self.case_temps.append(temp)
        else:
            self.all_temps.append(temp)
        return temp

    # -- the statement ---------------------------------------------------------

    def build(self):
        node = self.node
        ref = sref(node)
        subject = self.temp("match_subject", per_case=False)
        self.subject = subject
        body = [St.StmtAssignTemp(sref(node.subject), temp=subject, value=self.builder.expr(node.subject))]
        self.done = None
        if len(node.cases) > 1:
            self.done = self.temp("match_done", per_case=False)
            body.append(St.StmtAssignTemp(ref, temp=self.done, value=E.ExprConstant(ref, value=False)))
        self.case_ok = self.temp("match_case_ok", per_case=False)
        for index, case in enumerate(node.cases):
            statements = self.build_case(case)
            if index == 0:
                body.extend(statements)
            else:
                body.append(
                    St.StmtIf(
                        sref(case.pattern),
                        condition=E.ExprNot(ref, operand=E.ExprTempRef(ref, temp=self.done)),
                        yes=statements,
                        no=[],
                    )
                )
        return St.StmtTempBlock(ref, temps=self.all_temps, body=body)

    def build_case(self, case):
        """The pattern's checks run in a block (a loop left with break) that a
        failed check leaves early; the guard and the body come after it, so
        a ``break``/``continue`` of the body is not caught by the block.
        The temps of the checks belong to a temp block of the case alone
        (released before the guard, like CPython's stack), which keeps the
        error exits of other cases and of the body from releasing them."""
        self.case_temps = []
        self.stores = []
        self.captures = {}
        self.capture_temps = {}
        self.or_depth = 0
        ref = sref(case.pattern)
        subject = self.subject
        checks = self.pattern(case.pattern, lambda: E.ExprTempRef(ref, temp=subject))
        # All checks passed: bind the names in CPython's store order.
        for name in self.stores:
            checks.append(
                St.StmtAssignVariable(ref, variable=self.builder.variable(name), value=self.captures[name]())
            )
        matching = self.block(ref, checks, self.case_ok)
        statements = [St.StmtTempBlock(ref, temps=self.case_temps, body=matching)]
        # The guard is built before the body: scopes (lambdas) are matched
        # with CPython's in source order.
        guard = self.builder.expr(case.guard) if case.guard is not None else None
        body = []
        if self.done is not None:
            body.append(St.StmtAssignTemp(ref, temp=self.done, value=E.ExprConstant(ref, value=True)))
        # The subject is no longer held while the body runs.
        body.append(St.StmtReleaseTemp(ref, temp=subject))
        body.extend(self.builder.statements(case.body))
        if guard is not None:
            body = [St.StmtIf(sref(case.guard), condition=guard, yes=body, no=[])]
        statements.append(St.StmtIf(ref, condition=E.ExprTempRef(ref, temp=self.case_ok), yes=body, no=[]))
        return statements

    # -- helpers --------------------------------------------------------------

    @staticmethod
    def block(ref, checks, indicator):
        """``indicator = False``, then ``checks`` in a block that they leave
        with ``break`` on failure; ``indicator`` becomes True when all pass."""
        return [
            St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=False)),
            St.StmtLoop(
                ref,
                body=checks
                + [
                    St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=True)),
                    St.StmtBreak(ref),
                ],
            ),
        ]

    @staticmethod
    def check(ref, condition):
        """Leave the block unless ``condition`` is true."""
        return [St.StmtIf(ref, condition=condition, yes=[], no=[St.StmtBreak(ref)])]

    def capture(self, name, ref, subject):
        """Statements that keep the value of ``subject()`` for binding
        ``name`` later. Subjects stay valid until the case is decided (they
        are temps, or items of tuples in temps), so outside of or-patterns
        the binding reads them directly; an or-pattern's alternatives
        bind from different places, so they go through a temp."""
        if name not in self.stores:
            self.stores.append(name)
        if not self.or_depth:
            self.captures[name] = subject
            return []
        temp = self.capture_temps.get(name)
        if temp is None:
            temp = self.capture_temps[name] = self.temp("match_capture")
        self.captures[name] = lambda: E.ExprTempRef(ref, temp=temp)
        return [St.StmtAssignTemp(ref, temp=temp, value=subject())]

    def value(self, node):
        """A literal (folded like CPython's compiler) or a dotted name."""
        if isinstance(node, (ast.UnaryOp, ast.BinOp)):
            try:
                return E.ExprConstant(sref(node), value=ast.literal_eval(node))
            except ValueError:
                pass
        return self.builder.expr(node)

    def length(self, ref, subject):
        return M.ExprMatchLen(ref, subject=subject())

    @staticmethod
    def item(ref, temp, index):
        return lambda: E.ExprTupleItem(ref, source=E.ExprTempRef(ref, temp=temp), index=index)

    def sub_patterns(self, patterns, subjects):
        """Match ``patterns[i]`` against ``subjects[i]()`` in order; skipped
        entries are None."""
        result = []
        for pattern, subject in zip(patterns, subjects):
            if pattern is not None:
                result.extend(self.pattern(pattern, subject))
        return result

    # -- patterns -------------------------------------------------------------

    def pattern(self, pattern, subject):
        """Statements matching ``pattern`` against ``subject()`` (a factory of
        expressions without side effects): they leave the enclosing block
        with ``break`` when it does not match."""
        method = getattr(self, "pattern_" + type(pattern).__name__)
        return method(pattern, subject)

    def pattern_MatchValue(self, pattern, subject):
        ref = sref(pattern)
        return self.check(ref, E.ExprCompare(ref, op="==", left=subject(), right=self.value(pattern.value)))

    def pattern_MatchSingleton(self, pattern, subject):
        ref = sref(pattern)
        value = E.ExprConstant(ref, value=pattern.value)
        return self.check(ref, E.ExprCompare(ref, op="is", left=subject(), right=value))

    def pattern_MatchAs(self, pattern, subject):
        ref = sref(pattern)
        result = []
        if pattern.pattern is not None:
            result.extend(self.pattern(pattern.pattern, subject))
        if pattern.name is not None:
            result.extend(self.capture(pattern.name, ref, subject))
        return result

    def pattern_MatchStar(self, pattern, subject):
        if pattern.name is None:
            return []
        return self.capture(pattern.name, sref(pattern), subject)

    def pattern_MatchOr(self, pattern, subject):
        ref = sref(pattern)
        matched = self.temp("match_or")
        result = []
        stores_after_first = None
        for index, alternative in enumerate(pattern.patterns):
            self.or_depth += 1
            checks = self.pattern(alternative, subject)
            self.or_depth -= 1
            statements = self.block(sref(alternative), checks, matched)
            if index == 0:
                # The first alternative decides the store order.
                stores_after_first = list(self.stores)
                result.extend(statements)
            else:
                self.stores = list(stores_after_first)
                result.append(
                    St.StmtIf(
                        sref(alternative),
                        condition=E.ExprNot(ref, operand=E.ExprTempRef(ref, temp=matched)),
                        yes=statements,
                        no=[],
                    )
                )
        return result + self.check(ref, E.ExprTempRef(ref, temp=matched))

    def pattern_MatchSequence(self, pattern, subject):
        ref = sref(pattern)
        patterns = pattern.patterns
        size = len(patterns)
        star = None
        for index, sub in enumerate(patterns):
            if isinstance(sub, ast.MatchStar):
                star = index
        star_wildcard = star is not None and _is_star_wildcard(patterns[star])
        only_wildcard = all(_is_wildcard(sub) or _is_star_wildcard(sub) for sub in patterns)

        result = self.check(ref, M.ExprMatchTypeCheck(ref, subject=subject(), match_kind="sequence"))
        if star is None:
            result += self.check(
                ref, E.ExprCompare(ref, op="==", left=self.length(ref, subject), right=E.ExprConstant(ref, value=size))
            )
        elif size > 1:
            result += self.check(
                ref,
                E.ExprCompare(ref, op=">=", left=self.length(ref, subject), right=E.ExprConstant(ref, value=size - 1)),
            )
        if only_wildcard:
            return result
        if star_wildcard:
            # Items by index (the ones after the star computed from len, as
            # the subject may not support negative indexes).
            for index, sub in enumerate(patterns):
                if index == star or _is_wildcard(sub):
                    continue
                if index < star:
                    key = E.ExprConstant(ref, value=index)
                else:
                    key = E.ExprBinary(
                        ref, op="-", left=self.length(ref, subject), right=E.ExprConstant(ref, value=size - index)
                    )
                item = self.temp("match_item")
                result.append(
                    St.StmtAssignTemp(ref, temp=item, value=E.ExprSubscript(ref, source=subject(), index=key))
                )
                result.extend(self.pattern(sub, lambda item=item: E.ExprTempRef(ref, temp=item)))
            return result
        unpacked = self.temp("match_items")
        result.append(
            St.StmtAssignTemp(
                ref, temp=unpacked, value=E.ExprUnpack(ref, value=subject(), count=size, star_index=star)
            )
        )
        subjects = [self.item(ref, unpacked, index) for index in range(size)]
        subs = [None if _is_wildcard(sub) else sub for sub in patterns]
        return result + self.sub_patterns(subs, subjects)

    def pattern_MatchMapping(self, pattern, subject):
        ref = sref(pattern)
        size = len(pattern.keys)
        result = self.check(ref, M.ExprMatchTypeCheck(ref, subject=subject(), match_kind="mapping"))
        if not size and pattern.rest is None:
            return result
        if size:
            result += self.check(
                ref, E.ExprCompare(ref, op=">=", left=self.length(ref, subject), right=E.ExprConstant(ref, value=size))
            )
        keys = self.temp("match_keys")
        result.append(
            St.StmtAssignTemp(
                ref,
                temp=keys,
                value=E.ExprMakeTuple(ref, elements=[self.value(key) for key in pattern.keys], star_flags=[False] * size),
            )
        )
        if size:
            values = self.temp("match_values")
            result.append(
                St.StmtAssignTemp(
                    ref, temp=values, value=M.ExprMatchKeys(ref, subject=subject(), keys=E.ExprTempRef(ref, temp=keys))
                )
            )
            result += self.check(
                ref,
                E.ExprCompare(
                    ref, op="is not", left=E.ExprTempRef(ref, temp=values), right=E.ExprConstant(ref, value=None)
                ),
            )
            subjects = [self.item(ref, values, index) for index in range(size)]
            result += self.sub_patterns(list(pattern.patterns), subjects)
        if pattern.rest is not None:
            rest = self.temp("match_rest")
            result.append(
                St.StmtAssignTemp(
                    ref, temp=rest, value=M.ExprMatchRest(ref, subject=subject(), keys=E.ExprTempRef(ref, temp=keys))
                )
            )
            result += self.capture(pattern.rest, ref, lambda: E.ExprTempRef(ref, temp=rest))
        return result

    def pattern_MatchClass(self, pattern, subject):
        ref = sref(pattern)
        attrs = self.temp("match_attrs")
        result = [
            St.StmtAssignTemp(
                ref,
                temp=attrs,
                value=M.ExprMatchClass(
                    ref,
                    subject=subject(),
                    cls=self.builder.expr(pattern.cls),
                    nargs=len(pattern.patterns),
                    kw_names=list(pattern.kwd_attrs),
                ),
            )
        ]
        result += self.check(
            ref, E.ExprCompare(ref, op="is not", left=E.ExprTempRef(ref, temp=attrs), right=E.ExprConstant(ref, value=None))
        )
        subs = [None if _is_wildcard(sub) else sub for sub in list(pattern.patterns) + list(pattern.kwd_patterns)]
        subjects = [self.item(ref, attrs, index) for index in range(len(subs))]
        return result + self.sub_patterns(subs, subjects)


def build_match(builder, node):
    """The core statements for a ``match`` statement."""
    return _MatchBuilder(builder, node).build()
