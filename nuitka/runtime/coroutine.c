/* Compiled coroutines and async generators (see nuitka/coroutine.h).
 *
 * Mirrors CPython 3.11's Objects/genobject.c (coroutine, coroutine_wrapper,
 * async_generator, async_generator_asend / _athrow) and the await-related
 * opcodes of Python/ceval.c (GET_AWAITABLE, GET_AITER, GET_ANEXT,
 * BEFORE_ASYNC_WITH). CPython marks the values an async generator yields
 * (ASYNC_GEN_WRAP) to tell them from what an `await` inside it passes
 * up; here no wrapping is needed: a value comes from an `await` exactly
 * when the generator is delegating (gen->yieldfrom is set). 3.13's changes
 * to the asend/athrow awaitables (throw() and close() start and use them up,
 * the "coroutine method ... was never awaited" warning) are version-checked.
 */
#include "nuitka/prelude.h"

#define GEN_FINISHED(gen) ((gen)->resume_point < 0)

static PyObject *str_aenter, *str_aexit, *str_warn_unawaited;

/* ---- shared attribute getters ------------------------------------------ */


static PyObject *coro_get_running(PyObject *self, void *closure) {
    return PyBool_FromLong(((Nuitka_GeneratorObject *)self)->running);
}

NUITKA_MAY_BE_UNUSED static PyObject *coro_get_suspended(PyObject *self, void *closure) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    return PyBool_FromLong(gen->resume_point > 0 && !gen->running);
}

static PyObject *coro_get_code(PyObject *self, void *closure) {
    return Py_NewRef((PyObject *)((Nuitka_GeneratorObject *)self)->code);
}

static PyObject *coro_get_origin(PyObject *self, void *closure) {
    PyObject *origin = ((Nuitka_GeneratorObject *)self)->origin_or_finalizer;
    return Py_NewRef(origin ? origin : Py_None);
}

static PyObject *coro_get_compiled(PyObject *self, void *closure) { Py_RETURN_TRUE; }

static PyObject *agen_get_running(PyObject *self, void *closure) {
    return PyBool_FromLong(((Nuitka_GeneratorObject *)self)->ag_running_async);
}

/* ---- coroutine ----------------------------------------------------------- */

static PyObject *coro_repr(PyObject *self) {
    return PyUnicode_FromFormat("<coroutine object %S at %p>", ((Nuitka_GeneratorObject *)self)->qualname, self);
}

static PyObject *coro_send(PyObject *self, PyObject *arg) {
    return Nuitka_Generator_SendEx((Nuitka_GeneratorObject *)self, arg, 0, 0);
}

static PySendResult coro_am_send(PyObject *self, PyObject *arg, PyObject **presult) {
    return Nuitka_Generator_SendEx2((Nuitka_GeneratorObject *)self, arg, 0, 0, presult);
}

typedef struct {
    PyObject_HEAD
    Nuitka_GeneratorObject *coro;
} Nuitka_CoroWrapperObject;

static PyTypeObject Nuitka_CoroWrapper_Type;

