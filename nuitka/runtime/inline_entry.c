/* Python 3.11: calls of compiled functions that the interpreter inlines.
 *
 * 3.11's CALL (and its specialisations, and BINARY_SUBSCR_GETITEM) calls
 * an exact function object by pushing a frame for its code object, binding
 * the arguments into it, and running the code's bytecode in the same
 * interpreter loop, without looking at the function's vectorcall. A
 * compiled function's code object shows CPython's bytecode (co_code, dis),
 * but the bytecode array the interpreter runs (co_code_adaptive) starts
 * with an entry into the compiled function instead:
 *
 *     LOAD_CONST    n      (n = len(co_consts): a hidden slot after the
 *                           visible constants holds `entry_object`)
 *     UNARY_NEGATIVE       (its nb_negative is inline_entry below)
 *     RETURN_VALUE
 *
 * in place of RETURN_GENERATOR or RESUME and what follows (the
 * instructions before, which make cells and copy free variables, stay).
 * inline_entry runs the compiled body with the arguments the interpreter
 * bound (Nuitka_Function_CallBound), and marks the interpreter's frame as
 * not started (prev_instr before the first instruction), which hides it
 * from f_back, sys._getframe() and tracebacks, as CPython hides its own
 * frames that did not reach RESUME. The compiled frame is the one frame of
 * the call, as with a call through vectorcall. So uncompiled Python calls
 * keep the interpreter's inlining and specialisation, which a PEP 523 frame
 * evaluator (what 3.11 needed before) turns off for the whole process.
 *
 * A frame of such a code object that is not a call of the compiled
 * function (exec() of the code object, types.FunctionType(f.__code__, ...),
 * a class body run by builtins.__build_class__) runs an unchanged copy of
 * the code object (code.replace()) instead: CPython's bytecode, as before.
 *
 * Tracers and profilers: the entry never reaches RESUME, so a traced call
 * would report a return without a call. While sys.settrace or
 * sys.setprofile (also through PyEval_SetTrace/SetProfile, which raise the
 * same audit events) was ever used, the frame evaluator is set, so calls
 * go through vectorcall again (Nuitka_Function_UseEvaluator).
 *
 * Code objects compare equal to their unchanged copies: code's
 * tp_richcompare compares the bytecode array, so it is wrapped to compare
 * the copy of a code object with an entry (chained like the function
 * type's getattro in function.c, for the runtimes of other compiled
 * modules).
 */
#include "nuitka/prelude.h"

#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
#include <opcode.h>

static PyObject *inline_entry(PyObject *self);

static PyNumberMethods entry_as_number = {
    .nb_negative = (unaryfunc)inline_entry,
};

static PyTypeObject Nuitka_InlineEntry_Type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "nuitka_inline_entry",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_number = &entry_as_number,
};

static PyObject entry_object_storage;
static PyObject *entry_object = NULL;

/* id(code) -> (code, unchanged copy) for code objects with an entry. */
static PyObject *code_copies = NULL;
/* id(co_consts tuple) -> the tuple with the hidden slot, so code objects
 * that share their constants (as CPython's compiler merges them) still do. */
static PyObject *consts_with_entry = NULL;

/* Where the entry goes: after the instructions that make the cells and
 * copy the free variables (which the interpreter runs before it, so that
 * f_locals finds them with _PyFrame_OpAlreadyRan), at RETURN_GENERATOR or
 * RESUME. */
static Py_ssize_t entry_index(PyCodeObject *code) {
    _Py_CODEUNIT *co = _PyCode_CODE(code);
    Py_ssize_t i = 0;
    while (i < Py_SIZE(code)) {
        int opcode = _Py_OPCODE(co[i]);
        if (opcode != MAKE_CELL && opcode != COPY_FREE_VARS && opcode != EXTENDED_ARG) {
            break;
        }
        i++;
    }
    return i;
}

