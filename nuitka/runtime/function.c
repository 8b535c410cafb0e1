/* The compiled function type and its call protocol (see nuitka/function.h). */
#include "nuitka/prelude.h"

#include <pthread.h>

/* Compiled functions are exact function objects (see nuitka/function.h).
 * Allocation: an object of PyFunction_Type with room for the info pointer
 * after the PyFunctionObject. Before 3.12, which have no API for that, a
 * template type of that size with the function type's flags (GC) does the
 * allocation, and the object's type is then set to PyFunction_Type
 * (deallocation frees the block whatever its size). */
#if PY_VERSION_HEX < 0x030C0000
static PyTypeObject function_alloc_template = {
    PyVarObject_HEAD_INIT(NULL, 0) "function", /* tp_name */
    sizeof(Nuitka_FunctionObject),              /* tp_basicsize */
};
#endif

static inline Nuitka_FunctionObject *alloc_function(void) {
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *op = PyUnstable_Object_GC_NewWithExtraData(
        &PyFunction_Type, sizeof(Nuitka_FunctionObject) - sizeof(PyFunctionObject));
#else
    PyObject *op = (PyObject *)PyObject_GC_New(Nuitka_FunctionObject, &function_alloc_template);
    if (op != NULL) {
        Py_SET_TYPE(op, &PyFunction_Type);
    }
#endif
    return (Nuitka_FunctionObject *)op;
}

/* ``__compiled__`` of compiled functions: function objects have no room
 * for an attribute of our own that dir() and __dict__ would not show, so
 * the function type's attribute lookup answers it for compiled functions
 * (of this runtime, then of the runtimes of other compiled extension
 * modules, which chain in the same way) and is the usual one otherwise. */
static getattrofunc previous_function_getattro = NULL;
static PyObject *compiled_attr_name = NULL;

static PyObject *function_getattro(PyObject *self, PyObject *name) {
    if (unlikely(name == compiled_attr_name ||
                 (PyUnicode_CheckExact(name) && PyUnicode_GET_LENGTH(name) == 12 &&
                  PyUnicode_Compare(name, compiled_attr_name) == 0)) &&
        Nuitka_Function_Check(self)) {
        Py_RETURN_TRUE;
    }
    return previous_function_getattro(self, name);
}

#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
/* 3.11: a compiled function given a copy of its own code object with other
 * flags (types.coroutine) keeps running its compiled body, also when the
 * interpreter inlines its calls: the copy gets the entry too
 * (inline_entry.c). */
static setattrofunc previous_function_setattro = NULL;
static PyObject *code_attr_name = NULL;

static int function_setattro(PyObject *self, PyObject *name, PyObject *value) {
    int res = previous_function_setattro(self, name, value);
    if (res == 0 && value != NULL && PyCode_Check(value) && Nuitka_Function_Check(self) &&
        PyUnicode_Check(name) && PyUnicode_Compare(name, code_attr_name) == 0) {
        Nuitka_FunctionInfo *info = ((Nuitka_FunctionObject *)self)->info;
        PyCodeObject *code = (PyCodeObject *)value;
        if (code != info->code && Nuitka_Function_SameCodeBody(code, info->code) &&
            Nuitka_Code_InstallInlineEntry(value) < 0) {
            /* (Then the interpreter must not inline at all.) */
            PyErr_Clear();
            Nuitka_Function_UseEvaluator();
        }
    }
    return res;
}
#endif

/* The interpreter's call specialisations (3.11+) push a frame for a
 * Python function's code object and run its bytecode without calling the
 * function's vectorcall; compiled functions must never take that path
 * (their code object has CPython's bytecode, but the compiled program is
 * the C code). Per version (checked against the CPython sources and by
 * tests/programs/functions/exact_function_type.py):
 * - 3.10: calls always go through vectorcall.
 * - 3.11: CALL inlines every exact function (it does not look at
 *   vectorcall), and the specialisations do too. The bytecode the
 *   interpreter runs for a compiled code object is therefore an entry into
 *   the compiled function (inline_entry.c). While a tracer or profiler is
 *   set, a PEP 523 frame evaluator that runs the default one stops the
 *   inlining instead (Nuitka_Function_UseEvaluator).
 * - 3.12+: specialisations need a function version, which is never given
 *   to a function whose vectorcall is not the interpreter's and whose
 *   func_version is 0 (ours, see Nuitka_Function_New), and the generic CALL
 *   inlines only functions with the interpreter's vectorcall.
 * - 3.13: CALL_ALLOC_AND_ENTER_INIT (instantiating a class whose __init__
 *   is a simple Python function) checks neither: see function_compat.c. */
