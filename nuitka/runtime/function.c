/* The compiled function type and its call protocol (see nuitka/function.h). */
#include "nuitka/prelude.h"

static PyObject *Nuitka_Function_reduce(PyObject *self, PyObject *unused) {
    /* Pickled by reference, like functions: pickle looks the qualified name
     * up in the module. */
    return PyObject_GetAttrString(self, "__qualname__");
}

static PyObject *Nuitka_Function_get_compiled(PyObject *self, void *closure) { Py_RETURN_TRUE; }

static PyMethodDef Nuitka_Function_methods[] = {
    {"__reduce__", Nuitka_Function_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Nuitka_Function_getset[] = {
    {"__compiled__", Nuitka_Function_get_compiled, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject Nuitka_Function_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "function", /* tp_name: as CPython's, for identical messages */
    sizeof(Nuitka_FunctionObject),              /* tp_basicsize */
};

int Nuitka_Function_SetupCells(Nuitka_FunctionInfo *info, PyObject *func, PyObject **fl) {
    for (int i = 0; i < info->narg_cell_copies; i++) {
        int arg = info->arg_cell_copies[2 * i], cell = info->arg_cell_copies[2 * i + 1];
        /* Moved, like _PyEval_MakeFrameVector: the argument's own slot is
         * empty (locals() then lists the name in the cell's position). */
        fl[cell] = fl[arg];
        fl[arg] = NULL;
    }
    for (int i = 0; i < info->ncell_slots; i++) {
        int slot = info->cell_slots[i];
        PyObject *cell = PyCell_New(fl[slot]);
        if (unlikely(cell == NULL)) {
            return -1;
        }
        Py_XSETREF(fl[slot], cell);
    }
    if (info->nfree) {
        PyObject *closure = func ? ((PyFunctionObject *)func)->func_closure : NULL;
        for (int i = 0; i < info->nfree; i++) {
            PyObject *cell = PyTuple_GET_ITEM(closure, i);
            Py_INCREF(cell);
            fl[info->free_start + i] = cell;
        }
    }
    return 0;
}

static PyFrameObject *acquire_frame(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *globals,
                                    PyObject *locals) {
    PyFrameObject *frame = info->cached_frame;
    if (frame != NULL && locals == NULL) {
        info->cached_frame = NULL;
        return frame;
    }
    return Nuitka_Frame_New(tstate, info->code, globals, locals);
}

/* Infos that hold a cached frame; the frames are dropped when the
 * interpreter starts to shut down (they keep module globals alive, which
 * would delay the clean-up CPython does of those at exit). */
static Nuitka_FunctionInfo cached_infos_end; /* sentinel: an info is listed iff next_cached != NULL */
static Nuitka_FunctionInfo *cached_infos = &cached_infos_end;
static int frame_cache_enabled = 1;

static PyObject *drop_cached_frames(PyObject *self, PyObject *unused) {
    frame_cache_enabled = 0;
    while (cached_infos != &cached_infos_end) {
        Nuitka_FunctionInfo *info = cached_infos;
        cached_infos = info->next_cached;
        info->next_cached = NULL;
        Py_CLEAR(info->cached_frame);
    }
    Py_RETURN_NONE;
}

static PyMethodDef drop_cached_frames_def = {"_nuitka_drop_cached_frames", drop_cached_frames, METH_NOARGS, NULL};

static int register_frame_cache_cleanup(void) {
    PyObject *atexit = PyImport_ImportModule("atexit");
    if (atexit == NULL) {
        return -1;
    }
    PyObject *func = PyCFunction_New(&drop_cached_frames_def, NULL);
    PyObject *res = func ? PyObject_CallMethod(atexit, "register", "O", func) : NULL;
    Py_XDECREF(func);
    Py_DECREF(atexit);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static void release_frame(Nuitka_FunctionInfo *info, PyFrameObject *frame) {
    if (Py_REFCNT(frame) == 1) {
        Nuitka_Frame_ClearLocals(frame);
        if (info->cached_frame == NULL && frame_cache_enabled &&
            (info->flags & (NUITKA_FUNC_CLASS_BODY | NUITKA_FUNC_MODULE_BODY)) == 0) {
            info->cached_frame = frame;
            if (info->next_cached == NULL) {
                info->next_cached = cached_infos;
                cached_infos = info;
            }
            return;
        }
    }
    Py_DECREF(frame);
}

/* Run the body in its frame: link the frame, check recursion, call, unlink. */
static PyObject *run_frame(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *func, PyFrameObject *frame) {
    if (unlikely(NUITKA_RECURSION_ENTER(tstate))) {
        return NULL;
    }
    Nuitka_Frame_Push(tstate, frame);
    PyObject *result = info->impl(tstate, func, frame, Nuitka_Frame_LocalsPlus(frame));
    if (Py_REFCNT(frame) > 2) {
        /* (One reference is the chain's while linked.) Someone kept the frame (traceback, sys._getframe()): give it its
         * f_back before the caller's frame is unlinked. */
        Nuitka_Frame_Detach(frame);
    }
    Nuitka_Frame_Pop(tstate, frame);
    NUITKA_RECURSION_LEAVE(tstate);
    return result;
}

PyObject *Nuitka_Function_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    Nuitka_FunctionObject *func = (Nuitka_FunctionObject *)callable;
    Nuitka_FunctionInfo *info = func->info;
    PyThreadState *tstate = PyThreadState_GET();
    PyFrameObject *frame = acquire_frame(tstate, info, func->base.func_globals, NULL);
    if (unlikely(frame == NULL)) {
        return NULL;
    }
    PyObject **fl = Nuitka_Frame_LocalsPlus(frame);
    if (unlikely(Nuitka_ParseArgs(&info->argspec, func->base.func_qualname, func->base.func_defaults,
                                  func->base.func_kwdefaults, args, PyVectorcall_NARGS(nargsf), kwnames, fl) < 0) ||
        unlikely(Nuitka_Function_SetupCells(info, callable, fl) < 0)) {
        Nuitka_Frame_ClearLocals(frame);
        release_frame(info, frame);
        return NULL;
    }
    if (info->flags & (NUITKA_FUNC_GENERATOR | NUITKA_FUNC_COROUTINE | NUITKA_FUNC_ASYNCGEN)) {
        return Nuitka_Generator_New(func, frame);
    }
    PyObject *result = run_frame(tstate, info, callable, frame);
    release_frame(info, frame);
    return result;
}

PyObject *Nuitka_Function_CallClassBody(PyObject *callable, PyObject *ns) {
    Nuitka_FunctionObject *func = (Nuitka_FunctionObject *)callable;
    Nuitka_FunctionInfo *info = func->info;
    PyThreadState *tstate = PyThreadState_GET();
    PyFrameObject *frame = Nuitka_Frame_New(tstate, info->code, func->base.func_globals, ns);
    if (unlikely(frame == NULL)) {
        return NULL;
    }
    if (unlikely(Nuitka_Function_SetupCells(info, callable, Nuitka_Frame_LocalsPlus(frame)) < 0)) {
        Py_DECREF(frame);
        return NULL;
    }
    PyObject *result = run_frame(tstate, info, callable, frame);
    release_frame(info, frame);
    return result;
}

PyObject *Nuitka_Module_RunBody(Nuitka_FunctionInfo *info, PyObject *globals) {
    PyThreadState *tstate = PyThreadState_GET();
    PyFrameObject *frame = Nuitka_Frame_New(tstate, info->code, globals, globals);
    if (unlikely(frame == NULL)) {
        return NULL;
    }
    PyObject *result = run_frame(tstate, info, NULL, frame);
    release_frame(info, frame);
    return result;
}

PyObject *Nuitka_Function_New(Nuitka_FunctionInfo *info, PyObject *globals, PyObject *defaults, PyObject *kwdefaults,
                              PyObject *annotations, PyObject *closure) {
    PyCodeObject *code = info->code;
    PyObject *module = PyDict_GetItemWithError(globals, Nuitka_String_name);
    if (module == NULL && PyErr_Occurred()) {
        goto error;
    }
    PyObject *builtins = PyDict_GetItemWithError(globals, Nuitka_String_builtins);
    if (builtins == NULL) {
        if (PyErr_Occurred()) {
            goto error;
        }
        builtins = PyEval_GetBuiltins();
    } else if (PyModule_Check(builtins)) {
        builtins = PyModule_GetDict(builtins);
    }
    Nuitka_FunctionObject *result = PyObject_GC_New(Nuitka_FunctionObject, &Nuitka_Function_Type);
    if (unlikely(result == NULL)) {
        goto error;
    }
    PyFunctionObject *op = &result->base;
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = Py_NewRef(builtins);
    op->func_name = Py_NewRef(code->co_name);
    op->func_qualname = Py_NewRef(NUITKA_CODE_QUALNAME(code, info->qualname));
    op->func_code = Py_NewRef((PyObject *)code);
    op->func_defaults = defaults;
    op->func_kwdefaults = kwdefaults;
    op->func_closure = closure;
    PyObject *doc = PyTuple_GET_SIZE(code->co_consts) > 0 ? PyTuple_GET_ITEM(code->co_consts, 0) : Py_None;
    if (!PyUnicode_Check(doc)) {
        doc = Py_None;
    }
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = Py_XNewRef(module);
    op->func_annotations = annotations;
    op->vectorcall = Nuitka_Function_Vectorcall;
#if PY_VERSION_HEX >= 0x030B0000
    op->func_version = 0;
#endif
#if PY_VERSION_HEX >= 0x030C0000
    op->func_typeparams = NULL;
#endif
    result->info = info;
    PyObject_GC_Track(result);
    return (PyObject *)result;
error:
    Py_XDECREF(defaults);
    Py_XDECREF(kwdefaults);
    Py_XDECREF(annotations);
    Py_XDECREF(closure);
    return NULL;
}

int Nuitka_Runtime_Init(void) {
    static int done = 0;
    if (done) {
        return 0;
    }
    Nuitka_Function_Type.tp_base = &PyFunction_Type;
    Nuitka_Function_Type.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR |
                                    Py_TPFLAGS_HAVE_VECTORCALL;
    Nuitka_Function_Type.tp_methods = Nuitka_Function_methods;
    Nuitka_Function_Type.tp_getset = Nuitka_Function_getset;
    Nuitka_Function_Type.tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall);
    Nuitka_Function_Type.tp_call = PyVectorcall_Call;
    Nuitka_Function_Type.tp_traverse = PyFunction_Type.tp_traverse;
    Nuitka_Function_Type.tp_clear = PyFunction_Type.tp_clear;
    Nuitka_Function_Type.tp_dealloc = PyFunction_Type.tp_dealloc;
    Nuitka_Function_Type.tp_descr_get = PyFunction_Type.tp_descr_get;
    Nuitka_Function_Type.tp_repr = PyFunction_Type.tp_repr;
    Nuitka_Function_Type.tp_dictoffset = PyFunction_Type.tp_dictoffset;
    Nuitka_Function_Type.tp_weaklistoffset = PyFunction_Type.tp_weaklistoffset;
    if (PyType_Ready(&Nuitka_Function_Type) < 0) {
        return -1;
    }
    /* PyType_Ready put __doc__ = None into our type's dict, which would
     * hide the function's own __doc__ member: use the base's descriptor. */
    /* (Looked up through the MRO: 3.12+ keep static builtin types' dicts
     * in the interpreter state, not in tp_dict.) */
    PyObject *doc_name = PyUnicode_InternFromString("__doc__");
    PyObject *doc_descr = doc_name ? _PyType_Lookup(&PyFunction_Type, doc_name) : NULL;
    Py_XDECREF(doc_name);
    if (doc_descr == NULL || PyDict_SetItemString(Nuitka_Function_Type.tp_dict, "__doc__", doc_descr) < 0) {
        return -1;
    }
    PyType_Modified(&Nuitka_Function_Type);
    if (PyType_Ready(&Nuitka_Generator_Type) < 0) {
        return -1;
    }
    if (Nuitka_Coroutines_Init() < 0) {
        return -1;
    }
    if (register_frame_cache_cleanup() < 0) {
        return -1;
    }
    done = 1;
    return 0;
}
