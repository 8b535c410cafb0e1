"""Code generation for ``await``, ``async for`` and ``async with``.

An ``await`` is a ``yield from`` with GET_AWAITABLE semantics
(``Nuitka_AwaitBegin``): the body returns what the awaited object yields
and the runtime (nuitka/runtime/generator.c) drives it through
``gen->yieldfrom`` on each resume until it finishes; then the body
resumes with its result (or with the exception set, ``sent == NULL``).
"""

from .expressions import emit_delegation, emit_expr, emit_operation, emitter
from .statements import _emit_break
from .statements import emitter as statement_emitter

AWAIT_KINDS = {
    "plain": "NUITKA_AWAIT_PLAIN",
    None: "NUITKA_AWAIT_PLAIN",
    "aenter": "NUITKA_AWAIT_AENTER",
    "aexit": "NUITKA_AWAIT_AEXIT",
}


def _emit_await(ctx, value, kind, check):
    """Await the owned ``value`` (released); ``check(condition)`` emits the
    error exit. Returns the live C temp with the result."""
    return emit_delegation(ctx, value, "Nuitka_AwaitBegin(tstate, gen, %%s, %s, %%s)" % kind, check)


@emitter("ExprAwait")
def emit_await(node, ctx):
    value = emit_expr(node.value, ctx)
    ctx.set_position(node.source_ref)
    return _emit_await(ctx, value, AWAIT_KINDS[node.await_kind], ctx.check)


@emitter("ExprAsyncIter")
def emit_async_iter(node, ctx):
    return emit_operation(ctx, node, "Nuitka_AsyncIter(%s)", node.value)


@emitter("ExprAsyncWithEnter")
def emit_async_with_enter(node, ctx):
    return emit_operation(
        ctx, node, "Nuitka_AsyncWithEnter(%%s, &%s)" % ctx.temp_var(node.exit_temp), node.manager
    )


@statement_emitter("StmtAsyncLoopNext")
def emit_async_loop_next(node, ctx):
    # As GET_ANEXT + SEND under the handler of END_ASYNC_FOR: an exception
    # from either goes to `stop`, where StopAsyncIteration ends the loop.
    iterator = emit_expr(node.iterator, ctx)
    ctx.set_position(node.source_ref)
    stop = ctx.new_label("async_for_stop")
    got = ctx.new_label("async_for_value")
    awaitable = ctx.new_ctemp()
    ctx.emit("%s = Nuitka_AsyncNext(%s);" % (awaitable, iterator))
    ctx.release(iterator)
    ctx.emit("if (unlikely(%s == NULL)) goto %s;" % (awaitable, stop))
    ctx.add_live(awaitable)

    def check(condition):
        ctx.emit("if (unlikely(%s)) goto %s;" % (condition, stop))

    value = _emit_await(ctx, awaitable, "NUITKA_AWAIT_ANEXT", check)
    ctx.emit("Py_XSETREF(%s, %s);" % (ctx.temp_var(node.temp), value))
    ctx.forget(value)
    ctx.emit("goto %s;" % got)
    ctx.lines.append("%s:;" % stop)
    ctx.emit("if (!PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) goto %s;" % ctx.error_label())
    ctx.emit("PyErr_Clear();")
    if node.else_indicator is not None:
        ctx.emit("Py_XSETREF(%s, Py_NewRef(Py_True));" % ctx.temp_var(node.else_indicator))
    _emit_break(ctx)
    ctx.lines.append("%s:;" % got)
    ctx.current_pos = None