#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
static PyObject *default_eval_frame(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int throwflag) {
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

/* With any frame evaluator set, 3.11 neither inlines nor specialises
 * Python calls; one that is already set (a debugger's) is left alone. */
void Nuitka_Function_UseEvaluator(void) {
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (_PyInterpreterState_GetEvalFrameFunc(interp) == _PyEval_EvalFrameDefault) {
        _PyInterpreterState_SetEvalFrameFunc(interp, default_eval_frame);
    }
}
#endif

int Nuitka_Function_SetupCells(Nuitka_FunctionInfo *info, PyObject *func, PyObject **fl) {
    PyObject *closure = func ? ((PyFunctionObject *)func)->func_closure : NULL;
    return Nuitka_Function_SetupCellsFrom(info, closure && info->nfree ? &PyTuple_GET_ITEM(closure, 0) : NULL, fl);
}

int Nuitka_Function_SetupCellsFrom(Nuitka_FunctionInfo *info, PyObject *const *free_cells, PyObject **fl) {
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
    for (int i = 0; i < info->nfree; i++) {
        fl[info->free_start + i] = Py_NewRef(free_cells[i]);
    }
    return 0;
}

/* A cached frame is hidden from the garbage collector while it waits in
 * the cache, so that gc.get_objects() counts what it counts uncompiled, where calls leave no
 * objects behind. Safe: only C holds a cached frame (it is cached at
 * reference count 1), so it cannot be part of a cycle; what it references
 * stays alive through it as before. */
static void frame_set_gc_tracked(PyFrameObject *frame, int track) {
    PyObject *o = (PyObject *)frame;
    if (track && !Nuitka_GC_IsTracked(o)) {
        PyObject_GC_Track(o);
    } else if (!track && Nuitka_GC_IsTracked(o)) {
        PyObject_GC_UnTrack(o);
    }
}

/* Infos that hold a cached frame; the frames are dropped when the
 * interpreter starts to shut down (they keep module globals alive, which
 * would delay the clean-up CPython does of those at exit). */
static Nuitka_FunctionInfo cached_infos_end; /* sentinel: an info is listed iff next_cached != NULL */
Nuitka_FunctionInfo *Nuitka_CachedInfos = &cached_infos_end;
int Nuitka_FrameCacheEnabled = 1;

/* Each function keeps up to NUITKA_FRAME_POOL frames of finished calls
 * that nobody else holds (reference count 1), so that calls, also
 * recursive ones, reuse a frame instead of making one (PyFrame_New: a
 * builtins lookup and two allocations). They are chained through f_back,
 * which a frame nobody holds does not otherwise use (a frame that got its
 * f_back is not put back). */

static inline int pool_has_room(Nuitka_FunctionInfo *info, PyFrameObject *frame) {
    return info->cached_count < NUITKA_FRAME_POOL && Nuitka_FrameCacheEnabled && frame->f_back == NULL;
}

static inline void pool_take(Nuitka_FunctionInfo *info, PyFrameObject *frame) {
    info->cached_frame = frame->f_back;
    frame->f_back = NULL;
    info->cached_count--;
}

static inline void pool_put(Nuitka_FunctionInfo *info, PyFrameObject *frame) {
    frame->f_back = info->cached_frame;
    info->cached_frame = frame;
    info->cached_count++;
}

static void pool_clear(Nuitka_FunctionInfo *info) {
    while (info->cached_frame != NULL) {
        PyFrameObject *frame = info->cached_frame;
        pool_take(info, frame);
        /* (Deallocation expects GC-tracked objects.) */
        frame_set_gc_tracked(frame, 1);
        Py_DECREF(frame);
    }
}

/* 3.11+ PyFrame_New makes a function object for each frame (f_func,
 * f_funcobj) that nothing else references: in a reference cycle through the
 * frame (``frame = sys._getframe()`` in a local), gc.collect() would count
 * it as a second object, where CPython's frame points to the live function.
 * The frames of one code object share one such function instead, held by
 * the info until exit, so it is never garbage. */
static Nuitka_FunctionInfo **frame_func_infos = NULL;
static Py_ssize_t frame_func_count = 0, frame_func_alloc = 0;

static void share_frame_function(Nuitka_FunctionInfo *info, PyFrameObject *frame) {
#if PY_VERSION_HEX >= 0x030C0000
    PyObject **slot = &frame->f_frame->f_funcobj;
#elif PY_VERSION_HEX >= 0x030B0000
    PyObject **slot = (PyObject **)&frame->f_frame->f_func;
#else
    PyObject **slot = NULL;
#endif
    if (slot == NULL || *slot == NULL) {
        return;
    }
    if (info->frame_func != NULL) {
        /* (Only for the same globals: a module executed again in another
         * namespace keeps its own.) */
        if (((PyFunctionObject *)info->frame_func)->func_globals == ((PyFunctionObject *)*slot)->func_globals) {
            Py_SETREF(*slot, Py_NewRef(info->frame_func));
        }
        return;
    }
    if (!Nuitka_FrameCacheEnabled) {
        return;
    }
    if (frame_func_count == frame_func_alloc) {
        Py_ssize_t alloc = frame_func_alloc ? frame_func_alloc * 2 : 64;
        Nuitka_FunctionInfo **grown = PyMem_Realloc(frame_func_infos, alloc * sizeof(*grown));
        if (grown == NULL) {
            return; /* not shared: only what gc.collect() counts differs */
        }
        frame_func_infos = grown;
        frame_func_alloc = alloc;
    }
    frame_func_infos[frame_func_count++] = info;
    info->frame_func = Py_NewRef(*slot);
    /* Held here until exit: hidden from the collector too, so calls leave
     * no new tracked objects behind (gc.get_objects()); tracked again
     * before it is released (function dealloc expects that). */
    if (Nuitka_GC_IsTracked(info->frame_func)) {
        PyObject_GC_UnTrack(info->frame_func);
    }
}

static PyFrameObject *new_function_frame(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *globals,
                                         PyObject *locals) {
    PyFrameObject *frame = Nuitka_Frame_New(tstate, info->code, globals, locals);
    if (likely(frame != NULL)) {
        share_frame_function(info, frame);
    }
    return frame;
}

static PyObject *drop_cached_frames(PyObject *self, PyObject *unused) {
    Nuitka_FrameCacheEnabled = 0;
    for (Py_ssize_t i = 0; i < frame_func_count; i++) {
        PyObject *func = frame_func_infos[i]->frame_func;
        if (func != NULL && !Nuitka_GC_IsTracked(func)) {
            PyObject_GC_Track(func);
        }
        Py_CLEAR(frame_func_infos[i]->frame_func);
    }
    frame_func_count = 0;
    while (Nuitka_CachedInfos != &cached_infos_end) {
        Nuitka_FunctionInfo *info = Nuitka_CachedInfos;
        Nuitka_CachedInfos = info->next_cached;
        info->next_cached = NULL;
        pool_clear(info);
    }
    Py_RETURN_NONE;
}

static PyMethodDef drop_cached_frames_def = {"_nuitka_drop_cached_frames", drop_cached_frames, METH_NOARGS, NULL};

static int register_frame_cache_cleanup(void) {
    PyObject *atexit = Nuitka_ImportModuleInternal("atexit");
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
        if (pool_has_room(info, frame) && (info->flags & (NUITKA_FUNC_CLASS_BODY | NUITKA_FUNC_MODULE_BODY)) == 0) {
            pool_put(info, frame);
            frame_set_gc_tracked(frame, 0);
            if (info->next_cached == NULL) {
                info->next_cached = Nuitka_CachedInfos;
                Nuitka_CachedInfos = info;
            }
            return;
        }
        frame_set_gc_tracked(frame, 1);
    }
    Py_DECREF(frame);
}

