"""Nodes for coroutines: the parts of ``await``, ``async for`` and
``async with`` that are not plain Python operations (CPython's GET_AITER,
GET_ANEXT and BEFORE_ASYNC_WITH opcodes). ``ExprAwait`` itself is in
``expressions``; its ``await_kind`` is "plain", "aenter" or "aexit" (only
the error messages differ).
"""

from .expressions import _expr
from .statements import _stmt

# GET_AITER: the asynchronous iterator of the value.
ExprAsyncIter = _expr("ExprAsyncIter", ("value",))
# BEFORE_ASYNC_WITH: stores the bound __aexit__ in ``exit_temp`` and
# produces the (not yet awaited) result of calling __aenter__.
ExprAsyncWithEnter = _expr("ExprAsyncWithEnter", ("manager",), ("exit_temp",))
# One step of ``async for``: awaits ``__anext__()`` of the iterator and
# assigns the result to ``temp``; StopAsyncIteration (from the call or the
# awaiting) sets ``else_indicator`` (if any) and breaks the innermost loop.
StmtAsyncLoopNext = _stmt("StmtAsyncLoopNext", ("iterator",), ("temp", "else_indicator"))