/* coro.__await__(): an iterator driving the coroutine (coroutine_wrapper). */
static PyObject *coro_await(PyObject *self) {
    Nuitka_CoroWrapperObject *cw = PyObject_GC_New(Nuitka_CoroWrapperObject, &Nuitka_CoroWrapper_Type);
    if (cw == NULL) {
        return NULL;
    }
    cw->coro = (Nuitka_GeneratorObject *)Py_NewRef(self);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

static PyGetSetDef coro_getset[] = {
    {"__name__", Nuitka_Generator_GetName, Nuitka_Generator_SetName, NULL, NULL},
    {"__qualname__", Nuitka_Generator_GetQualname, Nuitka_Generator_SetQualname, NULL, NULL},
    {"cr_await", Nuitka_Generator_GetYieldFrom, NULL, "object being awaited on, or None", NULL},
    {"cr_running", coro_get_running, NULL, NULL, NULL},
    {"cr_frame", Nuitka_Generator_GetFrame, NULL, NULL, NULL},
#if PY_VERSION_HEX >= 0x030B0000
    {"cr_suspended", coro_get_suspended, NULL, NULL, NULL},
#endif
    {"cr_code", coro_get_code, NULL, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL, NULL},
    {"__compiled__", coro_get_compiled, NULL, NULL, NULL},
    {"__class__", Nuitka_Generator_GetClass, Nuitka_Generator_SetClass, NULL, &PyCoro_Type},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef coro_methods[] = {
    {"send", coro_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))Nuitka_Generator_Throw, METH_FASTCALL, NULL},
    {"close", Nuitka_Generator_Close, METH_NOARGS, NULL},
    {"__sizeof__", Nuitka_Generator_Sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods coro_as_async = {
    coro_await,   /* am_await */
    0,            /* am_aiter */
    0,            /* am_anext */
    coro_am_send, /* am_send */
};

/* Slots shared with the generator type are filled in at start-up. */
PyTypeObject Nuitka_Coroutine_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "coroutine", /* tp_name */
    sizeof(Nuitka_GeneratorObject),              /* tp_basicsize */
};

int Nuitka_Coroutine_SetOrigin(Nuitka_GeneratorObject *gen) {
    /* As compute_cr_origin: (filename, line, name) of the creator's frames. */
    PyThreadState *tstate = PyThreadState_GET();
    int depth = tstate->coroutine_origin_tracking_depth;
    if (depth <= 0) {
        return 0;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return -1;
    }
    PyFrameObject *frame = PyEval_GetFrame();
    Py_XINCREF(frame);
    for (int i = 0; frame != NULL && i < depth; i++) {
        PyCodeObject *code = PyFrame_GetCode(frame);
        PyObject *info = Py_BuildValue("OiO", code->co_filename, PyFrame_GetLineNumber(frame), code->co_name);
        Py_DECREF(code);
        if (info == NULL || PyList_Append(list, info) < 0) {
            Py_XDECREF(info);
            Py_DECREF(frame);
            Py_DECREF(list);
            return -1;
        }
        Py_DECREF(info);
        PyFrameObject *back = PyFrame_GetBack(frame);
        Py_DECREF(frame);
        frame = back;
    }
    Py_XDECREF(frame);
    gen->origin_or_finalizer = PyList_AsTuple(list);
    Py_DECREF(list);
    return gen->origin_or_finalizer ? 0 : -1;
}

void Nuitka_Coroutine_WarnUnawaited(PyObject *coro) {
    /* As _PyErr_WarnUnawaitedCoroutine: through warnings so filters and
     * cr_origin apply, with a direct warning as the fallback. */
    int warned = 0;
    PyObject *module_name = PyUnicode_InternFromString("warnings");
    PyObject *warnings = NULL;
    if (module_name != NULL) {
        /* As get_warnings_attr: no import once finalisation started. */
#if PY_VERSION_HEX >= 0x030D0000
        int finalizing = Py_IsFinalizing();
#else
        int finalizing = _Py_IsFinalizing();
#endif
        if (!finalizing) {
            warnings = PyImport_Import(module_name);
            if (warnings == NULL && PyErr_ExceptionMatches(PyExc_ImportError)) {
                PyErr_Clear();
            }
        } else {
            warnings = PyImport_GetModule(module_name);
        }
        Py_DECREF(module_name);
    }
    if (warnings != NULL) {
        if (str_warn_unawaited == NULL) {
            str_warn_unawaited = PyUnicode_InternFromString("_warn_unawaited_coroutine");
        }
        PyObject *fn = PyObject_GetAttr(warnings, str_warn_unawaited);
        Py_DECREF(warnings);
        if (fn != NULL) {
            PyObject *res = PyObject_CallOneArg(fn, coro);
            Py_DECREF(fn);
            if (res != NULL || PyErr_ExceptionMatches(PyExc_RuntimeWarning)) {
                warned = 1;
            }
            Py_XDECREF(res);
        }
    }
    if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(coro);
    }
    if (!warned) {
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "coroutine '%S' was never awaited",
                             ((Nuitka_GeneratorObject *)coro)->qualname) < 0) {
            PyErr_WriteUnraisable(coro);
        }
    }
}

/* ---- coroutine_wrapper --------------------------------------------------- */

static void cw_dealloc(PyObject *self) {
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((Nuitka_CoroWrapperObject *)self)->coro);
    PyObject_GC_Del(self);
}

static int cw_traverse(PyObject *self, visitproc visit, void *arg) {
    Py_VISIT(((Nuitka_CoroWrapperObject *)self)->coro);
    return 0;
}

static PyObject *cw_iternext(PyObject *self) {
    PyObject *result;
    if (Nuitka_Generator_SendEx2(((Nuitka_CoroWrapperObject *)self)->coro, NULL, 0, 0, &result) == PYGEN_RETURN) {
        if (result != Py_None) {
            _PyGen_SetStopIterationValue(result);
        }
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *cw_send(PyObject *self, PyObject *arg) {
    return Nuitka_Generator_SendEx(((Nuitka_CoroWrapperObject *)self)->coro, arg, 0, 0);
}

static PySendResult cw_am_send(PyObject *self, PyObject *arg, PyObject **presult) {
    return Nuitka_Generator_SendEx2(((Nuitka_CoroWrapperObject *)self)->coro, arg, 0, 0, presult);
}

static PyObject *cw_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    return Nuitka_Generator_Throw((PyObject *)((Nuitka_CoroWrapperObject *)self)->coro, args, nargs);
}

static PyObject *cw_close(PyObject *self, PyObject *unused) {
    return Nuitka_Generator_Close((PyObject *)((Nuitka_CoroWrapperObject *)self)->coro, NULL);
}

static PyMethodDef cw_methods[] = {
    {"send", cw_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))cw_throw, METH_FASTCALL, NULL},
    {"close", cw_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods cw_as_async = {0, 0, 0, cw_am_send};

static PyTypeObject Nuitka_CoroWrapper_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "coroutine_wrapper", /* tp_name */
    sizeof(Nuitka_CoroWrapperObject),                    /* tp_basicsize */
};