void Nuitka_Function_ReleaseFrame(Nuitka_FunctionInfo *info, PyFrameObject *frame) { release_frame(info, frame); }

/* After a function call: like release_frame, for a function's own frame
 * (never a class or module body), with the locals cleared inline. */
static inline void release_function_frame(Nuitka_FunctionInfo *info, PyFrameObject *frame) {
    if (likely(Py_REFCNT(frame) == 1)) {
        Nuitka_Frame_ClearFunctionLocals(frame);
        if (likely(pool_has_room(info, frame))) {
            /* (Still hidden from the GC: see CallDirect.) */
            pool_put(info, frame);
            if (unlikely(info->next_cached == NULL)) {
                info->next_cached = Nuitka_CachedInfos;
                Nuitka_CachedInfos = info;
            }
            return;
        }
        /* (Deallocation expects GC-tracked objects.) */
        frame_set_gc_tracked(frame, 1);
    }
    Py_DECREF(frame);
}

/* A compiled call is a C call: under a raised recursion limit, deep
 * recursion can use up the thread's C stack (an extension module runs on
 * the importing thread's stack, threads have 8 MiB) where CPython 3.11+
 * uses none. Past NUITKA_STACK_CHECK_DEPTH calls, each call checks the
 * stack pointer against the thread's stack bounds and raises RecursionError
 * instead of crashing when less than a margin is left. */
