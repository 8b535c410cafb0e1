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


def build_async_with(builder, node):
    # CPython 3.11/3.12 locate both __aexit__ calls at the whole statement,
    # 3.13 at the context expression.
    def awaited_exit(ref, exit_temp, with_exception):
        exit_ref = sref(node) if sys.version_info < (3, 13) else ref
        return E.ExprAwait(
            exit_ref,
            value=E.ExprWithExit(exit_ref, exit_temp=exit_temp, with_exception=with_exception),
            await_kind="aexit",
        )

    return builder.build_with_items(
        node,
        list(node.items),
        node.body,
        "async_with",
        lambda ref, manager, exit_temp: E.ExprAwait(
            ref, value=C.ExprAsyncWithEnter(ref, manager=manager, exit_temp=exit_temp), await_kind="aenter"
        ),
        awaited_exit,
    )


def build_async_for(builder, node):
    ref = sref(node)
    # GET_AITER and GET_ANEXT carry the location of the whole statement.
    return builder.build_for_loop(
        node,
        "async_for",
        C.ExprAsyncIter(ref, value=builder.expr(node.iter)),
        lambda iterator, value, indicator: C.StmtAsyncLoopNext(
            ref, iterator=iterator, temp=value, else_indicator=indicator
        ),
    )


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
