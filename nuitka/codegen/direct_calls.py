"""Fast entries of compiled functions and direct calls of them.

Every plain function (see :func:`has_fast_entry`) gets a C entry
``<name>_fast(tstate, func, args)`` for a call with exactly its positional
parameters (``nuitka/runtime/include/nuitka/function_fast.h``): the
generic calls use it through ``info->fast``, and the call sites that the
optimizer marked (``ExprCallDirect``, ``ExprCallMethodDirect``, see
``nuitka/optimization/direct_calls.py``) call it straight, behind a guard
that the callee is a compiled function of that definition whose
``__code__`` is its own; else they make the generic call.
"""

from .expressions import _emit_method_call, emit_call, emit_call_result, emit_operands, emitter


def has_fast_entry(scope):
    """Whether the scope is a function that takes only positional-or-keyword
    parameters (a generator, coroutine or async generator function too)."""
    code = scope.code
    return (
        scope.scope_kind == "function"
        and code is not None
        and not code.co_flags & 0x0C
        and code.co_kwonlyargcount == 0
    )


def fast_entry_declaration(name):
    return "static PyObject *%s_fast(PyThreadState *tstate, PyObject *func, PyObject *const *args);" % name


def fast_entry_code(scope, name, has_cells):
    """The C of the scope's fast entry (bind the arguments, run the body)."""
    argcount = scope.code.co_argcount
    out = [fast_entry_declaration(name)[:-1] + " {"]
    out.append("    PyFrameObject *frame = Nuitka_Fast_TakeFrame(tstate, &%s_info, func);" % name)
    out.append("    if (unlikely(frame == NULL)) return NULL;")
    out.append("    PyObject **fl = Nuitka_Frame_LocalsPlus(frame);")
    for i in range(argcount):
        out.append("    fl[%d] = Py_NewRef(args[%d]);" % (i, i))
    if has_cells:
        out.append("    if (unlikely(Nuitka_Function_SetupCells(&%s_info, func, fl) < 0)) {" % name)
        out.append("        Nuitka_Frame_ClearLocals(frame);")
        out.append("        Nuitka_Function_ReleaseFrame(&%s_info, frame);" % name)
        out.append("        return NULL;")
        out.append("    }")
    if scope.is_generator or scope.is_coroutine or scope.is_asyncgen:
        out.append("    return Nuitka_Function_StartGenerator(func, frame);")
    else:
        out.append(
            "    return Nuitka_Fast_Run(tstate, &%s_info, func, frame, %s_impl, %d);"
            % (name, name, len(scope.localsplus_names))
        )
    out.append("}")
    return out


def _guarded(target, func, array, generic):
    name = target.c_name
    return "(likely(Nuitka_Fast_Guard(%s, &%s_info)) ? %s_fast(tstate, %s, %s) : %s)" % (
        func,
        name,
        name,
        func,
        array,
        generic,
    )


@emitter("ExprCallDirect")
def emit_call_direct(node, ctx):
    """``f(a, b)`` with ``f`` guessed to be the function of ``node.target``."""
    target = node.target
    if not has_fast_entry(target) or target.code.co_argcount != len(node.args):
        return emit_call(node, ctx)
    values = emit_operands(ctx, [node.func] + list(node.args))
    func = values[0]
    args = values[1:]
    if args:
        array = ctx.new_label("call_args")
        ctx.emit("{")
        ctx.indent += 1
        ctx.emit("PyObject *%s[%d] = {%s};" % (array, len(args), ", ".join(args)))
        generic = "Nuitka_Call(tstate, %s, %s, %d, NULL)" % (func, array, len(args))
    else:
        array = "NULL"
        generic = "Nuitka_CallNoArgs(tstate, %s)" % func
    result = emit_call_result(ctx, node, _guarded(target, func, array, generic))
    if args:
        ctx.indent -= 1
        ctx.emit("}")
    for value in reversed(args):
        ctx.release(value)
    ctx.release(func)
    return result


@emitter("ExprCallMethodDirect")
def emit_call_method_direct(node, ctx):
    """``obj.m(a)`` with ``m`` guessed to be the method of ``node.target``."""
    target = node.target
    if not has_fast_entry(target) or target.code.co_argcount != len(node.args) + 1:
        return emit_call(node, ctx)

    def call(method, unbound, array, nargs, kwnames):
        generic = "Nuitka_CallMethod(tstate, %s, %s, %s, %d, %s)" % (method, unbound, array, nargs, kwnames)
        return _guarded(target, method, array, generic).replace("(likely(", "(likely(%s && " % unbound, 1)

    return _emit_method_call(node, ctx, call)
