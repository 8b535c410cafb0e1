/* Compiled generator type (see nuitka/generator.h).
 *
 * The type is named "generator" and is a C-level subtype of
 * types.GeneratorType (PyGen_Type), so isinstance(g, types.GeneratorType),
 * inspect.isgenerator() and inspect.getgeneratorstate() work. Its layout is
 * NOT PyGenObject's: every slot, method and getset that PyGen_Type defines
 * is overridden here (tp_dealloc, tp_repr, tp_traverse, tp_iter,
 * tp_iternext, tp_finalize, am_send, send/throw/close/__sizeof__, __name__,
 * __qualname__, gi_*), so lookups on the object never reach the base's C
 * code. The interpreter only runs PyGen_CheckExact objects itself, and the
 * only non-exact check in CPython 3.11 (_asyncio's task step) merely
 * chooses an error message. The one remaining hazard is calling the base's
 * unbound descriptors explicitly, e.g. types.GeneratorType.send(g, x): that
 * would read our object as a PyGenObject; accepted (as nobody does that).
 * The protocol follows
 * CPython 3.11's Objects/genobject.c (gen_send_ex2, _gen_throw, gen_close,
 * _PyGen_Finalize), with gen->yieldfrom instead of inspecting bytecode.
 */
#include "nuitka/prelude.h"
#include "internal/pycore_pyerrors.h"

static PyObject *gen_str(PyObject **cache, const char *text) {
    if (*cache == NULL) {
        *cache = PyUnicode_InternFromString(text);
    }
    return *cache;
}
static PyObject *str_close, *str_throw;

#define GEN_FINISHED(gen) ((gen)->resume_point < 0)

/* The message for the object's kind, where CPython tests PyCoro_CheckExact
 * and PyAsyncGen_CheckExact (coroutines share this code, see coroutine.c). */
#define GEN_MSG(gen, g, c, a)                                                                                          \
    ((gen)->kind == NUITKA_GEN_KIND_COROUTINE ? (c) : (gen)->kind == NUITKA_GEN_KIND_ASYNCGEN ? (a) : (g))

/* yield from / await delegation: CPython's exact generators and coroutines
 * are closed / thrown into directly; ours are too (not async generators). */
static inline int gen_is_compiled_gen_or_coro(PyObject *o) {
    return Nuitka_Generator_CheckAny(o) || Py_TYPE(o) == &Nuitka_Coroutine_Type;
}

/* SEND to a sub-iterator: compiled generators and coroutines straight
 * (their am_send is gen_send_ex2), anything else through PyIter_Send. */
static PySendResult gen_send_ex2(Nuitka_GeneratorObject *gen, PyObject *arg, int exc, int closing,
                                 PyObject **presult);
static inline PySendResult gen_send_sub(PyObject *iter, PyObject *arg, PyObject **presult) {
    if (gen_is_compiled_gen_or_coro(iter)) {
        return gen_send_ex2((Nuitka_GeneratorObject *)iter, arg, 0, 0, presult);
    }
    return PyIter_Send(iter, arg, presult);
}

/* Objects of finished generators, coroutines and async generators kept for
 * the next ones (untracked, reference count 0 meanwhile), as CPython keeps
 * freed objects of several types: saves an allocation and a release per
 * generator. Only the plain types (no other size). */
#define GEN_FREELIST_SIZE 16
static Nuitka_GeneratorObject *gen_freelist[GEN_FREELIST_SIZE];
static int gen_freelist_count = 0;

static inline int gen_type_pooled(PyTypeObject *type) {
    return type == &Nuitka_Generator_Type || type == &Nuitka_Coroutine_Type || type == &Nuitka_AsyncGen_Type;
}

static inline Nuitka_GeneratorObject *gen_alloc(PyTypeObject *type) {
    if (likely(gen_freelist_count > 0)) {
        Nuitka_GeneratorObject *gen = gen_freelist[--gen_freelist_count];
        Py_SET_TYPE(gen, type);
        Py_SET_REFCNT(gen, 1);
        return gen;
    }
    return PyObject_GC_New(Nuitka_GeneratorObject, type);
}

static inline void gen_free(PyObject *self) {
    /* (Not one whose finalizer ran: the GC header keeps that mark, and
     * the next generator's finalizer would never be called.) */
    if (gen_type_pooled(Py_TYPE(self)) && gen_freelist_count < GEN_FREELIST_SIZE && !PyObject_GC_IsFinalized(self)) {
        gen_freelist[gen_freelist_count++] = (Nuitka_GeneratorObject *)self;
        return;
    }
    PyObject_GC_Del(self);
}

static inline Nuitka_GeneratorBody gen_body(Nuitka_GeneratorObject *gen) {
    return (Nuitka_GeneratorBody)gen->info->impl;
}

static inline PyObject **gen_state_objects(Nuitka_GeneratorObject *gen, Py_ssize_t *count) {
    *count = gen->state ? (Py_ssize_t)(gen->info->gen_state_size / sizeof(PyObject *)) : 0;
    return (PyObject **)gen->state;
}

/* Release everything the finished generator held: temporaries, the frame
 * (locals cleared unless something else keeps the frame), exception state. */