/* ---- async generator ---------------------------------------------------- */

typedef enum { AWAITABLE_STATE_INIT, AWAITABLE_STATE_ITER, AWAITABLE_STATE_CLOSED } Nuitka_AwaitableState;

typedef struct {
    PyObject_HEAD
    Nuitka_GeneratorObject *gen;
    PyObject *sendval; /* NULL for __anext__() */
    Nuitka_AwaitableState state;
} Nuitka_AsendObject;

typedef struct {
    PyObject_HEAD
    Nuitka_GeneratorObject *gen;
    PyObject *args; /* NULL for aclose() */
    Nuitka_AwaitableState state;
} Nuitka_AthrowObject;

static PyTypeObject Nuitka_Asend_Type;
static PyTypeObject Nuitka_Athrow_Type;

static PyObject *agen_repr(PyObject *self) {
    return PyUnicode_FromFormat("<async_generator object %S at %p>", ((Nuitka_GeneratorObject *)self)->qualname,
                                self);
}

/* async_gen_init_hooks: on first use, remember the finalizer hook and call
 * the firstiter hook (asyncio tracks the generator for shutdown_asyncgens). */
static int agen_init_hooks(Nuitka_GeneratorObject *gen) {
    if (gen->ag_hooks_inited) {
        return 0;
    }
    gen->ag_hooks_inited = 1;
    PyThreadState *tstate = PyThreadState_GET();
    PyObject *finalizer = tstate->async_gen_finalizer;
    if (finalizer) {
        Py_XSETREF(gen->origin_or_finalizer, Py_NewRef(finalizer));
    }
    PyObject *firstiter = tstate->async_gen_firstiter;
    if (firstiter) {
        Py_INCREF(firstiter);
        PyObject *res = PyObject_CallOneArg(firstiter, (PyObject *)gen);
        Py_DECREF(firstiter);
        if (res == NULL) {
            return 1;
        }
        Py_DECREF(res);
    }
    return 0;
}

void Nuitka_AsyncGen_CallFinalizer(Nuitka_GeneratorObject *gen) {
    PyObject *error_type, *error_value, *error_traceback;
    PyErr_Fetch(&error_type, &error_value, &error_traceback);
    PyObject *res = PyObject_CallOneArg(gen->origin_or_finalizer, (PyObject *)gen);
    if (res == NULL) {
        PyErr_WriteUnraisable((PyObject *)gen);
    } else {
        Py_DECREF(res);
    }
    PyErr_Restore(error_type, error_value, error_traceback);
}

static PyObject *asend_new(Nuitka_GeneratorObject *gen, PyObject *sendval) {
    Nuitka_AsendObject *o = PyObject_GC_New(Nuitka_AsendObject, &Nuitka_Asend_Type);
    if (o == NULL) {
        return NULL;
    }
    o->gen = (Nuitka_GeneratorObject *)Py_NewRef(gen);
    o->sendval = Py_XNewRef(sendval);
    o->state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *athrow_new(Nuitka_GeneratorObject *gen, PyObject *args) {
    Nuitka_AthrowObject *o = PyObject_GC_New(Nuitka_AthrowObject, &Nuitka_Athrow_Type);
    if (o == NULL) {
        return NULL;
    }
    o->gen = (Nuitka_GeneratorObject *)Py_NewRef(gen);
    o->args = Py_XNewRef(args);
    o->state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

#if PY_VERSION_HEX >= 0x030C0000
/* 3.12 deprecates athrow(type, exc, tb) (test_asyncgen checks it). */
static int athrow_warn_signature(void) {
    return PyErr_WarnEx(PyExc_DeprecationWarning,
                        "the (type, exc, tb) signature of athrow() is deprecated, use the single-arg signature "
                        "instead.",
                        1);
}
#endif

static PyObject *agen_anext(PyObject *self) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    if (agen_init_hooks(gen)) {
        return NULL;
    }
    return asend_new(gen, NULL);
}

static PyObject *agen_asend(PyObject *self, PyObject *arg) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    if (agen_init_hooks(gen)) {
        return NULL;
    }
    return asend_new(gen, arg);
}