/* Whether `code` has an entry of this runtime. */
static int has_entry(PyCodeObject *code) {
    if (!PyTuple_CheckExact(code->co_consts)) {
        return 0;
    }
    Py_ssize_t i = entry_index(code), units = Py_SIZE(code);
    if (units - i < 3) {
        return 0;
    }
    _Py_CODEUNIT *co = _PyCode_CODE(code);
    int arg = 0;
    if (_Py_OPCODE(co[i]) == EXTENDED_ARG) {
        arg = _Py_OPARG(co[i]) << 8;
        i++;
        if (units - i < 3) {
            return 0;
        }
    }
    if (_Py_OPCODE(co[i]) != LOAD_CONST || _Py_OPCODE(co[i + 1]) != UNARY_NEGATIVE ||
        _Py_OPCODE(co[i + 2]) != RETURN_VALUE) {
        return 0;
    }
    arg |= _Py_OPARG(co[i]);
    /* (An index one past the constants occurs in no valid bytecode: only
     * here, where the tuple has that hidden slot.) */
    return arg == PyTuple_GET_SIZE(code->co_consts) &&
           ((PyTupleObject *)code->co_consts)->ob_item[arg] == entry_object;
}

/* The unchanged copy of a code object with an entry (borrowed). */
static PyObject *code_copy(PyCodeObject *code) {
    PyObject *key = PyLong_FromVoidPtr(code);
    if (key == NULL) {
        return NULL;
    }
    PyObject *pair = PyDict_GetItemWithError(code_copies, key);
    PyObject *copy = pair != NULL ? PyTuple_GET_ITEM(pair, 1) : NULL;
    if (pair == NULL && !PyErr_Occurred()) {
        /* replace() builds it from co_code, which shows the original. */
        copy = PyObject_CallMethod((PyObject *)code, "replace", NULL);
        /* (The code object is kept too: its address is the key.) */
        pair = copy != NULL ? PyTuple_Pack(2, (PyObject *)code, copy) : NULL;
        Py_XDECREF(copy); /* (the pair holds it) */
        if (pair == NULL || PyDict_SetItem(code_copies, key, pair) < 0) {
            copy = NULL;
        }
        Py_XDECREF(pair); /* (the dict holds it) */
    }
    Py_DECREF(key);
    return copy;
}

/* An argument the interpreter bound (in a cell when it is one). */
static PyObject *bound_value(PyCodeObject *code, PyObject **fl, int i) {
    PyObject *value = fl[i];
    if (value != NULL && (_PyLocals_GetKind(code->co_localspluskinds, i) & CO_FAST_CELL) && PyCell_Check(value)) {
        value = PyCell_GET(value);
    }
    return value != NULL ? value : Py_None;
}

/* The frame is not a call of the compiled function: run CPython's
 * bytecode, in a frame of the unchanged copy, with the same arguments. */
static PyObject *run_copy(_PyInterpreterFrame *iframe) {
    PyCodeObject *code = iframe->f_code;
    PyFunctionObject *fn = iframe->f_func;
    PyObject *copy = code_copy(code);
    if (copy == NULL) {
        return NULL;
    }
    if (!(code->co_flags & CO_OPTIMIZED)) {
        /* A class body or exec(): no arguments, a namespace. */
        PyObject *locals = iframe->f_locals != NULL ? iframe->f_locals : iframe->f_globals;
        return PyEval_EvalCodeEx(copy, iframe->f_globals, locals, NULL, 0, NULL, 0, NULL, 0, NULL,
                                 fn != NULL ? fn->func_closure : NULL);
    }
    PyObject *func = PyFunction_NewWithQualName(copy, iframe->f_globals, fn != NULL ? fn->func_qualname : NULL);
    if (func == NULL) {
        return NULL;
    }
    if (fn != NULL && fn->func_closure != NULL && PyFunction_SetClosure(func, fn->func_closure) < 0) {
        Py_DECREF(func);
        return NULL;
    }
    /* The bound arguments, passed so that they bind the same way again:
     * positional parameters and *args positionally, keyword-only ones and
     * **kwargs by keyword. */
    PyObject **fl = iframe->localsplus;
    int argcount = code->co_argcount, kwonly = code->co_kwonlyargcount;
    int varargs = (code->co_flags & CO_VARARGS) != 0;
    PyObject *extra = varargs ? bound_value(code, fl, argcount + kwonly) : NULL;
    Py_ssize_t nextra = extra != NULL && PyTuple_Check(extra) ? PyTuple_GET_SIZE(extra) : 0;
    PyObject *args = PyTuple_New(argcount + nextra);
    PyObject *kwargs = PyDict_New();
    PyObject *result = NULL;
    if (args == NULL || kwargs == NULL) {
        goto done;
    }
    for (int i = 0; i < argcount; i++) {
        PyTuple_SET_ITEM(args, i, Py_NewRef(bound_value(code, fl, i)));
    }
    for (Py_ssize_t i = 0; i < nextra; i++) {
        PyTuple_SET_ITEM(args, argcount + i, Py_NewRef(PyTuple_GET_ITEM(extra, i)));
    }
    for (int i = 0; i < kwonly; i++) {
        PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, argcount + i);
        if (PyDict_SetItem(kwargs, name, bound_value(code, fl, argcount + i)) < 0) {
            goto done;
        }
    }
    if (code->co_flags & CO_VARKEYWORDS) {
        PyObject *varkw = bound_value(code, fl, argcount + kwonly + varargs);
        if (PyDict_Check(varkw) && PyDict_Update(kwargs, varkw) < 0) {
            goto done;
        }
    }
    result = PyObject_Call(func, args, kwargs);
