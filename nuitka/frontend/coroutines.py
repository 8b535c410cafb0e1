"""Reformulation of ``async for``, ``async with`` and the async parts of
comprehensions (``await`` itself is ``ExprAwait``).

``async with`` is ``with`` whose ``__aenter__()``/``__aexit__()`` results are
awaited (GET_AWAITABLE with CPython's 'async with' messages); ``async for``
is a loop whose step awaits ``__anext__()`` and ends on StopAsyncIteration
(``StmtAsyncLoopNext``), keeping the ``else`` indicator of ``for``.
"""

import sys

from nuitka.nodes import coroutines as C
from nuitka.nodes import expressions as E
from nuitka.nodes import statements as St

from .building import sref


def build_async_with(builder, node, items=None):
    items = list(node.items) if items is None else items
    item = items[0]
    ref = sref(item.context_expr)
    exit_temp = builder.temp("async_with_exit")
    enter_temp = builder.temp("async_with_enter")
    indicator = builder.temp("async_with_ok")
    body = []
    if item.optional_vars is not None:
        body.extend(builder.assign_target(item.optional_vars, E.ExprTempRef(ref, temp=enter_temp)))
    if len(items) > 1:
        body.append(build_async_with(builder, node, items[1:]))
    else:
        body.extend(builder.statements(node.body))
    with_ref = sref(node)

    # CPython 3.11/3.12 locate both __aexit__ calls at the whole statement,
    # 3.13 at the context expression.
    exit_ref = with_ref if sys.version_info < (3, 13) else ref

    def awaited_exit(with_exception):
        return E.ExprAwait(
            exit_ref,
            value=E.ExprWithExit(exit_ref, exit_temp=exit_temp, with_exception=with_exception),
            await_kind="aexit",
        )

    return St.StmtTempBlock(
        ref,
        temps=[exit_temp, enter_temp, indicator],
        body=[
            St.StmtAssignTemp(
                ref,
                temp=enter_temp,
                value=E.ExprAwait(
                    ref,
                    value=C.ExprAsyncWithEnter(
                        ref, manager=builder.expr(item.context_expr), exit_temp=exit_temp
                    ),
                    await_kind="aenter",
                ),
            ),
            St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=True)),
            St.StmtTryFinally(
                with_ref,
                body=[
                    St.StmtTryExcept(
                        with_ref,
                        body=body,
                        handler=[
                            St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=False)),
                            St.StmtIf(
                                ref,
                                condition=awaited_exit(True),
                                yes=[],
                                no=[St.StmtReraise(ref, position="origin")],
                            ),
                        ],
                    )
                ],
                final=[
                    St.StmtIf(
                        ref,
                        condition=E.ExprTempRef(ref, temp=indicator),
                        yes=[St.StmtExpression(ref, expression=awaited_exit(False))],
                        no=[],
                    )
                ],
            ),
        ],
    )


def build_async_for(builder, node):
    ref = sref(node)
    iterator = builder.temp("async_for_iterator")
    value = builder.temp("async_for_value")
    temps = [iterator, value]
    indicator = None
    # GET_AITER and GET_ANEXT carry the location of the whole statement.
    body = [
        St.StmtAssignTemp(ref, temp=iterator, value=C.ExprAsyncIter(ref, value=builder.expr(node.iter)))
    ]
    if node.orelse:
        indicator = builder.temp("async_for_else")
        temps.append(indicator)
        body.append(St.StmtAssignTemp(ref, temp=indicator, value=E.ExprConstant(ref, value=False)))
    loop_body = [
        C.StmtAsyncLoopNext(
            ref, iterator=E.ExprTempRef(ref, temp=iterator), temp=value, else_indicator=indicator
        )
    ]
    loop_body.extend(builder.assign_target(node.target, E.ExprTempRef(sref(node.target), temp=value)))
    loop_body.extend(builder.statements(node.body))
    body.append(St.StmtLoop(ref, body=loop_body))
    if node.orelse:
        body.append(
            St.StmtIf(
                ref,
                condition=E.ExprTempRef(ref, temp=indicator),
                yes=builder.statements(node.orelse),
                no=[],
            )
        )
    return St.StmtTempBlock(ref, temps=temps, body=body)


# -- comprehensions ------------------------------------------------------------


def comprehension_iter(ref, value, is_async):
    """GET_ITER or GET_AITER of a comprehension's iterable."""
    if is_async:
        return C.ExprAsyncIter(ref, value=value)
    return E.ExprIter(ref, value=value)


def comprehension_loop_next(ref, iterator, temp, is_async):
    cls = C.StmtAsyncLoopNext if is_async else St.StmtLoopNext
    return cls(ref, iterator=iterator, temp=temp, else_indicator=None)


def await_comprehension_call(scope, kind, call):
    """A list/set/dict comprehension that is a coroutine (it has ``async
    for`` or ``await``) is awaited where it is called; an asynchronous
    generator expression is not."""
    if kind != "generator" and scope.is_coroutine:
        return E.ExprAwait(call.source_ref, value=call, await_kind="plain")
    return call