static void gen_release(Nuitka_GeneratorObject *gen) {
    Py_ssize_t n;
    PyObject **objs = gen_state_objects(gen, &n);
    /* Usually the body has cleared them all already. */
    uintptr_t any = 0;
    Py_ssize_t i = 0;
    for (; i + 4 <= n; i += 4) {
        any |= (uintptr_t)objs[i] | (uintptr_t)objs[i + 1] | (uintptr_t)objs[i + 2] | (uintptr_t)objs[i + 3];
    }
    for (; i < n; i++) {
        any |= (uintptr_t)objs[i];
    }
    if (unlikely(any != 0)) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_CLEAR(objs[i]);
        }
    }
    Py_CLEAR(gen->yieldfrom);
    PyFrameObject *frame = gen->frame;
    if (frame != NULL) {
        gen->frame = NULL;
        Nuitka_GeneratorFrame_Unregister(gen, frame);
        /* Back to the function's frame pool when nobody else holds it: the
         * next generator or call of it takes it instead of a new frame
         * (PyFrame_New, and on 3.11+ a function object it makes). */
        Nuitka_Function_ReleaseFrame(gen->info, frame);
    }
    Nuitka_ExcState_Clear(&gen->exc_state);
}

/* Link the generator's frame and exception state like gen_send_ex2. */
static void gen_enter(PyThreadState *tstate, Nuitka_GeneratorObject *gen) {
    Nuitka_Frame_Push(tstate, gen->frame);
    gen->exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->exc_state;
    gen->running = 1;
}

static void gen_leave(PyThreadState *tstate, Nuitka_GeneratorObject *gen) {
    gen->running = 0;
    tstate->exc_info = gen->exc_state.previous_item;
    gen->exc_state.previous_item = NULL;
    Nuitka_Frame_Pop(tstate, gen->frame);
    if (unlikely(Py_REFCNT(gen->frame) > 1) && gen->resume_point > 0 && !gen->frame_registered) {
        /* Someone holds the suspended frame: frame.clear() must find us. */
        if (Nuitka_GeneratorFrame_Register(gen) < 0) {
            PyErr_WriteUnraisable((PyObject *)gen);
        }
    }
}

enum { GEN_RESUMED, GEN_THROWN, GEN_PROFILED };

/* Resume the body (the generator is entered). `sent` NULL: exception set.
 * `how`: for the profile function's "call", a plain resumption, throw(),
 * or GEN_PROFILED: it already got "call" for this resumption. */
static PySendResult gen_run_body(PyThreadState *tstate, Nuitka_GeneratorObject *gen, PyObject *sent,
                                 PyObject **presult, int how) {
    PyObject *result;
    if (how != GEN_PROFILED && unlikely(NUITKA_PROFILING(tstate)) &&
        Nuitka_Profile_CallResume(tstate, gen->frame, how == GEN_THROWN) < 0) {
        result = NULL;
    } else {
        result = gen_body(gen)(tstate, gen, Nuitka_Frame_LocalsPlus(gen->frame), sent);
    }
    if (unlikely(NUITKA_PROFILING(tstate))) {
        result = Nuitka_Profile_Return(tstate, gen->frame, result);
    }
    if (result != NULL && gen->resume_point > 0) {
        gen_leave(tstate, gen);
        *presult = result;
        return PYGEN_NEXT;
    }
    gen->resume_point = -1;
    if (result == NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s",
                               GEN_MSG(gen, "generator raised StopIteration", "coroutine raised StopIteration",
                                       "async generator raised StopIteration"));
    } else if (result == NULL && gen->kind == NUITKA_GEN_KIND_ASYNCGEN &&
               PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", "async generator raised StopAsyncIteration");
    }
    /* Kept by someone besides us and the frame chain (Nuitka_Frame_Push
     * holds a reference while linked): give it its f_back. */
    if (Py_REFCNT(gen->frame) > 2) {
        Nuitka_Frame_Detach(gen->frame);
    }
    gen_leave(tstate, gen);
    gen_release(gen);
    *presult = result;
    return result ? PYGEN_RETURN : PYGEN_ERROR;
}