static PyObject *agen_aclose(PyObject *self, PyObject *unused) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    if (agen_init_hooks(gen)) {
        return NULL;
    }
    return athrow_new(gen, NULL);
}

static PyObject *agen_athrow(PyObject *self, PyObject *args) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
#if PY_VERSION_HEX >= 0x030C0000
    if (PyTuple_GET_SIZE(args) > 1 && athrow_warn_signature() < 0) {
        return NULL;
    }
#endif
    if (agen_init_hooks(gen)) {
        return NULL;
    }
    return athrow_new(gen, args);
}

static PySendResult agen_am_send(PyObject *self, PyObject *arg, PyObject **presult) {
    return Nuitka_Generator_SendEx2((Nuitka_GeneratorObject *)self, arg, 0, 0, presult);
}

static PyGetSetDef agen_getset[] = {
    {"__name__", Nuitka_Generator_GetName, Nuitka_Generator_SetName, NULL, NULL},
    {"__qualname__", Nuitka_Generator_GetQualname, Nuitka_Generator_SetQualname, NULL, NULL},
    {"ag_await", Nuitka_Generator_GetYieldFrom, NULL, "object being awaited on, or None", NULL},
    {"ag_frame", Nuitka_Generator_GetFrame, NULL, NULL, NULL},
    {"ag_running", agen_get_running, NULL, NULL, NULL},
    {"ag_code", coro_get_code, NULL, NULL, NULL},
#if PY_VERSION_HEX >= 0x030C0000
    {"ag_suspended", coro_get_suspended, NULL, NULL, NULL},
#endif
    {"__compiled__", coro_get_compiled, NULL, NULL, NULL},
    {"__class__", Nuitka_Generator_GetClass, Nuitka_Generator_SetClass, NULL, &PyAsyncGen_Type},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef agen_methods[] = {
    {"asend", agen_asend, METH_O, NULL},
    {"athrow", agen_athrow, METH_VARARGS, NULL},
    {"aclose", agen_aclose, METH_NOARGS, NULL},
    {"__sizeof__", Nuitka_Generator_Sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods agen_as_async = {
    0,                 /* am_await */
    PyObject_SelfIter, /* am_aiter */
    agen_anext,        /* am_anext */
    agen_am_send,      /* am_send */
};

PyTypeObject Nuitka_AsyncGen_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "async_generator", /* tp_name */
    sizeof(Nuitka_GeneratorObject),                    /* tp_basicsize */
};

/* async_gen_unwrap_value: a value the body yielded itself (not one passed
 * up from an `await`) ends the asend/athrow awaitable with StopIteration. */
static PyObject *agen_unwrap(Nuitka_GeneratorObject *gen, PyObject *result) {
    if (result == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetNone(PyExc_StopAsyncIteration);
        }
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            gen->ag_closed = 1;
        }
        gen->ag_running_async = 0;
        return NULL;
    }
    if (gen->yieldfrom == NULL) {
        _PyGen_SetStopIterationValue(result);
        Py_DECREF(result);
        gen->ag_running_async = 0;
        return NULL;
    }
    return result;
}

/* An own yield (not an await's) in reply to aclose(). */
#define AGEN_YIELDED_VALUE(gen, retval) ((retval) != NULL && (gen)->yieldfrom == NULL)

/* ---- async_generator_asend ---------------------------------------------- */

static void asend_dealloc(PyObject *self) {
    Nuitka_AsendObject *o = (Nuitka_AsendObject *)self;
#if PY_VERSION_HEX >= 0x030D0000
    /* Runs the "never awaited" finalizer, which may resurrect it. */
    if (PyObject_CallFinalizerFromDealloc(self)) {
        return;
    }
#endif
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->gen);
    Py_CLEAR(o->sendval);
    PyObject_GC_Del(self);
}

static int asend_traverse(PyObject *self, visitproc visit, void *arg) {
    Nuitka_AsendObject *o = (Nuitka_AsendObject *)self;
    Py_VISIT(o->gen);
    Py_VISIT(o->sendval);
    return 0;
}