done:
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    Py_DECREF(func);
    return result;
}

static PyObject *inline_entry(PyObject *self) {
    (void)self;
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *iframe = tstate->cframe->current_frame;
    PyCodeObject *code = iframe->f_code;
    PyFunctionObject *fn = iframe->f_func;
    /* Not started: hidden from f_back, sys._getframe() and tracebacks. */
    iframe->prev_instr = _PyCode_CODE(code) - 1;
    /* The interpreter counted this frame as a Python call; the compiled
     * frame counts itself. */
    tstate->recursion_remaining++;
    PyObject *result;
    if (likely(fn != NULL && Nuitka_Function_Check(fn) && fn->func_code == (PyObject *)code)) {
        Nuitka_FunctionInfo *info = ((Nuitka_FunctionObject *)fn)->info;
        if (likely((info->code == code || Nuitka_Function_SameCodeBody(code, info->code)) &&
                   !(info->flags & (NUITKA_FUNC_CLASS_BODY | NUITKA_FUNC_MODULE_BODY)))) {
            /* (With cells or free variables, the interpreter made and
             * copied them before the entry.) */
            result = Nuitka_Function_CallBound(tstate, (PyObject *)fn, iframe->localsplus,
                                               (code->co_ncellvars | code->co_nfreevars) != 0);
        } else {
            result = run_copy(iframe);
        }
    } else {
        result = run_copy(iframe);
    }
    tstate->recursion_remaining--;
    return result;
}

/* Give the code object of a compiled function its entry (at module load,
 * after Nuitka_Code_ShowOriginal, before it can run). */