/* gen_send_ex2: arg NULL for next(); exc: an exception is set to throw in. */
static PySendResult gen_send_ex2(Nuitka_GeneratorObject *gen, PyObject *arg, int exc, int closing,
                                 PyObject **presult) {
    PyThreadState *tstate = PyThreadState_GET();
    *presult = NULL;
    if (gen->resume_point == 0 && arg && arg != Py_None && !exc) {
        PyErr_SetString(PyExc_TypeError, GEN_MSG(gen, "can't send non-None value to a just-started generator",
                                                 "can't send non-None value to a just-started coroutine",
                                                 "can't send non-None value to a just-started async generator"));
        return PYGEN_ERROR;
    }
    if (gen->running) {
        PyErr_SetString(PyExc_ValueError, GEN_MSG(gen, "generator already executing", "coroutine already executing",
                                                  "async generator already executing"));
        return PYGEN_ERROR;
    }
    if (GEN_FINISHED(gen)) {
        if (gen->kind == NUITKA_GEN_KIND_COROUTINE && !closing) {
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }
    /* Resuming evaluates the frame: counted like CPython's frame
     * evaluation, so deep await / yield from chains raise RecursionError
     * (which, as there, finishes the generator). */
    if (unlikely(NUITKA_RECURSION_ENTER(tstate))) {
        gen->resume_point = -1;
        gen_release(gen);
        return PYGEN_ERROR;
    }
    Py_INCREF(gen);
    gen_enter(tstate, gen);
    if (exc) {
        Nuitka_ChainStackItem();
    }
    PySendResult status;
    if (!exc && gen->yieldfrom != NULL) {
        /* As SEND: drive the sub-iterator while our frame is current (the
         * resumption of the frame for a profile function: its "call", and
         * its "return" when the sub-iterator yields). A failing profile
         * function raises at the `yield from`. */
        int called = unlikely(NUITKA_PROFILING(tstate));
        PyObject *value = NULL;
        PySendResult sub = PYGEN_ERROR;
        if (!called || Nuitka_Profile_CallResume(tstate, gen->frame, 0) == 0) {
            sub = gen_send_sub(gen->yieldfrom, arg ? arg : Py_None, &value);
        }
        if (sub == PYGEN_NEXT && unlikely(NUITKA_PROFILING(tstate))) {
            value = Nuitka_Profile_Return(tstate, gen->frame, value);
            if (value == NULL) {
                sub = PYGEN_ERROR;
            }
        }
        if (sub == PYGEN_NEXT) {
            gen_leave(tstate, gen);
            NUITKA_RECURSION_LEAVE(tstate);
            *presult = value;
            Py_DECREF(gen);
            return PYGEN_NEXT;
        }
        Py_CLEAR(gen->yieldfrom);
        if (sub == PYGEN_RETURN) {
            status = gen_run_body(tstate, gen, value, presult, called ? GEN_PROFILED : GEN_RESUMED);
            Py_DECREF(value);
        } else {
            status = gen_run_body(tstate, gen, NULL, presult, called ? GEN_PROFILED : GEN_RESUMED);
        }
    } else {
        /* As RESUME (oparg < 2) at the start and after a plain `yield`:
         * signal handlers and pending calls run now, and what they raise
         * is raised inside the generator at that point. Not on throw()
         * and not after a `yield from`/`await` ended by throw() (there
         * CPython resumes at RESUME 2/3, which does not check). */
        int how = exc ? GEN_THROWN : GEN_RESUMED;
        int after_delegation = gen->resume_after_delegation;
        gen->resume_after_delegation = 0;
        if (!exc && !after_delegation && unlikely(NUITKA_EVAL_BREAKER_SET(tstate)) &&
            Nuitka_HandlePending(tstate) < 0) {
            exc = 1;
            gen->raised_on_resume = 1; /* the body shows RESUME's position at the start */
        }
        status = gen_run_body(tstate, gen, exc ? NULL : (arg ? arg : Py_None), presult, how);
        gen->raised_on_resume = 0;
    }
    NUITKA_RECURSION_LEAVE(tstate);
    Py_DECREF(gen);
    return status;
}

static PyObject *gen_send_ex(Nuitka_GeneratorObject *gen, PyObject *arg, int exc, int closing) {
    PyObject *result;
    if (gen_send_ex2(gen, arg, exc, closing, &result) == PYGEN_RETURN) {
        if (gen->kind == NUITKA_GEN_KIND_ASYNCGEN) {
            PyErr_SetNone(PyExc_StopAsyncIteration);
        } else if (result == Py_None) {
            PyErr_SetNone(PyExc_StopIteration);
        } else {
            _PyGen_SetStopIterationValue(result);
        }
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *gen_iternext(PyObject *self) {
    PyObject *result;
    if (gen_send_ex2((Nuitka_GeneratorObject *)self, NULL, 0, 0, &result) == PYGEN_RETURN) {
        if (result != Py_None) {
            _PyGen_SetStopIterationValue(result);
        }
        Py_CLEAR(result);
    }
    return result;
}

static PySendResult gen_am_send(PyObject *self, PyObject *arg, PyObject **presult) {
    return gen_send_ex2((Nuitka_GeneratorObject *)self, arg, 0, 0, presult);
}

static PyObject *gen_send(PyObject *self, PyObject *arg) {
    return gen_send_ex((Nuitka_GeneratorObject *)self, arg, 0, 0);
}

static PyObject *gen_close(PyObject *self, PyObject *unused);

/* gen_close_iter: close the sub-iterator of a `yield from`. */
static int gen_close_iter(PyObject *yf) {
    PyObject *retval = NULL;
    if (gen_is_compiled_gen_or_coro(yf)) {
        retval = gen_close(yf, NULL);
        if (retval == NULL) {
            return -1;
        }
    } else {
        PyObject *meth;
        if (_PyObject_LookupAttr(yf, gen_str(&str_close, "close"), &meth) < 0) {
            PyErr_WriteUnraisable(yf);
        }
        if (meth) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL) {
                return -1;
            }
        }
    }
    Py_XDECREF(retval);
    return 0;
}

static PyObject *gen_throw_impl(Nuitka_GeneratorObject *gen, int close_on_genexit, PyObject *typ, PyObject *val,
                                PyObject *tb) {
    PyObject *yf = gen->yieldfrom;
    if (yf != NULL && !gen->running) {
        PyObject *ret;
        Py_INCREF(yf);
        if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit) && close_on_genexit) {
            gen->running = 1;
            int err = gen_close_iter(yf);
            gen->running = 0;
            Py_DECREF(yf);
            if (err < 0) {
                Py_CLEAR(gen->yieldfrom);
                return gen_send_ex(gen, Py_None, 1, 0);
            }
            goto throw_here;
        }
        if (gen_is_compiled_gen_or_coro(yf)) {
            PyThreadState *tstate = PyThreadState_GET();
            Nuitka_Frame_Push(tstate, gen->frame);
            gen->running = 1;
            ret = gen_throw_impl((Nuitka_GeneratorObject *)yf, close_on_genexit, typ, val, tb);
            gen->running = 0;
            Nuitka_Frame_Pop(tstate, gen->frame);
        } else {
            PyObject *meth;
            if (_PyObject_LookupAttr(yf, gen_str(&str_throw, "throw"), &meth) < 0) {
                Py_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                Py_DECREF(yf);
                goto throw_here;
            }
            gen->running = 1;
            ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
            gen->running = 0;
            Py_DECREF(meth);
        }
        Py_DECREF(yf);
        if (ret == NULL) {
            PyObject *value;
            Py_CLEAR(gen->yieldfrom);
            gen->resume_after_delegation = 1;
            if (_PyGen_FetchStopIterationValue(&value) == 0) {
                ret = gen_send_ex(gen, value, 0, 0);
                Py_DECREF(value);
            } else {
                ret = gen_send_ex(gen, Py_None, 1, 0);
            }
        }
        return ret;
    }