static PyObject *asend_send(PyObject *self, PyObject *arg) {
    Nuitka_AsendObject *o = (Nuitka_AsendObject *)self;
    if (o->state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->state == AWAITABLE_STATE_INIT) {
        if (o->gen->ag_running_async) {
#if PY_VERSION_HEX >= 0x030D0000
            /* 3.13: the failed awaitable is used up (and so not "never awaited"). */
            o->state = AWAITABLE_STATE_CLOSED;
#endif
            PyErr_SetString(PyExc_RuntimeError, "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None) {
            arg = o->sendval;
        }
        o->state = AWAITABLE_STATE_ITER;
    }
    o->gen->ag_running_async = 1;
    PyObject *result = Nuitka_Generator_SendEx(o->gen, arg, 0, 0);
    result = agen_unwrap(o->gen, result);
    if (result == NULL) {
        o->state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

static PyObject *asend_iternext(PyObject *self) { return asend_send(self, NULL); }

static PyObject *asend_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    Nuitka_AsendObject *o = (Nuitka_AsendObject *)self;
    if (o->state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030D0000
    /* 3.13: throw() starts the awaitable like send() does, so it cannot
     * interfere with another asend/athrow that is running the generator. */
    if (o->state == AWAITABLE_STATE_INIT) {
        if (o->gen->ag_running_async) {
            o->state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, "anext(): asynchronous generator is already running");
            return NULL;
        }
        o->state = AWAITABLE_STATE_ITER;
        o->gen->ag_running_async = 1;
    }
#endif
    PyObject *result = Nuitka_Generator_Throw((PyObject *)o->gen, args, nargs);
    result = agen_unwrap(o->gen, result);
    if (result == NULL) {
#if PY_VERSION_HEX >= 0x030D0000
        o->gen->ag_running_async = 0;
#endif
        o->state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

#if PY_VERSION_HEX >= 0x030D0000
/* 3.13: close() of an asend/athrow awaitable throws GeneratorExit in, like
 * a coroutine's close(); the generator ending the awaitable is fine, an
 * `await` going on is "coroutine ignored GeneratorExit". */
static PyObject *agen_awaitable_close(PyObject *self,
                                      PyObject *(*throw_func)(PyObject *, PyObject *const *, Py_ssize_t)) {
    PyObject *result = throw_func(self, &PyExc_GeneratorExit, 1);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration) || PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        return NULL;
    }
    Py_DECREF(result);
    PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit");
    return NULL;
}

/* _PyErr_WarnUnawaitedAgenMethod (not exported): RuntimeWarning with the
 * async generator as the warning's source, from a finalizer, so any
 * exception is kept and a failure is reported as unraisable. */
static void agen_warn_unawaited_method(Nuitka_GeneratorObject *gen, const char *method) {
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *message = PyUnicode_FromFormat("coroutine method '%s' of %R was never awaited", method, gen->qualname);
    int res = -1;
    if (message != NULL) {
        /* _warnings.warn is what the C warning functions run, with the
         * same stack level when called from C; it takes the source. */
        PyObject *warnings = Nuitka_ImportModuleInternal("_warnings");
        if (warnings != NULL) {
            PyObject *r =
                PyObject_CallMethod(warnings, "warn", "OOiO", message, PyExc_RuntimeWarning, 1, (PyObject *)gen);
            Py_DECREF(warnings);
            if (r != NULL) {
                Py_DECREF(r);
                res = 0;
            }
        } else {
            PyErr_Clear();
            res = PyErr_WarnEx(PyExc_RuntimeWarning, PyUnicode_AsUTF8(message), 1);
        }
        Py_DECREF(message);
    }
    if (res < 0) {
        PyErr_WriteUnraisable((PyObject *)gen);
    }
    PyErr_SetRaisedException(exc);
}

static void asend_finalize(PyObject *self) {
    Nuitka_AsendObject *o = (Nuitka_AsendObject *)self;
    if (o->state == AWAITABLE_STATE_INIT) {
        agen_warn_unawaited_method(o->gen, "asend");
    }
}
#endif

static PyObject *asend_close(PyObject *self, PyObject *unused) {
#if PY_VERSION_HEX >= 0x030D0000
    if (((Nuitka_AsendObject *)self)->state == AWAITABLE_STATE_CLOSED) {
        Py_RETURN_NONE;
    }
    return agen_awaitable_close(self, asend_throw);
#else
    ((Nuitka_AsendObject *)self)->state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
#endif
}

static PyMethodDef asend_methods[] = {
    {"send", asend_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))asend_throw, METH_FASTCALL, NULL},
    {"close", asend_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods asend_as_async = {PyObject_SelfIter, 0, 0, 0};

static PyTypeObject Nuitka_Asend_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "async_generator_asend", /* tp_name */
    sizeof(Nuitka_AsendObject),                              /* tp_basicsize */
};

/* ---- async_generator_athrow --------------------------------------------- */

static void athrow_dealloc(PyObject *self) {
    Nuitka_AthrowObject *o = (Nuitka_AthrowObject *)self;
#if PY_VERSION_HEX >= 0x030D0000
    /* Runs the "never awaited" finalizer, which may resurrect it. */
    if (PyObject_CallFinalizerFromDealloc(self)) {
        return;
    }
#endif
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->gen);
    Py_CLEAR(o->args);
    PyObject_GC_Del(self);
}

