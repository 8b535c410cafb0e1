"""Reformulation of ``try``/``except*`` (PEP 654).

Mirrors CPython's compilation (``compiler_try_star_except`` in compile.c):
the handler of the ``try`` (where ``sys.exc_info()`` is the original
exception) keeps the unhandled part of the exception in a temp ("rest",
initially the exception itself) and a list of the exceptions raised or
re-raised by the clauses. For each clause, in order, the type expression
is evaluated and validated and the rest is split (CHECK_EG_MATCH, a naked
exception is wrapped in an ``ExceptionGroup("", [exc])``); a non-None match
is bound to the name and the clause body runs with it as the handled
exception, under a try/except that appends whatever it raises to the list.
At the end the rest is appended and PREP_RERAISE_STAR decides what, if
anything, is raised (without a traceback entry for this frame, like
RERAISE). ``else`` and ``finally`` are added by ``build_try`` as for
``try``/``except``; ``break``/``continue``/``return`` in a clause are
syntax errors reported by CPython's ``compile()``.
"""

from nuitka.nodes import expressions as E
from nuitka.nodes import statements as St
from nuitka.nodes.base import SourceRef
from nuitka.nodes.exception_groups import (
    StmtExceptionGroupMatch,
    StmtExceptStarClause,
    StmtReraiseStar,
)


def build_star_handlers(builder, handlers):
    ref = SourceRef.from_ast(handlers[0])
    rest = builder.temp("eg_rest")
    raised = builder.temp("eg_raised")
    match = builder.temp("eg_match")
    body = [
        St.StmtAssignTemp(ref, temp=rest, value=E.ExprCaughtException(ref)),
        St.StmtAssignTemp(ref, temp=raised, value=E.ExprMakeList(ref, elements=[], star_flags=[])),
    ]
    for handler in handlers:
        href = SourceRef.from_ast(handler)
        body.append(
            StmtExceptionGroupMatch(
                href,
                exc_type=builder.expr(handler.type),
                rest_temp=rest,
                match_temp=match,
            )
        )
        clause = []
        cleanup = []
        if handler.name is not None:
            var = builder.variable(handler.name)
            clause.append(St.StmtAssignVariable(href, variable=var, value=E.ExprTempRef(href, temp=match)))
            # ``name = None; del name``, whichever way the clause is left.
            cleanup = [
                St.StmtAssignVariable(href, variable=var, value=E.ExprConstant(href, value=None)),
                St.StmtDelVariable(href, variable=var),
            ]
        clause_body = [StmtExceptStarClause(href, match_temp=match, body=builder.statements(handler.body))]
        clause.append(
            St.StmtTryExcept(
                href,
                body=clause_body + cleanup,
                handler=list(cleanup)
                + [
                    St.StmtContainerAdd(
                        href,
                        container=E.ExprTempRef(href, temp=raised),
                        key=None,
                        value=E.ExprCaughtException(href),
                        container_kind="list",
                    )
                ],
            )
        )
        body.append(
            St.StmtIf(
                href,
                condition=E.ExprCompare(
                    href,
                    left=E.ExprTempRef(href, temp=match),
                    right=E.ExprConstant(href, value=None),
                    op="is not",
                ),
                yes=clause,
                no=[],
            )
        )
    body.append(StmtReraiseStar(ref, orig=E.ExprCaughtException(ref), raised_temp=raised, rest_temp=rest))
    return [St.StmtTempBlock(ref, temps=[rest, raised, match], body=body)]