throw_here:
    if (tb == Py_None) {
        tb = NULL;
    } else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    Py_INCREF(typ);
    Py_XINCREF(val);
    Py_XINCREF(tb);
    if (PyExceptionClass_Check(typ)) {
        PyErr_NormalizeException(&typ, &val, &tb);
    } else if (PyExceptionInstance_Check(typ)) {
        if (val && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            goto failed_throw;
        }
        Py_XDECREF(val);
        val = typ;
        typ = Py_NewRef(PyExceptionInstance_Class(typ));
        if (tb == NULL) {
            tb = PyException_GetTraceback(val);
        }
    } else {
        PyErr_Format(PyExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not %s",
                     Py_TYPE(typ)->tp_name);
        goto failed_throw;
    }
    PyErr_Restore(typ, val, tb);
    return gen_send_ex(gen, Py_None, 1, 0);

failed_throw:
    Py_DECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    return NULL;
}

static PyObject *gen_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (!_PyArg_CheckPositional("throw", nargs, 1, 3)) {
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030C0000
    /* As gen_throw() in 3.12+'s Objects/genobject.c. */
    if (nargs > 1 && PyErr_WarnEx(PyExc_DeprecationWarning,
                                  "the (type, exc, tb) signature of throw() is deprecated, "
                                  "use the single-arg signature instead.",
                                  1) < 0) {
        return NULL;
    }
#endif
    PyObject *typ = args[0], *val = NULL, *tb = NULL;
    if (nargs > 1) {
        val = args[1];
    }
    if (nargs > 2) {
        tb = args[2];
    }
    return gen_throw_impl((Nuitka_GeneratorObject *)self, 1, typ, val, tb);
}

static PyObject *gen_close(PyObject *self, PyObject *unused) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    int err = 0;
    if (gen->resume_point == 0 && !gen->running) {
        /* Not started: nothing can catch GeneratorExit. */
        gen->resume_point = -1;
        gen_release(gen);
        Py_RETURN_NONE;
    }
    PyObject *yf = gen->yieldfrom;
    if (yf != NULL && !gen->running) {
        Py_INCREF(yf);
        gen->running = 1;
        err = gen_close_iter(yf);
        gen->running = 0;
        Py_DECREF(yf);
        Py_CLEAR(gen->yieldfrom);
    }
    if (err == 0) {
        PyErr_SetNone(PyExc_GeneratorExit);
    }
    PyObject *retval = gen_send_ex(gen, Py_None, 1, 1);
    if (retval != NULL) {
        Py_DECREF(retval);
        PyErr_SetString(PyExc_RuntimeError, GEN_MSG(gen, "generator ignored GeneratorExit",
                                                    "coroutine ignored GeneratorExit",
                                                    "async generator ignored GeneratorExit"));
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030D0000
    /* 3.13: close() returns what the generator returned on GeneratorExit. */
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *value;
        if (_PyGen_FetchStopIterationValue(&value) < 0) {
            return NULL;
        }
        return value;
    }
#endif
    if (PyErr_ExceptionMatches(PyExc_StopIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

static void gen_finalize(PyObject *self) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    if (GEN_FINISHED(gen)) {
        return;
    }
    if (gen->kind == NUITKA_GEN_KIND_ASYNCGEN && gen->origin_or_finalizer != NULL && !gen->ag_closed) {
        Nuitka_AsyncGen_CallFinalizer(gen);
        return;
    }
    PyObject *error_type, *error_value, *error_traceback;
    PyErr_Fetch(&error_type, &error_value, &error_traceback);
    PyObject *res = NULL;
    if (gen->kind == NUITKA_GEN_KIND_COROUTINE && gen->resume_point == 0) {
        Nuitka_Coroutine_WarnUnawaited(self);
    } else {
        res = gen_close(self, NULL);
    }
    if (res == NULL) {
        if (PyErr_Occurred()) {
            PyErr_WriteUnraisable(self);
        }
    } else {
        Py_DECREF(res);
    }
    PyErr_Restore(error_type, error_value, error_traceback);
}

static int gen_traverse(PyObject *self, visitproc visit, void *arg) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    Py_VISIT(gen->name);
    Py_VISIT(gen->qualname);
    Py_VISIT(gen->frame);
    Py_VISIT(gen->yieldfrom);
    Py_VISIT(gen->origin_or_finalizer);
    Py_VISIT(gen->code);
    NUITKA_EXC_STATE_VISIT(&gen->exc_state);
    Py_ssize_t n;
    PyObject **objs = gen_state_objects(gen, &n);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_VISIT(objs[i]);
    }
    return 0;
}