static __thread char *stack_guard = NULL;

static int stack_exhausted(void) {
    char here;
    if (unlikely(stack_guard == NULL)) {
        pthread_attr_t attr;
        void *low = NULL;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            if (pthread_attr_getstack(&attr, &low, &size) != 0) {
                low = NULL;
            }
            pthread_attr_destroy(&attr);
        }
        if (low == NULL || size == 0) {
            stack_guard = (char *)1; /* unknown: never reports exhaustion */
        } else {
            size_t margin = size / 8 < (1 << 20) ? size / 8 : (1 << 20);
            stack_guard = (char *)low + margin;
        }
    }
    return &here < stack_guard;
}

int Nuitka_Function_CheckStack(PyThreadState *tstate) {
    if (likely(NUITKA_CALL_DEPTH(tstate) < NUITKA_STACK_CHECK_DEPTH) || likely(!stack_exhausted())) {
        return 0;
    }
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

/* For the fast entries (function_fast.h): a new frame for a call, hidden
 * from the GC like the pooled ones; and dropping a frame the pool does not
 * take (shown to the GC again first when it is about to be deallocated). */
PyFrameObject *Nuitka_Function_NewCallFrame(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *func) {
    return Nuitka_Function_NewCallFrameIn(tstate, info, ((PyFunctionObject *)func)->func_globals);
}

PyFrameObject *Nuitka_Function_NewCallFrameIn(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *globals) {
    PyFrameObject *frame = new_function_frame(tstate, info, globals, NULL);
    if (likely(frame != NULL)) {
        frame_set_gc_tracked(frame, 0);
    }
    return frame;
}

void Nuitka_Function_DropCallFrame(PyFrameObject *frame) {
    if (Py_REFCNT(frame) == 1) {
        frame_set_gc_tracked(frame, 1);
    }
    Py_DECREF(frame);
}

/* For the fast entries of generators, coroutines and async generators:
 * the generator owns the (argument-bound) frame, visible to the GC. */
PyObject *Nuitka_Function_StartGenerator(PyObject *func, PyFrameObject *frame) {
    frame_set_gc_tracked(frame, 1);
    return Nuitka_Generator_New((Nuitka_FunctionObject *)func, frame);
}

/* Run the body in its frame: link the frame, check recursion, call, unlink. */
static inline PyObject *run_frame(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *func,
                                  PyFrameObject *frame) {
    if (unlikely(NUITKA_RECURSION_ENTER(tstate))) {
        return NULL;
    }
    if (unlikely(NUITKA_CALL_DEPTH(tstate) >= NUITKA_STACK_CHECK_DEPTH) && Nuitka_Function_CheckStack(tstate) < 0) {
        NUITKA_RECURSION_LEAVE(tstate);
        return NULL;
    }
    Nuitka_Frame_Push(tstate, frame);
    PyObject *result;
    if (unlikely(NUITKA_PROFILING(tstate)) && Nuitka_Profile_CallStart(tstate, frame) < 0) {
        result = NULL;
    } else {
        result = info->impl(tstate, func, frame, Nuitka_Frame_LocalsPlus(frame));
    }
    if (unlikely(NUITKA_PROFILING(tstate))) {
        result = Nuitka_Profile_Return(tstate, frame, result);
    }
    if (unlikely(Py_REFCNT(frame) > 2)) {
        /* (One reference is the chain's while linked.) Someone kept the frame (traceback, sys._getframe()): give it its
         * f_back before the caller's frame is unlinked. It is now visible to the GC. */
        Nuitka_Frame_Detach(frame);
        frame_set_gc_tracked(frame, 1);
    }
    Nuitka_Frame_Pop(tstate, frame);
    NUITKA_RECURSION_LEAVE(tstate);
    return result;
}

/* The common calls, bound without the general parser: only positional
 * arguments, at most co_argcount of them and the rest covered by
 * __defaults__, no *args or **kwargs parameter; keyword-only parameters
 * from __kwdefaults__. Returns 1 when fl[] is filled, 0 when the general
 * parser must do it (fl[] left empty; it then also reports the errors),
 * -1 on an error (fl[] partially filled). */
static inline int bind_positional(Nuitka_FunctionObject *func, const Nuitka_ArgSpec *spec, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject **fl) {
    Py_ssize_t argcount = spec->argcount;
    if (unlikely(spec->flags != 0)) {
        return 0;
    }
    if (likely(nargs == argcount)) {
        for (Py_ssize_t i = 0; i < nargs; i++) {
            fl[i] = Py_NewRef(args[i]);
        }
    } else {
        PyObject *defaults = func->base.func_defaults;
        if (nargs > argcount || defaults == NULL) {
            return 0;
        }
        Py_ssize_t first_default = argcount - PyTuple_GET_SIZE(defaults);
        if (nargs < first_default) {
            return 0;
        }
        for (Py_ssize_t i = 0; i < nargs; i++) {
            fl[i] = Py_NewRef(args[i]);
        }
        for (Py_ssize_t i = nargs; i < argcount; i++) {
            fl[i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
        }
    }
    if (unlikely(spec->kwonlyargcount > 0)) {
        Py_ssize_t total = argcount + spec->kwonlyargcount;
        PyObject *kwdefaults = func->base.func_kwdefaults;
        if (kwdefaults == NULL) {
            goto general;
        }
        /* A lookup can run code (keys with __eq__) that replaces __kwdefaults__. */
        Py_INCREF(kwdefaults);
        for (Py_ssize_t i = argcount; i < total; i++) {
#if PY_VERSION_HEX >= 0x030D0000
            PyObject *value;
            int found = PyDict_GetItemRef(kwdefaults, spec->varnames[i], &value);
            if (found < 0) {
                Py_DECREF(kwdefaults);
                return -1;
            }
#else
            PyObject *value = PyDict_GetItemWithError(kwdefaults, spec->varnames[i]);
            int found = value != NULL;
            if (!found && PyErr_Occurred()) {
                Py_DECREF(kwdefaults);
                return -1;
            }
            Py_XINCREF(value);
#endif
            if (!found) {
                Py_DECREF(kwdefaults);
                goto general;
            }
            fl[i] = value;
        }
        Py_DECREF(kwdefaults);
    }
    return 1;
general:
    for (Py_ssize_t i = 0; i < argcount + spec->kwonlyargcount; i++) {
        Py_CLEAR(fl[i]);
    }
    return 0;
}

/* The vectorcall of plain functions (_PyFunction_Vectorcall, which 3.13
 * no longer exports), taken from a function made at start-up. */
static vectorcallfunc interpreter_vectorcall = NULL;

int Nuitka_Function_HasOwnVectorcall(PyObject *func) {
    return ((PyFunctionObject *)func)->vectorcall != interpreter_vectorcall;
}

/* Whether a replaced __code__ is our own code object with only its flags or
 * names changed (code.replace(co_flags=...), as types.coroutine does): the
 * compiled body still is that code. replace() keeps the line table, the
 * constants and the names objects it was not given. */
int Nuitka_Function_SameCodeBody(PyCodeObject *code, PyCodeObject *own) {
    if (!PyCode_Check(code) || code->co_linetable != own->co_linetable || code->co_consts != own->co_consts ||
        code->co_names != own->co_names) {
        return 0;
    }
#if PY_VERSION_HEX >= 0x030B0000
    /* (replace() takes co_code, which shows the original bytecode without
     * the position NOPs, see Nuitka_Code_ShowOriginal; on 3.11 our array
     * also starts with the interpreter's entry, see inline_entry.c.) */
#if PY_VERSION_HEX < 0x030C0000
    if (own->_co_code != NULL) {
        /* (The copy may have the entry too: its cached co_code then.) */
        const void *bytes = code->_co_code != NULL ? (const void *)PyBytes_AS_STRING(code->_co_code)
                                                   : (const void *)_PyCode_CODE(code);
        return PyBytes_GET_SIZE(own->_co_code) == Py_SIZE(code) * (Py_ssize_t)sizeof(_Py_CODEUNIT) &&
               memcmp(bytes, PyBytes_AS_STRING(own->_co_code), PyBytes_GET_SIZE(own->_co_code)) == 0;
    }
#endif
    return Py_SIZE(code) <= Py_SIZE(own) &&
           memcmp(_PyCode_CODE(code), _PyCode_CODE(own), Py_SIZE(code) * sizeof(_Py_CODEUNIT)) == 0;
#else
    return code->co_code == own->co_code;
#endif
}

/* The frame for a call: a pooled one or a new one. A function's frame is
 * hidden from the GC (frame_set_gc_tracked) from its creation on, also
 * while it runs (what it references then looks referenced from outside,
 * which is safe), and shown only when it escapes: kept after the call
 * (run_frame), given to a generator, or deallocated. So calls that reuse a
 * pooled frame do no GC work. */
static inline PyFrameObject *take_call_frame(PyThreadState *tstate, Nuitka_FunctionInfo *info,
                                             Nuitka_FunctionObject *func) {
    PyFrameObject *frame = info->cached_frame;
    if (likely(frame != NULL) && likely(Nuitka_Frame_IFrame(frame)->f_globals == func->base.func_globals)) {
        /* (Only a frame of the same globals, see Nuitka_Fast_TakeFrameIn.) */
        pool_take(info, frame);
        return frame;
    }
    frame = new_function_frame(tstate, info, func->base.func_globals, NULL);
    if (likely(frame != NULL)) {
        frame_set_gc_tracked(frame, 0);
    }
    return frame;
}

/* With the arguments bound and the cells made: the new generator,
 * coroutine or async generator, or the result of running the body. */
static inline PyObject *run_call_frame(PyThreadState *tstate, Nuitka_FunctionInfo *info, Nuitka_FunctionObject *func,
                                       PyFrameObject *frame) {
    if (unlikely(info->flags & (NUITKA_FUNC_GENERATOR | NUITKA_FUNC_COROUTINE | NUITKA_FUNC_ASYNCGEN))) {
        frame_set_gc_tracked(frame, 1);
        return Nuitka_Generator_New(func, frame);
    }
    PyObject *result = run_frame(tstate, info, (PyObject *)func, frame);
    release_function_frame(info, frame);
    return result;
}

PyObject *Nuitka_Function_CallDirect(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                                     Py_ssize_t nargs, PyObject *kwnames) {
    Nuitka_FunctionObject *func = (Nuitka_FunctionObject *)callable;
    Nuitka_FunctionInfo *info = func->info;
    if (unlikely(func->base.func_code != (PyObject *)info->code) &&
        !Nuitka_Function_SameCodeBody((PyCodeObject *)func->base.func_code, info->code)) {
        /* f.__code__ was replaced: run that code in the interpreter, as
         * CPython would (the code object of a compiled function keeps its
         * original bytecode, so this also works for those). */
        return interpreter_vectorcall(callable, args, nargs, kwnames);
    }
    if (info->fast != NULL && nargs == info->argspec.argcount && (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)) {
        return ((Nuitka_FastEntry)info->fast)(tstate, callable, args);
    }
    PyFrameObject *frame = take_call_frame(tstate, info, func);
    if (unlikely(frame == NULL)) {
        return NULL;
    }
    PyObject **fl = Nuitka_Frame_LocalsPlus(frame);
    int bound = 0;
    if (likely(kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)) {
        bound = bind_positional(func, &info->argspec, args, nargs, fl);
    }
    if (unlikely(bound <= 0)) {
        if (bound < 0 || Nuitka_ParseArgs(&info->argspec, func->base.func_qualname, func->base.func_defaults,
                                          func->base.func_kwdefaults, args, nargs, kwnames, fl) < 0) {
            goto error;
        }
    }
    /* Cells and free variables only where the function has some. */
    if (unlikely((info->ncell_slots | info->nfree | info->narg_cell_copies) != 0) &&
        unlikely(Nuitka_Function_SetupCells(info, callable, fl) < 0)) {
        goto error;
    }
    return run_call_frame(tstate, info, func, frame);
error:
    Nuitka_Frame_ClearLocals(frame);
    release_frame(info, frame);
    return NULL;
}

#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
/* 3.11: a call the interpreter inlined (inline_entry.c): `bound` is the
 * localsplus of its frame, with the arguments bound by the interpreter
 * (defaults applied), and with the cells made and free variables copied
 * when `with_cells`. `callable` is a compiled
 * function of this runtime whose __code__ is its own, not a class or
 * module body. The arguments are moved into the compiled frame, as a call
 * through vectorcall would have put them there. */
PyObject *Nuitka_Function_CallBound(PyThreadState *tstate, PyObject *callable, PyObject **bound, int with_cells) {
    Nuitka_FunctionObject *func = (Nuitka_FunctionObject *)callable;
    Nuitka_FunctionInfo *info = func->info;
    if (info->fast != NULL && !with_cells) {
        /* (Only positional parameters: all of them are bound.) */
        return ((Nuitka_FastEntry)info->fast)(tstate, callable, bound);
    }
    PyFrameObject *frame = take_call_frame(tstate, info, func);
    if (unlikely(frame == NULL)) {
        return NULL;
    }
    PyObject **fl = Nuitka_Frame_LocalsPlus(frame);
    /* With cells or free variables, all slots: the interpreter made the
     * cells (the arguments among them in place) and copied the free
     * variables, as Nuitka_Function_SetupCells would. */
    Py_ssize_t n = with_cells ? info->code->co_nlocalsplus : Nuitka_ArgSpec_TotalLocals(&info->argspec);
    for (Py_ssize_t i = 0; i < n; i++) {
        fl[i] = bound[i];
        bound[i] = NULL;
    }
    if (unlikely(!with_cells && (info->ncell_slots | info->nfree | info->narg_cell_copies) != 0) &&
        unlikely(Nuitka_Function_SetupCells(info, callable, fl) < 0)) {
        Nuitka_Frame_ClearLocals(frame);
        release_frame(info, frame);
        return NULL;
    }
    return run_call_frame(tstate, info, func, frame);
}
#endif

PyObject *Nuitka_Function_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    return Nuitka_Function_CallDirect(PyThreadState_GET(), callable, args, PyVectorcall_NARGS(nargsf), kwnames);
}

PyObject *Nuitka_Function_CallClassBody(PyObject *callable, PyObject *ns) {
    Nuitka_FunctionObject *func = (Nuitka_FunctionObject *)callable;
    Nuitka_FunctionInfo *info = func->info;
    PyThreadState *tstate = PyThreadState_GET();
    PyFrameObject *frame = new_function_frame(tstate, info, func->base.func_globals, ns);
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
    PyFrameObject *frame = new_function_frame(tstate, info, globals, globals);
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
    Nuitka_FunctionObject *result = alloc_function();
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
#if PY_VERSION_HEX < 0x030C0000
    function_alloc_template.tp_flags = PyFunction_Type.tp_flags & ~Py_TPFLAGS_READY;
#endif
    compiled_attr_name = PyUnicode_InternFromString("__compiled__");
    if (compiled_attr_name == NULL) {
        return -1;
    }
    previous_function_getattro = PyFunction_Type.tp_getattro;
    PyFunction_Type.tp_getattro = function_getattro;
#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
    code_attr_name = PyUnicode_InternFromString("__code__");
    if (code_attr_name == NULL) {
        return -1;
    }
    previous_function_setattro = PyFunction_Type.tp_setattro;
    PyFunction_Type.tp_setattro = function_setattro;
#endif
    if (Nuitka_InlineEntry_Init() < 0) {
        return -1;
    }
    if (Nuitka_Resumable_SetMetatype(&Nuitka_Generator_Type) < 0 || PyType_Ready(&Nuitka_Generator_Type) < 0) {
        return -1;
    }
    if (Nuitka_Coroutines_Init() < 0) {
        return -1;
    }
    if (register_frame_cache_cleanup() < 0) {
        return -1;
    }
    {
        PyObject *empty_code = (PyObject *)PyCode_NewEmpty("", "", 0);
        PyObject *globals = empty_code ? PyDict_New() : NULL;
        PyObject *plain = globals ? PyFunction_New(empty_code, globals) : NULL;
        Py_XDECREF(empty_code);
        Py_XDECREF(globals);
        if (plain == NULL) {
            return -1;
        }
        interpreter_vectorcall = ((PyFunctionObject *)plain)->vectorcall;
        Py_DECREF(plain);
    }
    done = 1;
    return 0;
}