static int athrow_traverse(PyObject *self, visitproc visit, void *arg) {
    Nuitka_AthrowObject *o = (Nuitka_AthrowObject *)self;
    Py_VISIT(o->gen);
    Py_VISIT(o->args);
    return 0;
}

static PyObject *athrow_send(PyObject *self, PyObject *arg) {
    Nuitka_AthrowObject *o = (Nuitka_AthrowObject *)self;
    Nuitka_GeneratorObject *gen = o->gen;
    PyObject *retval;
    if (o->state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (GEN_FINISHED(gen)) {
        o->state = AWAITABLE_STATE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->state == AWAITABLE_STATE_INIT) {
        if (gen->ag_running_async) {
            o->state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, o->args == NULL
                                                    ? "aclose(): asynchronous generator is already running"
                                                    : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (gen->ag_closed) {
            o->state = AWAITABLE_STATE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        o->state = AWAITABLE_STATE_ITER;
        gen->ag_running_async = 1;
        if (o->args == NULL) {
            /* aclose(): GeneratorExit is thrown in, but an awaited object
             * is not closed at once (the generator may await in finally). */
            gen->ag_closed = 1;
            retval = Nuitka_Generator_ThrowImpl(gen, 0, PyExc_GeneratorExit, NULL, NULL);
            if (AGEN_YIELDED_VALUE(gen, retval)) {
                Py_DECREF(retval);
                goto yield_close;
            }
        } else {
            PyObject *typ, *tb = NULL, *val = NULL;
            if (!PyArg_UnpackTuple(o->args, "athrow", 1, 3, &typ, &val, &tb)) {
                return NULL;
            }
            retval = Nuitka_Generator_ThrowImpl(gen, 0, typ, val, tb);
            retval = agen_unwrap(gen, retval);
        }
        if (retval == NULL) {
            goto check_error;
        }
        return retval;
    }
    retval = Nuitka_Generator_SendEx(gen, arg, 0, 0);
    if (o->args) {
        return agen_unwrap(gen, retval);
    }
    if (retval) {
        if (AGEN_YIELDED_VALUE(gen, retval)) {
            Py_DECREF(retval);
            goto yield_close;
        }
        return retval;
    }
    goto check_error;

yield_close:
    gen->ag_running_async = 0;
    o->state = AWAITABLE_STATE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;

check_error:
    gen->ag_running_async = 0;
    o->state = AWAITABLE_STATE_CLOSED;
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        if (o->args == NULL) {
            /* aclose() is done: StopIteration, not the exception. */
            PyErr_Clear();
            PyErr_SetNone(PyExc_StopIteration);
        }
    }
    return NULL;
}

static PyObject *athrow_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    Nuitka_AthrowObject *o = (Nuitka_AthrowObject *)self;
    if (o->state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030D0000
    /* 3.13: as asend_throw, throw() starts the awaitable like send(). */
    if (o->state == AWAITABLE_STATE_INIT) {
        if (o->gen->ag_running_async) {
            o->state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, o->args == NULL
                                                    ? "aclose(): asynchronous generator is already running"
                                                    : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        o->state = AWAITABLE_STATE_ITER;
        o->gen->ag_running_async = 1;
    }
#endif
    PyObject *retval = Nuitka_Generator_Throw((PyObject *)o->gen, args, nargs);
    if (o->args) {
#if PY_VERSION_HEX >= 0x030D0000
        retval = agen_unwrap(o->gen, retval);
        if (retval == NULL) {
            o->gen->ag_running_async = 0;
            o->state = AWAITABLE_STATE_CLOSED;
        }
        return retval;
#else
        return agen_unwrap(o->gen, retval);
#endif
    }
    if (AGEN_YIELDED_VALUE(o->gen, retval)) {
        o->gen->ag_running_async = 0;
        o->state = AWAITABLE_STATE_CLOSED;
        Py_DECREF(retval);
        PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030D0000
    if (retval == NULL) {
        o->gen->ag_running_async = 0;
        o->state = AWAITABLE_STATE_CLOSED;
    }
#endif
    if (retval == NULL &&
        (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return retval;
}

static PyObject *athrow_iternext(PyObject *self) { return athrow_send(self, Py_None); }

static PyObject *athrow_close(PyObject *self, PyObject *unused) {
#if PY_VERSION_HEX >= 0x030D0000
    if (((Nuitka_AthrowObject *)self)->state == AWAITABLE_STATE_CLOSED) {
        Py_RETURN_NONE;
    }
    return agen_awaitable_close(self, athrow_throw);
#else
    ((Nuitka_AthrowObject *)self)->state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
#endif
}

#if PY_VERSION_HEX >= 0x030D0000
static void athrow_finalize(PyObject *self) {
    Nuitka_AthrowObject *o = (Nuitka_AthrowObject *)self;
    if (o->state == AWAITABLE_STATE_INIT) {
        agen_warn_unawaited_method(o->gen, o->args ? "athrow" : "aclose");
    }
}
#endif

static PyMethodDef athrow_methods[] = {
    {"send", athrow_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))athrow_throw, METH_FASTCALL, NULL},
    {"close", athrow_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods athrow_as_async = {PyObject_SelfIter, 0, 0, 0};

static PyTypeObject Nuitka_Athrow_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "async_generator_athrow", /* tp_name */
    sizeof(Nuitka_AthrowObject),                              /* tp_basicsize */
};

/* ---- await, async for, async with ----------------------------------------- */

/* gen_is_coroutine plus exact coroutines: awaited as they are. */
static int is_coroutine_object(PyObject *o) {
    if (PyCoro_CheckExact(o) || Py_TYPE(o) == &Nuitka_Coroutine_Type) {
        return 1;
    }
    if (Nuitka_Generator_CheckAny(o)) {
        return (((Nuitka_GeneratorObject *)o)->code->co_flags & CO_ITERABLE_COROUTINE) != 0;
    }
    if (PyGen_CheckExact(o)) {
#if PY_VERSION_HEX >= 0x030C0000
        PyCodeObject *code = PyGen_GetCode((PyGenObject *)o);
        int flags = code->co_flags;
        Py_DECREF(code);
#else
        int flags = ((PyCodeObject *)((PyGenObject *)o)->gi_code)->co_flags;
#endif
        return (flags & CO_ITERABLE_COROUTINE) != 0;
    }
    return 0;
}

/* _PyCoro_GetAwaitableIter */
static PyObject *get_awaitable_iter(PyObject *o) {
    if (is_coroutine_object(o)) {
        return Py_NewRef(o);
    }
    PyTypeObject *type = Py_TYPE(o);
    unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_await : NULL;
    if (getter != NULL) {
        PyObject *res = getter(o);
        if (res != NULL) {
            if (is_coroutine_object(res)) {
                PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
                Py_CLEAR(res);
            } else if (!PyIter_Check(res)) {
                PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                             Py_TYPE(res)->tp_name);
                Py_CLEAR(res);
            }
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression", type->tp_name);
    return NULL;
}

/* The object a coroutine is awaiting, if any (_PyGen_yf). */
static int coroutine_is_awaiting(PyObject *iter) {
    if (Py_TYPE(iter) == &Nuitka_Coroutine_Type) {
        return ((Nuitka_GeneratorObject *)iter)->yieldfrom != NULL;
    }
    if (PyCoro_CheckExact(iter)) {
        PyObject *yf = PyObject_GetAttrString(iter, "cr_await");
        if (yf == NULL) {
            PyErr_Clear();
            return 0;
        }
        int result = yf != Py_None;
        Py_DECREF(yf);
        return result;
    }
    return 0;
}

int Nuitka_AwaitBegin(PyThreadState *tstate, Nuitka_GeneratorObject *gen, PyObject *value, int kind,
                      PyObject **out) {
    PyObject *iter;
    *out = NULL;
    if (kind == NUITKA_AWAIT_ANEXT) {
        iter = Py_NewRef(value);
    } else {
        /* GET_AWAITABLE */
        iter = get_awaitable_iter(value);
        if (iter == NULL) {
            PyTypeObject *type = Py_TYPE(value);
            if (type->tp_as_async == NULL || type->tp_as_async->am_await == NULL) {
                if (kind == NUITKA_AWAIT_AENTER) {
                    PyErr_Format(PyExc_TypeError,
                                 "'async with' received an object from __aenter__ that does not implement "
                                 "__await__: %.100s",
                                 type->tp_name);
                } else if (kind == NUITKA_AWAIT_AEXIT) {
                    PyErr_Format(PyExc_TypeError,
                                 "'async with' received an object from __aexit__ that does not implement "
                                 "__await__: %.100s",
                                 type->tp_name);
                }
            }
            return -1;
        }
        if (coroutine_is_awaiting(iter)) {
            Py_DECREF(iter);
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            return -1;
        }
    }
    return Nuitka_Generator_Delegate(gen, iter, out);
}

PyObject *Nuitka_AsyncIter(PyObject *obj) {
    /* GET_AITER */
    PyTypeObject *type = Py_TYPE(obj);
    unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_aiter : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s",
                     type->tp_name);
        return NULL;
    }
    PyObject *iter = getter(obj);
    if (iter == NULL) {
        return NULL;
    }
    if (Py_TYPE(iter)->tp_as_async == NULL || Py_TYPE(iter)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                     Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

PyObject *Nuitka_AsyncNext(PyObject *aiter) {
    /* GET_ANEXT */
    PyTypeObject *type = Py_TYPE(aiter);
    if (PyAsyncGen_CheckExact(aiter)) {
        return type->tp_as_async->am_anext(aiter);
    }
    unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_anext : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an iterator with __anext__ method, got %.100s",
                     type->tp_name);
        return NULL;
    }
    PyObject *next_iter = getter(aiter);
    if (next_iter == NULL) {
        return NULL;
    }
    PyObject *awaitable = get_awaitable_iter(next_iter);
    if (awaitable == NULL) {
        _PyErr_FormatFromCause(PyExc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                               Py_TYPE(next_iter)->tp_name);
    }
    Py_DECREF(next_iter);
    return awaitable;
}

PyObject *Nuitka_AsyncWithEnter(PyObject *manager, PyObject **exit_out) {
    return Nuitka_ContextEnter(manager, str_aenter, str_aexit,
                               "'%.200s' object does not support the asynchronous context manager protocol",
                               "'%.200s' object does not support the asynchronous context manager protocol "
                               "(missed __aexit__ method)",
                               exit_out);
}

/* ---- start-up ------------------------------------------------------------------ */

static void init_resumable_type(PyTypeObject *type, PyTypeObject *base, reprfunc repr, PyAsyncMethods *as_async,
                                PyMethodDef *methods, PyGetSetDef *getset) {
    /* The object and its life cycle are the generator's. */
    type->tp_base = base;
    type->tp_dealloc = Nuitka_Generator_Type.tp_dealloc;
    type->tp_traverse = Nuitka_Generator_Type.tp_traverse;
    type->tp_clear = Nuitka_Generator_Type.tp_clear;
    type->tp_finalize = Nuitka_Generator_Type.tp_finalize;
    type->tp_weaklistoffset = offsetof(Nuitka_GeneratorObject, weakreflist);
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
    type->tp_getattro = PyObject_GenericGetAttr;
    type->tp_repr = repr;
    type->tp_as_async = as_async;
    type->tp_methods = methods;
    type->tp_getset = getset;
}

static void init_helper_type(PyTypeObject *type, destructor dealloc, traverseproc traverse, iternextfunc iternext,
                             PyAsyncMethods *as_async, PyMethodDef *methods) {
    type->tp_dealloc = dealloc;
    type->tp_traverse = traverse;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
    type->tp_getattro = PyObject_GenericGetAttr;
    type->tp_iter = PyObject_SelfIter;
    type->tp_iternext = iternext;
    type->tp_as_async = as_async;
    type->tp_methods = methods;
}

int Nuitka_Coroutines_Init(void) {
    str_aenter = PyUnicode_InternFromString("__aenter__");
    str_aexit = PyUnicode_InternFromString("__aexit__");
    if (str_aenter == NULL || str_aexit == NULL) {
        return -1;
    }
    if (Nuitka_Resumable_SetMetatype(&Nuitka_Coroutine_Type) < 0 ||
        Nuitka_Resumable_SetMetatype(&Nuitka_AsyncGen_Type) < 0) {
        return -1;
    }
    init_resumable_type(&Nuitka_Coroutine_Type, &PyCoro_Type, coro_repr, &coro_as_async, coro_methods, coro_getset);
    init_resumable_type(&Nuitka_AsyncGen_Type, &PyAsyncGen_Type, agen_repr, &agen_as_async, agen_methods,
                        agen_getset);
    init_helper_type(&Nuitka_CoroWrapper_Type, cw_dealloc, cw_traverse, cw_iternext, &cw_as_async, cw_methods);
    Nuitka_CoroWrapper_Type.tp_doc = "A wrapper object implementing __await__ for coroutines.";
    init_helper_type(&Nuitka_Asend_Type, asend_dealloc, asend_traverse, asend_iternext, &asend_as_async,
                     asend_methods);
    init_helper_type(&Nuitka_Athrow_Type, athrow_dealloc, athrow_traverse, athrow_iternext, &athrow_as_async,
                     athrow_methods);
#if PY_VERSION_HEX >= 0x030D0000
    Nuitka_Asend_Type.tp_finalize = asend_finalize;
    Nuitka_Athrow_Type.tp_finalize = athrow_finalize;
#endif
    PyTypeObject *types[] = {&Nuitka_Coroutine_Type, &Nuitka_AsyncGen_Type, &Nuitka_CoroWrapper_Type,
                             &Nuitka_Asend_Type, &Nuitka_Athrow_Type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
        /* PyType_Ready copied the base's item size; we have no items. */
        types[i]->tp_itemsize = 0;
    }
    return 0;
}