static int gen_clear(PyObject *self) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    if (gen->running) {
        return 0;
    }
    gen->resume_point = -1;
    gen_release(gen);
    return 0;
}

static void gen_dealloc(PyObject *self) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    PyObject_GC_UnTrack(self);
    if (gen->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    /* gen_finalize does nothing for a finished generator (the usual case):
     * no need to make it a live object again for the call. */
    if (!GEN_FINISHED(gen) || Py_TYPE(self)->tp_finalize != gen_finalize) {
        PyObject_GC_Track(self);
        if (PyObject_CallFinalizerFromDealloc(self)) {
            return; /* resurrected */
        }
        PyObject_GC_UnTrack(self);
    }
    if (!GEN_FINISHED(gen) || gen->frame != NULL) {
        /* (Finished generators were released when they finished.) */
        gen->resume_point = -1;
        gen_release(gen);
    }
    if (gen->info->cached_state == NULL) {
        /* Kept zeroed for the function's next generator: its objects are
         * cleared by gen_release (which ran when it finished, or above),
         * the C ints after them are zeroed here. */
        size_t objects = gen->info->gen_state_size, alloc = gen->info->gen_state_alloc;
        if (alloc > objects) {
            memset((char *)gen->state + objects, 0, alloc - objects);
        }
        gen->info->cached_state = gen->state;
    } else {
        PyMem_Free(gen->state);
    }
    gen->state = NULL;
    Py_CLEAR(gen->name);
    Py_CLEAR(gen->qualname);
    Py_CLEAR(gen->origin_or_finalizer);
    Py_CLEAR(gen->code);
    gen_free(self);
}

static PyObject *gen_repr(PyObject *self) {
    return PyUnicode_FromFormat("<generator object %S at %p>", ((Nuitka_GeneratorObject *)self)->qualname, self);
}

PyObject *Nuitka_Generator_GetName(PyObject *self, void *closure) {
    return Py_NewRef(((Nuitka_GeneratorObject *)self)->name);
}

int Nuitka_Generator_SetName(PyObject *self, PyObject *value, void *closure) {
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((Nuitka_GeneratorObject *)self)->name, Py_NewRef(value));
    return 0;
}

PyObject *Nuitka_Generator_GetQualname(PyObject *self, void *closure) {
    return Py_NewRef(((Nuitka_GeneratorObject *)self)->qualname);
}

int Nuitka_Generator_SetQualname(PyObject *self, PyObject *value, void *closure) {
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((Nuitka_GeneratorObject *)self)->qualname, Py_NewRef(value));
    return 0;
}

PyObject *Nuitka_Generator_GetFrame(PyObject *self, void *closure) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    if (gen->frame == NULL) {
        Py_RETURN_NONE;
    }
    if (Nuitka_GeneratorFrame_Register(gen) < 0) {
        return NULL;
    }
    return Py_NewRef((PyObject *)gen->frame);
}

static PyObject *gen_get_running(PyObject *self, void *closure) {
    return PyBool_FromLong(((Nuitka_GeneratorObject *)self)->running);
}

static PyObject *gen_get_suspended(PyObject *self, void *closure) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    return PyBool_FromLong(gen->resume_point > 0 && !gen->running);
}

static PyObject *gen_get_code(PyObject *self, void *closure) {
    return Py_NewRef((PyObject *)((Nuitka_GeneratorObject *)self)->code);
}

/* Like CPython, None while the generator runs (it is not suspended in a
 * "yield from", even while it drives the sub-iterator). */
PyObject *Nuitka_Generator_GetYieldFrom(PyObject *self, void *closure) {
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    PyObject *yf = gen->running ? NULL : gen->yieldfrom;
    return Py_NewRef(yf ? yf : Py_None);
}

static PyObject *gen_get_compiled(PyObject *self, void *closure) { Py_RETURN_TRUE; }

/* `obj.__class__` answers the CPython type that ours stand in for
 * (closure), so that code comparing classes (`g.__class__ is
 * types.GeneratorType`, `in {GeneratorType, CoroutineType}`) sees what it
 * sees uncompiled; type(obj) stays the real type (see
 * doc/compiled-generator-types.md). */
PyObject *Nuitka_Generator_GetClass(PyObject *self, void *closure) { return Py_NewRef((PyObject *)closure); }

/* Assignment goes to object's own `__class__` setter (same TypeError). */
int Nuitka_Generator_SetClass(PyObject *self, PyObject *value, void *closure) {
    static PyObject *descr = NULL;
    if (descr == NULL) {
        /* (Through the type: 3.12+ keep static types' dicts elsewhere.) */
        PyObject *name = PyUnicode_InternFromString("__class__");
        descr = name ? _PyType_Lookup(&PyBaseObject_Type, name) : NULL;
        Py_XDECREF(name);
        if (descr == NULL) {
            PyErr_SetString(PyExc_SystemError, "object.__class__ not found");
            return -1;
        }
        Py_INCREF(descr);
    }
    return Py_TYPE(descr)->tp_descr_set(descr, self, value);
}

