"""Assembling a module's C file and the program's ``__program.c``."""

import marshal
import re
import sys

from nuitka.nodes import scopes as S

from .code_objects import build_code_object
from .context import RECIPE_KINDS, FunctionContext, ModuleContext
from .statements import emit_statements
from . import matching as _matching  # noqa: F401 (registers the match emitters)
from . import exception_groups  # noqa: F401 (registers the except* emitters)
from . import inlined_comprehensions  # noqa: F401 (registers the PEP 709 emitter)
from . import coroutines  # noqa: F401 (registers the await / async for emitters)
from . import type_params  # noqa: F401 (registers the PEP 695 emitters)
from . import unpacking  # noqa: F401 (registers the lowered unpacking emitters)
from . import displays  # noqa: F401 (registers the display emitters)
from . import builtin_calls  # noqa: F401 (registers the predicted builtin call emitters)
from . import genexpr_calls  # noqa: F401 (registers the consumed genexpr emitter)
from .genexpr_calls import consume_code, consume_entry_declaration
from .direct_calls import fast_entry_code, fast_entry_declaration, has_fast_entry


def _c_string(text):
    """A C string literal for ``text`` (str as UTF-8, or bytes).  Octal
    escapes are as short as possible but take three digits before a
    digit, so they never swallow a following digit the way hex escapes
    would; ``?`` is escaped against trigraphs."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    out = []
    last = len(data) - 1
    for i, byte in enumerate(data):
        ch = chr(byte)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 32 <= byte < 127 and ch != "?":
            out.append(ch)
        elif i < last and 48 <= data[i + 1] <= 57:
            out.append("\\%03o" % byte)
        else:
            out.append("\\%o" % byte)
    return '"' + "".join(out) + '"'


def _cell_slots(scope):
    """Slots that get a new cell when the frame starts."""
    return [slot for slot, kind in enumerate(scope.localsplus_kinds) if kind == S.CELL]


def _arg_cell_copies(scope):
    """(Before 3.11) pairs of (argument slot, cell slot) for arguments that
    are cell variables: the value moves into the cell at function start."""
    pairs = []
    for var in getattr(scope, "variables", {}).values():
        arg_slot = getattr(var, "arg_slot", None)
        if arg_slot is not None and var.kind == S.CELL:
            pairs.append((arg_slot, var.slot))
    return sorted(pairs, key=lambda pair: pair[1])


def _free_slots(scope):
    slots = [slot for slot, kind in enumerate(scope.localsplus_kinds) if kind == S.FREE]
    return (slots[0] if slots else 0), len(slots)


def generate_function(module_ctx, scope):
    """Generate the C implementation of one scope; returns its C code."""
    ctx = FunctionContext(module_ctx, scope, scope.c_name)
    emit_statements(scope.body, ctx)
    # Falling off the end.
    if scope.scope_kind == "class" and scope.has_class_cell:
        slot = scope.localsplus_names.index("__class__")
        ctx.emit("Py_XSETREF(return_value, Py_NewRef(fl[%d]));" % slot)
        ctx.emit(
            "if (Nuitka_StoreName(ns, %s, return_value) < 0) goto function_error;"
            % module_ctx.const_ref("__classcell__")
        )
    else:
        ctx.emit("Py_XSETREF(%s, Py_NewRef(Py_None));" % ctx.storage("return_value"))
    ctx.emit("goto function_return;")

    consume = consume_code(module_ctx, scope, ctx, plain_body) if getattr(scope, "consumed_genexpr", False) else []

    original_code = scope.code
    if getattr(scope, "doc_stripped", False) and original_code.co_consts and isinstance(original_code.co_consts[0], str):
        # --python-flag=no_docstrings without no_asserts: the code object was
        # compiled with its docstring (co_consts[0], the function's __doc__).
        original_code = original_code.replace(co_consts=(None,) + original_code.co_consts[1:])
    code, first, position_indices = build_code_object(
        original_code,
        ctx.positions,
        _cell_slots(scope) if sys.version_info >= (3, 11) else [],
        _free_slots(scope)[1],
        doc=scope.doc,
        resumable=ctx.is_generator,
        optional=set(range(len(ctx.positions))) - ctx.required_positions,
    )
    scope.synthetic_code = code
    code_index = module_ctx.const(code)

    name = scope.c_name
    out = []
    out.append("/* %s: %s */" % (scope.scope_kind, scope.qualname))
    out.append("#undef NUITKA_POS_BASE")
    out.append("#define NUITKA_POS_BASE %d" % first)
    if ctx.is_generator:
        out.extend(_generator_body(ctx, name))
    else:
        out.extend(plain_body(
            ctx, "static PyObject *%s_impl(PyThreadState *tstate, PyObject *func, PyFrameObject *frame, PyObject **fl)"
            % name
        ))

    # Static information for the runtime.
    # (Before 3.11 the frame set-up makes the cells too: no MAKE_CELL.)
    cells = _cell_slots(scope)
    arg_copies = _arg_cell_copies(scope)
    if arg_copies:
        out.append(
            "static const int %s_argcells[] = {%s};"
            % (name, ", ".join("%d, %d" % pair for pair in arg_copies))
        )
    free_start, nfree = _free_slots(scope)
    if cells:
        out.append("static const int %s_cells[] = {%s};" % (name, ", ".join(map(str, cells))))
    argspec = _argspec(scope)
    flags = []
    if scope.scope_kind == "class":
        flags.append("NUITKA_FUNC_CLASS_BODY")
    if scope.scope_kind == "module":
        flags.append("NUITKA_FUNC_MODULE_BODY")
    if scope.is_generator:
        flags.append("NUITKA_FUNC_GENERATOR")
    if scope.is_coroutine:
        flags.append("NUITKA_FUNC_COROUTINE")
    if scope.is_asyncgen:
        flags.append("NUITKA_FUNC_ASYNCGEN")
    out.append("static PyObject *%s_varnames[%d];" % (name, max(1, argspec[4])))
    if ctx.is_generator:
        impl = "(Nuitka_FunctionImpl)%s_impl" % name
        state_sizes = "offsetof(struct %s_state, ints_), NULL, sizeof(struct %s_state)" % (name, name)
    else:
        impl = "%s_impl" % name
        state_sizes = "0, NULL, 0"
    out.append(
        "static Nuitka_FunctionInfo %s_info = {%s, NULL, {%d, %d, %d, %d, %s_varnames}, %d, %s, %s, %d, %d, %d, %s, %d, %s};"
        % (
            name,
            impl,
            argspec[0],
            argspec[1],
            argspec[2],
            argspec[3],
            name,
            len(scope.localsplus_names),
            " | ".join(flags) or "0",
            ("%s_cells" % name) if cells else "NULL",
            len(cells),
            free_start,
            nfree,
            ("%s_argcells" % name) if arg_copies else "NULL",
            len(arg_copies),
            state_sizes,
        )
    )
    if has_fast_entry(scope):
        out.extend(fast_entry_code(scope, name, bool(cells or nfree or arg_copies)))
    out.extend(consume)
    module_ctx.function_infos.append((scope, name, code_index, argspec))
    # Position k of the generated code is instruction position_indices[k];
    # an optional position without one is not set at all.
    text = _DROPPED_POSITION.sub(
        lambda m: "" if position_indices[int(m.group(1))] is None else m.group(0), "\n".join(out)
    )
    return _POSITION_REF.sub(lambda m: str(position_indices[int(m.group(1))]), text)


_POSITION_REF = re.compile(r"NUITKA_POS_BASE \+ (\d+)\b")
_DROPPED_POSITION = re.compile(r"NUITKA_SET_POS\(iframe, NUITKA_POS_BASE \+ (\d+)\);")


def plain_body(ctx, signature):
    """The C function of a plain (not resumable) body: ``signature``, then
    the locals, the eval breaker check of RESUME, the body and its exits."""
    out = [signature + " {"]
    out.append("    Nuitka_IFrame *iframe = Nuitka_Frame_IFrame(frame);")
    out.append("    NUITKA_MAY_BE_UNUSED PyObject *globals = iframe->f_globals;")
    out.append("    NUITKA_MAY_BE_UNUSED PyObject *builtins = iframe->f_builtins;")
    out.append("    NUITKA_MAY_BE_UNUSED PyObject *ns = iframe->f_locals;")
    out.append("    PyObject *return_value = NULL;")
    for ctype, cname in ctx.ctemp_decls:
        if ctype.strip() == "int":
            out.append("    int %s;" % cname)
        else:
            out.append("    PyObject *%s = NULL;" % cname)
    for temp in ctx.temp_vars:
        out.append("    PyObject *%s = NULL;" % temp)
    # As RESUME 0: signal handlers and pending calls run on entry, and
    # what they raise comes from this frame at its first line. (For
    # generators the runtime checks on each start/resume, generator.c.)
    out.append("    if (unlikely(NUITKA_EVAL_BREAKER_SET(tstate)) && Nuitka_HandlePending(tstate) < 0) {")
    out.append(
        "        NUITKA_SET_POS(iframe, NUITKA_POS_BASE - %d);" % (2 if sys.version_info >= (3, 11) else 1)
    )
    out.append("        Nuitka_Frame_AddTraceback(frame);")
    out.append("        goto function_error;")
    out.append("    }")
    out.extend(_body_and_exits(ctx))
    out.append("    return return_value;")
    out.append("}")
    return out


def _generator_body(ctx, name):
    """A generator's body: a resumable function whose temporaries live in
    ``struct <name>_state`` (object fields first, so the runtime can treat
    that part as an array of ``PyObject *``; C values after ``ints_``)."""
    out = ["struct %s_state {" % name]
    out.append("    PyObject *return_value;")
    for ctype, cname in ctx.ctemp_decls:
        if ctype.strip() == "PyObject *".strip():
            out.append("    PyObject *%s;" % cname)
    for temp in ctx.temp_vars:
        out.append("    PyObject *%s;" % temp)
    # C values (ints, unboxed numbers' long longs and doubles) after the
    # object part: the runtime releases only the fields before ``ints_``.
    out.append("    int ints_;")
    for ctype, cname in ctx.ctemp_decls:
        if ctype.strip() != "PyObject *".strip():
            out.append("    %s%s;" % (ctype if ctype.endswith((" ", "*")) else ctype + " ", cname))
    out.append("};")
    out.append(
        "static PyObject *%s_impl(PyThreadState *tstate, Nuitka_GeneratorObject *gen, PyObject **fl, PyObject *sent) {"
        % name
    )
    out.append("    struct %s_state *S = (struct %s_state *)gen->state;" % (name, name))
    out.append("    PyFrameObject *frame = gen->frame;")
    out.append("    Nuitka_IFrame *iframe = Nuitka_Frame_IFrame(frame);")
    out.append("    NUITKA_MAY_BE_UNUSED PyObject *globals = iframe->f_globals;")
    out.append("    NUITKA_MAY_BE_UNUSED PyObject *builtins = iframe->f_builtins;")
    out.append("    NUITKA_MAY_BE_UNUSED PyObject *ns = iframe->f_locals;")
    out.append("    NUITKA_MAY_BE_UNUSED PyObject *func = NULL;")
    out.append("    switch (gen->resume_point) {")
    out.append("    case 0:")
    out.append("        if (sent == NULL) {")
    if sys.version_info >= (3, 11):
        # throw() into the unstarted generator: the first line; an exception
        # from the eval breaker check at its start: RESUME's position.
        out.append(
            "            NUITKA_SET_POS(iframe, gen->raised_on_resume ? NUITKA_POS_BASE - 2 : NUITKA_POS_BASE - 1);"
        )
    else:
        out.append("            NUITKA_SET_POS(iframe, NUITKA_POS_BASE - 1);")
    out.append("            Nuitka_Frame_AddTraceback(frame);")
    out.append("            goto function_error;")
    out.append("        }")
    out.append("        break;")
    for n in range(1, ctx.yield_count + 1):
        out.append("    case %d: goto resume_%d;" % (n, n))
    out.append("    default: abort();")
    out.append("    }")
    out.extend(_body_and_exits(ctx))
    out.append("    gen->resume_point = -1;")
    out.append("    { PyObject *r = S->return_value; S->return_value = NULL; return r; }")
    out.append("}")
    return out


def _body_and_exits(ctx):
    """The generated body, its error stubs and the two exits shared by
    functions and generators: an error drops the return value, both exits
    release the reformulation temps."""
    out = list(ctx.lines)
    out.extend(ctx.stub_lines())
    out.append("function_error:;")
    out.append("    Py_CLEAR(%s);" % ctx.storage("return_value"))
    out.append("function_return:;")
    for temp in ctx.temp_vars:
        out.append("    Py_CLEAR(%s);" % ctx.storage(temp))
    return out


def _argspec(scope):
    code = scope.code
    if scope.scope_kind != "function":
        return (0, 0, 0, 0, 0)
    flags = 0
    total = code.co_argcount + code.co_kwonlyargcount
    if code.co_flags & 0x04:
        flags |= 1
        total += 1
    if code.co_flags & 0x08:
        flags |= 2
        total += 1
    return (code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, flags, total)


def c_string_lines(data, width=100):
    """``data`` (bytes) as lines of a C string literal (the C compiler adds
    one NUL).

    gcc reads a string literal several times faster than an initializer list
    of decimal numbers, which matters for the marshalled constants of big
    modules (megabytes once code objects carry bytecode).
    """
    lines = ["    " + _c_string(data[start : start + width]) for start in range(0, len(data), width)]
    return lines or ['    ""']


def _identifiers(module_scope):
    """Names the parser interned before CPython compiled the module."""
    names = set()
    for scope in module_scope.all_scopes:
        code = scope.code
        if code is not None:
            names.update(code.co_names, code.co_varnames, code.co_cellvars, code.co_freevars, (code.co_name,))
    return names


def generate_module_code(module_scope, module_name, filename, c_prefix=None):
    module_ctx = ModuleContext(module_name, filename)
    if c_prefix is not None:
        # Unique in the program (several modules, multidist mains).
        module_ctx.c_prefix = c_prefix
    prefix = module_ctx.c_prefix
    for index, scope in enumerate(module_scope.all_scopes):
        scope.c_name = "%s_f%d" % (prefix, index)

    functions = [generate_function(module_ctx, scope) for scope in module_scope.all_scopes]

    # Names for argument specs.
    for scope, name, code_index, argspec in module_ctx.function_infos:
        for varname in scope.code.co_varnames[: argspec[4]]:
            module_ctx.const(varname)
        if sys.version_info < (3, 11):
            module_ctx.const(scope.qualname)

    # Recipe constants come from a blob of their own, made before the other
    # constants (code objects among them) intern their strings: CPython
    # makes them while compiling, when only the identifiers of the module
    # are interned (see runtime/module.c).
    recipes = module_ctx.recipes
    recipe_indexes = {index for index, _ in recipes}
    names = _identifiers(module_scope)
    recipe_kinds = []
    for index, kind in recipes:
        if kind == "frozenset" and any(
            type(item) is str and len(item) > 1 and item in names for item in module_ctx.constants[index]
        ):
            # (One-character strings are singletons: interning keeps them.)
            kind = "frozenset_reinterned"
        recipe_kinds.append((index, kind))
    recipe_blob = marshal.dumps(tuple(module_ctx.constants[index] for index, _ in recipes))
    blob = marshal.dumps(
        tuple(None if i in recipe_indexes else value for i, value in enumerate(module_ctx.constants))
    )
    out = ['#include "nuitka/prelude.h"', ""]
    out.append("static PyObject *%s_consts[%d];" % (prefix, max(1, len(module_ctx.constants))))
    for scope in module_scope.all_scopes:
        out.append("static Nuitka_FunctionInfo %s_info;" % scope.c_name)
        if has_fast_entry(scope):
            out.append(fast_entry_declaration(scope.c_name))
        if getattr(scope, "consumed_genexpr", False):
            out.append(consume_entry_declaration(scope.c_name))
    for ctype, (array, count) in module_ctx.site_caches.items():
        out.append("static %s %s[%d];" % (ctype, array, count))
    out.append("")
    out.extend(functions)
    out.append("")
    out.append(
        "static const int %s_recipes[] = {%s};"
        % (prefix, ", ".join("%d, %d" % (index, RECIPE_KINDS[kind]) for index, kind in recipe_kinds) or "0")
    )
    out.append("static const unsigned char %s_recipe_blob[] =" % prefix)
    out.extend(c_string_lines(recipe_blob))
    out.append(";")
    out.append("static const unsigned char %s_blob[] =" % prefix)
    out.extend(c_string_lines(blob))
    out.append(";")
    out.append("")
    out.append("int %s_exec(PyObject *module) {" % prefix)
    out.append("    static int loaded = 0;")
    out.append("    if (!loaded) {")
    out.append(
        "        if (Nuitka_LoadConstants(%s_blob, sizeof(%s_blob) - 1, %s_consts, %d, %s_recipe_blob, sizeof(%s_recipe_blob) - 1, %s_recipes, %d) < 0) return -1;"
        % (prefix, prefix, prefix, len(module_ctx.constants), prefix, prefix, prefix, len(recipes))
    )
    out.append(
        "        if (Nuitka_FixCodeFilenames(module, %s_consts, %d) < 0) return -1;"
        % (prefix, len(module_ctx.constants))
    )
    for scope, name, code_index, argspec in module_ctx.function_infos:
        out.append("        %s_info.code = (PyCodeObject *)%s_consts[%d];" % (name, prefix, code_index))
        if sys.version_info >= (3, 11):
            out.append("        if (Nuitka_Code_ShowOriginal(%s_consts[%d], %d) < 0) return -1;"
                       % (prefix, code_index, len(scope.code.co_code) // 2))
        if sys.version_info[:2] == (3, 11):
            out.append("        if (Nuitka_Code_InstallInlineEntry(%s_consts[%d]) < 0) return -1;" % (prefix, code_index))
        if has_fast_entry(scope):
            out.append("        %s_info.fast = (void *)%s_fast;" % (name, name))
        if sys.version_info < (3, 11):
            out.append("        %s_info.qualname = %s;" % (name, module_ctx.const_ref(scope.qualname)))
        for i, varname in enumerate(scope.code.co_varnames[: argspec[4]]):
            out.append("        %s_varnames[%d] = %s;" % (name, i, module_ctx.const_ref(varname)))
    out.append("        if (Nuitka_InitBuiltinOriginals() < 0) return -1;")
    out.append("        loaded = 1;")
    out.append("    }")
    out.append("    PyObject *globals = PyModule_GetDict(module);")
    out.append(
        "    if (PyDict_SetItemString(globals, \"__compiled__\", Nuitka_CompiledInfo ? Nuitka_CompiledInfo : Py_True) < 0) return -1;"
    )
    out.append("    if (PyDict_GetItemString(globals, \"__builtins__\") == NULL) {")
    out.append("        if (PyDict_SetItemString(globals, \"__builtins__\", PyEval_GetBuiltins()) < 0) return -1;")
    out.append("    }")
    module_info = module_scope.c_name
    out.append("    PyObject *result = Nuitka_Module_RunBody(&%s_info, globals);" % module_info)
    out.append("    if (result == NULL) return -1;")
    out.append("    Py_DECREF(result);")
    out.append("    return 0;")
    out.append("}")
    return "\n".join(out) + "\n", module_ctx


def generate_program_code(modules, main_module_name, python_executable, main_script_path):
    """``__program.c``: the table of compiled modules and program facts."""
    out = ['#include "nuitka/prelude.h"', ""]
    for name, prefix in modules:
        out.append("extern int %s_exec(PyObject *module);" % prefix)
    out.append("const Nuitka_ModuleEntry nuitka_modules[] = {")
    for name, prefix in modules:
        out.append("    {%s, %s_exec, 0}," % (_c_string(name), prefix))
    out.append("    {NULL, NULL, 0}")
    out.append("};")
    out.append("const char *nuitka_main_module_name = %s;" % _c_string(main_module_name))
    out.append("const char *nuitka_python_executable = %s;" % _c_string(python_executable))
    out.append("const char *nuitka_main_script_path = %s;" % _c_string(main_script_path))
    return "\n".join(out) + "\n"