int Nuitka_Code_InstallInlineEntry(PyObject *code_object) {
    if (!PyCode_Check(code_object)) {
        return 0;
    }
    PyCodeObject *code = (PyCodeObject *)code_object;
    if (has_entry(code)) {
        return 0;
    }
    PyObject *consts = code->co_consts;
    Py_ssize_t n = PyTuple_CheckExact(consts) ? PyTuple_GET_SIZE(consts) : -1;
    int needed = n < 256 ? 3 : 4;
    Py_ssize_t at = entry_index(code);
    if (n < 0 || n > 0xFFFF || Py_SIZE(code) - at < needed) {
        /* (More than 65535 constants; the room is always there: RESUME,
         * LOAD_CONST, RETURN_VALUE at least.) Keep the interpreter from
         * running its bytecode. */
        Nuitka_Function_UseEvaluator();
        return 0;
    }
    /* co_code must keep showing the original: reading it fills the code
     * object's cache of it (undoing any quickening). */
    PyObject *shown = PyObject_GetAttrString(code_object, "co_code");
    if (shown == NULL) {
        return -1;
    }
    Py_DECREF(shown);
    if (code->_co_code == NULL) {
        PyErr_SetString(PyExc_SystemError, "co_code is not cached");
        return -1;
    }
    PyObject *key = PyLong_FromVoidPtr(consts);
    if (key == NULL) {
        return -1;
    }
    PyObject *with_entry = PyDict_GetItemWithError(consts_with_entry, key);
    if (with_entry == NULL) {
        if (PyErr_Occurred()) {
            Py_DECREF(key);
            return -1;
        }
        with_entry = PyTuple_New(n + 1);
        if (with_entry == NULL) {
            Py_DECREF(key);
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(with_entry, i, Py_NewRef(PyTuple_GET_ITEM(consts, i)));
        }
        /* The hidden slot: the tuple shows n items (len, iteration, hash,
         * equality, GC traversal, deallocation), and holds one more. */
        PyTuple_SET_ITEM(with_entry, n, Py_NewRef(entry_object));
        Py_SET_SIZE(with_entry, n);
        /* (The key is an address: the original tuple is kept alive with
         * the new one, so that no other tuple can get that address.) */
        PyObject *pair = PyTuple_Pack(2, with_entry, consts);
        int res = pair != NULL ? PyDict_SetItem(consts_with_entry, key, pair) : -1;
        Py_XDECREF(pair);
        /* A copy of such a code object (code.replace()) shares the tuple
         * with the slot: it maps to itself. */
        PyObject *own_key = res == 0 ? PyLong_FromVoidPtr(with_entry) : NULL;
        pair = own_key != NULL ? PyTuple_Pack(2, with_entry, with_entry) : NULL;
        res = pair != NULL ? PyDict_SetItem(consts_with_entry, own_key, pair) : -1;
        Py_XDECREF(pair);
        Py_XDECREF(own_key);
        Py_DECREF(with_entry);
        if (res < 0) {
            Py_DECREF(key);
            return -1;
        }
    } else {
        with_entry = PyTuple_GET_ITEM(with_entry, 0);
    }
    Py_DECREF(key);
    Py_SETREF(code->co_consts, Py_NewRef(with_entry));
    _Py_CODEUNIT *co = _PyCode_CODE(code);
    Py_ssize_t i = at;
    if (n >= 256) {
        co[i++] = _Py_MAKECODEUNIT(EXTENDED_ARG, (int)(n >> 8));
    }
    co[i++] = _Py_MAKECODEUNIT(LOAD_CONST, (int)(n & 0xFF));
    co[i++] = _Py_MAKECODEUNIT(UNARY_NEGATIVE, 0);
    co[i++] = _Py_MAKECODEUNIT(RETURN_VALUE, 0);
    return 0;
}

static richcmpfunc previous_code_richcompare = NULL;

static PyObject *code_richcompare(PyObject *a, PyObject *b, int op) {
    if (PyCode_Check(a) && has_entry((PyCodeObject *)a)) {
        a = code_copy((PyCodeObject *)a);
        if (a == NULL) {
            return NULL;
        }
    }
    if (PyCode_Check(b) && has_entry((PyCodeObject *)b)) {
        b = code_copy((PyCodeObject *)b);
        if (b == NULL) {
            return NULL;
        }
    }
    return previous_code_richcompare(a, b, op);
}

static int tracing_audit_hook(const char *event, PyObject *args, void *data) {
    (void)args;
    (void)data;
    if (event[0] == 's' && (strcmp(event, "sys.settrace") == 0 || strcmp(event, "sys.setprofile") == 0)) {
        Nuitka_Function_UseEvaluator();
    }
    return 0;
}

int Nuitka_InlineEntry_Init(void) {
    static int done = 0;
    if (done) {
        return 0;
    }
    if (PyType_Ready(&Nuitka_InlineEntry_Type) < 0) {
        return -1;
    }
    entry_object = &entry_object_storage;
    Py_SET_REFCNT(entry_object, 1);
    Py_SET_TYPE(entry_object, &Nuitka_InlineEntry_Type);
    code_copies = PyDict_New();
    consts_with_entry = PyDict_New();
    if (code_copies == NULL || consts_with_entry == NULL) {
        return -1;
    }
    if (PySys_AddAuditHook(tracing_audit_hook, NULL) < 0) {
        /* A hook of the program refused ours: then never inline. */
        PyErr_Clear();
        Nuitka_Function_UseEvaluator();
    }
    /* A tracer or profiler already set (a compiled module imported under
     * coverage or a debugger). */
    PyInterpreterState *interp = PyInterpreterState_Get();
    for (PyThreadState *t = PyInterpreterState_ThreadHead(interp); t != NULL; t = PyThreadState_Next(t)) {
        if (t->c_tracefunc != NULL || t->c_profilefunc != NULL) {
            Nuitka_Function_UseEvaluator();
            break;
        }
    }
    previous_code_richcompare = PyCode_Type.tp_richcompare;
    PyCode_Type.tp_richcompare = code_richcompare;
    done = 1;
    return 0;
}

#else
int Nuitka_InlineEntry_Init(void) { return 0; }
#endif