static PyGetSetDef gen_getset[] = {
    {"__name__", Nuitka_Generator_GetName, Nuitka_Generator_SetName, NULL, NULL},
    {"__qualname__", Nuitka_Generator_GetQualname, Nuitka_Generator_SetQualname, NULL, NULL},
    {"gi_frame", Nuitka_Generator_GetFrame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", Nuitka_Generator_GetYieldFrom, NULL, "object being iterated by yield from, or None", NULL},
    {"__compiled__", gen_get_compiled, NULL, NULL, NULL},
    {"__class__", Nuitka_Generator_GetClass, Nuitka_Generator_SetClass, NULL, &PyGen_Type},
    {NULL, NULL, NULL, NULL, NULL},
};

extern PyTypeObject Nuitka_Coroutine_Type;
extern PyTypeObject Nuitka_AsyncGen_Type;

static PyObject *gen_sizeof(PyObject *self, PyObject *unused) {
    /* sys.getsizeof() answers as for an uncompiled generator, coroutine or
     * async generator (test_sys checks it): 3.11+ count the embedded
     * interpreter frame of the code object (gen_sizeof in genobject.c),
     * 3.10 has the plain object size. */
#if PY_VERSION_HEX >= 0x030B0000
    Nuitka_GeneratorObject *gen = (Nuitka_GeneratorObject *)self;
    PyCodeObject *code = gen->code;
    Py_ssize_t size = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus);
    if (code != NULL) {
        size += (code->co_nlocalsplus + code->co_stacksize) * (Py_ssize_t)sizeof(PyObject *);
    }
    return PyLong_FromSsize_t(size);
#else
    PyTypeObject *like = &PyGen_Type;
    if (PyObject_TypeCheck(self, &Nuitka_Coroutine_Type)) {
        like = &PyCoro_Type;
    } else if (PyObject_TypeCheck(self, &Nuitka_AsyncGen_Type)) {
        like = &PyAsyncGen_Type;
    }
    return PyLong_FromSsize_t(like->tp_basicsize);
#endif
}

static PyMethodDef gen_methods[] = {
    {"send", gen_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))gen_throw, METH_FASTCALL, NULL},
    {"close", gen_close, METH_NOARGS, NULL},
    {"__sizeof__", gen_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods gen_as_async = {
    0,           /* am_await */
    0,           /* am_aiter */
    0,           /* am_anext */
    gen_am_send, /* am_send */
};

/* ---- the metatype ------------------------------------------------------------
 * `type(g)` of a compiled generator is our type, so code that takes the type
 * of one of its own generators for the generator type (pyparsing:
 * `_generator_type = type((_ for _ in ()))`, as types.py does) would find
 * CPython's generators not instances of it. Our three types get this
 * metatype, whose __instancecheck__/__subclasscheck__ answer for the CPython
 * type (PyGen_Type, PyCoro_Type, PyAsyncGen_Type), which all compiled
 * ones are subtypes of: the same answers as uncompiled. Named "type", as
 * type(type(g)) prints for CPython. */
extern PyTypeObject Nuitka_Coroutine_Type;
extern PyTypeObject Nuitka_AsyncGen_Type;

static PyObject *cpython_type_for(PyObject *cls) {
    if (cls == (PyObject *)&Nuitka_Generator_Type) {
        return (PyObject *)&PyGen_Type;
    }
    if (cls == (PyObject *)&Nuitka_Coroutine_Type) {
        return (PyObject *)&PyCoro_Type;
    }
    if (cls == (PyObject *)&Nuitka_AsyncGen_Type) {
        return (PyObject *)&PyAsyncGen_Type;
    }
    return NULL;
}

static PyObject *resumable_meta_instancecheck(PyObject *cls, PyObject *inst) {
    PyObject *cpython = cpython_type_for(cls);
    int res = cpython != NULL ? PyObject_IsInstance(inst, cpython) : PyObject_TypeCheck(inst, (PyTypeObject *)cls);
    return res < 0 ? NULL : PyBool_FromLong(res);
}

static PyObject *resumable_meta_subclasscheck(PyObject *cls, PyObject *sub) {
    PyObject *cpython = cpython_type_for(cls);
    int res;
    if (cpython != NULL) {
        res = PyObject_IsSubclass(sub, cpython);
    } else {
        res = PyType_Check(sub) && PyType_IsSubtype((PyTypeObject *)sub, (PyTypeObject *)cls);
    }
    return res < 0 ? NULL : PyBool_FromLong(res);
}

static PyMethodDef resumable_meta_methods[] = {
    {"__instancecheck__", resumable_meta_instancecheck, METH_O, NULL},
    {"__subclasscheck__", resumable_meta_subclasscheck, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Nuitka_ResumableMeta_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "type", /* tp_name */
};

int Nuitka_Resumable_SetMetatype(PyTypeObject *type) {
    if (!(Nuitka_ResumableMeta_Type.tp_flags & Py_TPFLAGS_READY)) {
        Nuitka_ResumableMeta_Type.tp_base = &PyType_Type;
        Nuitka_ResumableMeta_Type.tp_flags = Py_TPFLAGS_DEFAULT;
        Nuitka_ResumableMeta_Type.tp_methods = resumable_meta_methods;
        if (PyType_Ready(&Nuitka_ResumableMeta_Type) < 0) {
            return -1;
        }
    }
    Py_SET_TYPE(type, &Nuitka_ResumableMeta_Type);
    return 0;
}

PyTypeObject Nuitka_Generator_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "generator", /* tp_name */
    sizeof(Nuitka_GeneratorObject),              /* tp_basicsize */
    0,                                           /* tp_itemsize */
    gen_dealloc,                                 /* tp_dealloc */
    0,                                           /* tp_vectorcall_offset */
    0,                                           /* tp_getattr */
    0,                                           /* tp_setattr */
    &gen_as_async,                               /* tp_as_async */
    gen_repr,                                    /* tp_repr */
    0,                                           /* tp_as_number */
    0,                                           /* tp_as_sequence */
    0,                                           /* tp_as_mapping */
    0,                                           /* tp_hash */
    0,                                           /* tp_call */
    0,                                           /* tp_str */
    PyObject_GenericGetAttr,                     /* tp_getattro */
    0,                                           /* tp_setattro */
    0,                                           /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,     /* tp_flags */
    0,                                           /* tp_doc */
    gen_traverse,                                /* tp_traverse */
    gen_clear,                                   /* tp_clear */
    0,                                           /* tp_richcompare */
    offsetof(Nuitka_GeneratorObject, weakreflist), /* tp_weaklistoffset */
    PyObject_SelfIter,                           /* tp_iter */
    gen_iternext,                                /* tp_iternext */
    gen_methods,                                 /* tp_methods */
    0,                                           /* tp_members */
    gen_getset,                                  /* tp_getset */
    &PyGen_Type,                                 /* tp_base */
    0,                                           /* tp_dict */
    0,                                           /* tp_descr_get */
    0,                                           /* tp_descr_set */
    0,                                           /* tp_dictoffset */
    0,                                           /* tp_init */
    0,                                           /* tp_alloc */
    0,                                           /* tp_new */
    0,                                           /* tp_free */
    0,                                           /* tp_is_gc */
    0,                                           /* tp_bases */
    0,                                           /* tp_mro */
    0,                                           /* tp_cache */
    0,                                           /* tp_subclasses */
    0,                                           /* tp_weaklist */
    0,                                           /* tp_del */
    0,                                           /* tp_version_tag */
    gen_finalize,                                /* tp_finalize */
};

static PyAsyncMethods iterable_coroutine_as_async = {
    PyObject_SelfIter, /* am_await: `await gen` iterates it, as CPython does for such exact generators */
    0,                 /* am_aiter */
    0,                 /* am_anext */
    0,                 /* am_send: set from gen_as_async below */
};

PyTypeObject Nuitka_IterableCoroutine_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "generator", /* tp_name */
    sizeof(Nuitka_GeneratorObject),              /* tp_basicsize */
};

static int iterable_coroutine_type_ready(void) {
    PyTypeObject *type = &Nuitka_IterableCoroutine_Type;
    if (type->tp_flags & Py_TPFLAGS_READY) {
        return 0;
    }
    iterable_coroutine_as_async.am_send = gen_as_async.am_send;
    type->tp_as_async = &iterable_coroutine_as_async;
    type->tp_base = &Nuitka_Generator_Type;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
    type->tp_dealloc = gen_dealloc;
    type->tp_traverse = gen_traverse;
    type->tp_clear = gen_clear;
    type->tp_finalize = gen_finalize;
    /* Everything else (iteration, methods, getsets) is inherited. */
    if (PyType_Ready(type) < 0) {
        return -1;
    }
    type->tp_itemsize = 0;
    /* The am_await slot is for the interpreter's GET_AWAITABLE only: like
     * CPython's generators with the flag, these have no `__await__`
     * attribute (collections.abc.Awaitable/Coroutine must not match them;
     * inspect.isawaitable() still does, through gi_code's flags). The
     * type cannot be subclassed, so nothing re-derives the slot. */
    if (PyDict_DelItemString(type->tp_dict, "__await__") < 0) {
        return -1;
    }
    PyType_Modified(type);
    return 0;
}

PyObject *Nuitka_Generator_New(Nuitka_FunctionObject *func, PyFrameObject *frame) {
    Nuitka_FunctionInfo *info = func->info;
    if (unlikely(Nuitka_Generator_Type.tp_itemsize != 0)) {
        /* PyType_Ready copied PyGen_Type's item size; we have no items. */
        Nuitka_Generator_Type.tp_itemsize = 0;
    }
    void *state = info->cached_state;
    if (state != NULL) {
        info->cached_state = NULL;
    } else {
        state = PyMem_Calloc(1, info->gen_state_alloc ? info->gen_state_alloc : 1);
    }
    if (unlikely(state == NULL)) {
        Nuitka_Frame_ClearLocals(frame);
        Py_DECREF(frame);
        return PyErr_NoMemory();
    }
    /* Coroutines and async generators are this object with another type. */
    PyTypeObject *type = &Nuitka_Generator_Type;
    int kind = NUITKA_GEN_KIND_GENERATOR;
    if (info->flags & NUITKA_FUNC_COROUTINE) {
        type = &Nuitka_Coroutine_Type;
        kind = NUITKA_GEN_KIND_COROUTINE;
    } else if (info->flags & NUITKA_FUNC_ASYNCGEN) {
        type = &Nuitka_AsyncGen_Type;
        kind = NUITKA_GEN_KIND_ASYNCGEN;
    }
    /* As CPython, the generator has the function's current code object (a
     * `__code__` assignment, e.g. by types.coroutine, shows in gi_code). */
    PyCodeObject *code = info->code;
    if (PyCode_Check(func->base.func_code)) {
        code = (PyCodeObject *)func->base.func_code;
    }
    if (kind == NUITKA_GEN_KIND_GENERATOR && (code->co_flags & CO_ITERABLE_COROUTINE)) {
        if (unlikely(iterable_coroutine_type_ready() < 0)) {
            PyMem_Free(state);
            Nuitka_Frame_ClearLocals(frame);
            Py_DECREF(frame);
            return NULL;
        }
        type = &Nuitka_IterableCoroutine_Type;
    }
    Nuitka_GeneratorObject *gen = gen_alloc(type);
    if (unlikely(gen == NULL)) {
        PyMem_Free(state);
        Nuitka_Frame_ClearLocals(frame);
        Py_DECREF(frame);
        return NULL;
    }
    gen->name = Py_NewRef(func->base.func_name);
    gen->qualname = Py_NewRef(func->base.func_qualname);
#if PY_VERSION_HEX >= 0x030B0000
    {
        /* Where CPython's frame of a new generator is (gi_frame.f_lasti,
         * f_lineno, a profile function's first "call"): at RETURN_GENERATOR
         * before RESUME, 3.13 after it; also a frame from the pool, which
         * is where its last run ended. */
        _PyInterpreterFrame *iframe = frame->f_frame;
        int resume = NUITKA_IFRAME_CODE(iframe)->_co_firsttraceable;
        if (resume >= 2) {
#if PY_VERSION_HEX >= 0x030D0000
            NUITKA_SET_POS(iframe, resume - 1);
#else
            NUITKA_SET_POS(iframe, resume - 2);
#endif
        }
    }
#endif
    gen->frame = frame;
    gen->info = info;
    gen->resume_point = 0;
    gen->running = 0;
    gen->state = state;
    gen->yieldfrom = NULL;
    Nuitka_ExcState_Init(&gen->exc_state);
    gen->weakreflist = NULL;
    gen->kind = kind;
    gen->origin_or_finalizer = NULL;
    gen->ag_hooks_inited = 0;
    gen->ag_closed = 0;
    gen->ag_running_async = 0;
    gen->code = (PyCodeObject *)Py_NewRef((PyObject *)code);
    gen->frame_registered = 0;
    gen->resume_after_delegation = 0;
    gen->raised_on_resume = 0;
    PyObject_GC_Track(gen);
    if (kind == NUITKA_GEN_KIND_COROUTINE && Nuitka_Coroutine_SetOrigin(gen) < 0) {
        gen->resume_point = -1; /* no "never awaited" warning for it */
        Py_DECREF(gen);
        return NULL;
    }
    return (PyObject *)gen;
}

/* Exported core (see nuitka/generator.h). */
PySendResult Nuitka_Generator_SendEx2(Nuitka_GeneratorObject *gen, PyObject *arg, int exc, int closing,
                                      PyObject **presult) {
    return gen_send_ex2(gen, arg, exc, closing, presult);
}

PyObject *Nuitka_Generator_SendEx(Nuitka_GeneratorObject *gen, PyObject *arg, int exc, int closing) {
    return gen_send_ex(gen, arg, exc, closing);
}

PyObject *Nuitka_Generator_ThrowImpl(Nuitka_GeneratorObject *gen, int close_on_genexit, PyObject *typ, PyObject *val,
                                     PyObject *tb) {
    return gen_throw_impl(gen, close_on_genexit, typ, val, tb);
}

PyObject *Nuitka_Generator_Throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    return gen_throw(self, args, nargs);
}

PyObject *Nuitka_Generator_Close(PyObject *self, PyObject *unused) { return gen_close(self, unused); }

PyObject *Nuitka_Generator_Sizeof(PyObject *self, PyObject *unused) { return gen_sizeof(self, unused); }

int Nuitka_YieldFromBegin(PyThreadState *tstate, Nuitka_GeneratorObject *gen, PyObject *value, PyObject **out) {
    PyObject *iter;
    *out = NULL;
    /* As GET_YIELD_FROM_ITER in a plain generator. */
    if ((PyCoro_CheckExact(value) || Py_TYPE(value) == &Nuitka_Coroutine_Type) &&
        !(gen->code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
        PyErr_SetString(PyExc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return -1;
    }
    if (PyGen_CheckExact(value) || Nuitka_Generator_CheckAny(value) || PyCoro_CheckExact(value) ||
        Py_TYPE(value) == &Nuitka_Coroutine_Type) {
        /* (Coroutines only get here in iterable coroutines, see above.) */
        iter = Py_NewRef(value);
    } else {
        iter = PyObject_GetIter(value);
        if (iter == NULL) {
            return -1;
        }
    }
    return Nuitka_Generator_Delegate(gen, iter, out);
}

int Nuitka_Generator_Delegate(Nuitka_GeneratorObject *gen, PyObject *iter, PyObject **out) {
    /* SEND None: the first step of `yield from`/`await` (iter is consumed). */
    PySendResult status = gen_send_sub(iter, Py_None, out);
    if (status == PYGEN_NEXT) {
        gen->yieldfrom = iter;
        return 1;
    }
    Py_DECREF(iter);
    return status == PYGEN_RETURN ? 0 : -1;
}
