/* Fast entries of compiled functions.
 *
 * Every "plain" compiled function (only positional-or-keyword parameters,
 * no *args/**kwargs/keyword-only ones; not a class or module body) gets a
 * generated entry (see nuitka/codegen/direct_calls.py)
 *
 *     PyObject *<name>_fast(PyThreadState *tstate, PyObject *func, PyObject *const *args)
 *
 * for a call with exactly co_argcount positional arguments (borrowed) and
 * a function object whose __code__ is still its own. It does what
 * Nuitka_Function_CallDirect does for such a call, with what is known at
 * compile time folded in: no argument parsing, no flag tests, the locals
 * cleared with a known count, the body called directly (gcc may inline it);
 * for generators, coroutines and async generators, the new object.
 *
 * The entry is used (1) by the generic calls through info->fast (any call
 * of a compiled function with exactly that many positional arguments), and
 * (2) straight from a call site whose callee is guessed at compile time
 * (a module global named like a module-level def, a method named like a
 * method of a class of the module), behind Nuitka_Fast_Guard: the value is
 * a compiled function of that very definition and its __code__ is its own.
 * __defaults__ and __kwdefaults__ play no part in such a call (all
 * parameters are given), so replacing them needs no guard.
 */
#ifndef NUITKA_FUNCTION_FAST_H
#define NUITKA_FUNCTION_FAST_H

#define NUITKA_FAST_INLINE __attribute__((always_inline)) inline

typedef PyObject *(*Nuitka_FastEntry)(PyThreadState *tstate, PyObject *func, PyObject *const *args);

/* function.c */
extern int Nuitka_FrameCacheEnabled;
extern Nuitka_FunctionInfo *Nuitka_CachedInfos;
extern PyFrameObject *Nuitka_Function_NewCallFrame(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *func);
/* (The same for a call without a function object: its globals given.) */
extern PyFrameObject *Nuitka_Function_NewCallFrameIn(PyThreadState *tstate, Nuitka_FunctionInfo *info,
                                                     PyObject *globals);
extern void Nuitka_Function_DropCallFrame(PyFrameObject *frame);
extern int Nuitka_Function_CheckStack(PyThreadState *tstate);
extern PyObject *Nuitka_Function_StartGenerator(PyObject *func, PyFrameObject *frame);

/* Frames kept per function for the next calls (function.c). */
#define NUITKA_FRAME_POOL 32

/* Depth of Python calls of the thread (as the recursion counter says). */
#if PY_VERSION_HEX >= 0x030C0000
#define NUITKA_CALL_DEPTH(tstate) ((tstate)->py_recursion_limit - (tstate)->py_recursion_remaining)
#elif PY_VERSION_HEX >= 0x030B0000
#define NUITKA_CALL_DEPTH(tstate) ((tstate)->recursion_limit - (tstate)->recursion_remaining)
#else
#define NUITKA_CALL_DEPTH(tstate) ((tstate)->recursion_depth)
#endif
/* Past this depth each call checks the C stack (function.c). */
#define NUITKA_STACK_CHECK_DEPTH 1000

/* The call site's guard: `func` is a compiled function of the definition
 * `info` whose code was not replaced. */
static inline int Nuitka_Fast_Guard(PyObject *func, Nuitka_FunctionInfo *info) {
    return Nuitka_Function_Check(func) && ((Nuitka_FunctionObject *)func)->info == info &&
           ((PyFunctionObject *)func)->func_code == (PyObject *)info->code;
}

/* A frame for a call: from the function's pool, else a new one (hidden
 * from the GC, as in Nuitka_Function_CallDirect). */
static NUITKA_FAST_INLINE PyFrameObject *Nuitka_Fast_TakeFrameIn(PyThreadState *tstate, Nuitka_FunctionInfo *info,
                                                                 PyObject *globals) {
    PyFrameObject *frame = info->cached_frame;
    /* (A pooled frame has the globals of the function that ran in it: a
     * module executed again, e.g. imported again after leaving
     * sys.modules, has functions of the same definitions with other
     * globals, which get a new frame.) */
    if (likely(frame != NULL) && likely(Nuitka_Frame_IFrame(frame)->f_globals == globals)) {
        info->cached_frame = frame->f_back;
        frame->f_back = NULL;
        info->cached_count--;
        return frame;
    }
    return Nuitka_Function_NewCallFrameIn(tstate, info, globals);
}

static NUITKA_FAST_INLINE PyFrameObject *Nuitka_Fast_TakeFrame(PyThreadState *tstate, Nuitka_FunctionInfo *info,
                                                               PyObject *func) {
    return Nuitka_Fast_TakeFrameIn(tstate, info, ((PyFunctionObject *)func)->func_globals);
}

/* Give a finished call's frame (sole reference, locals cleared) back to the
   function's pool; 0 when the pool is full or disabled (the caller drops it). */
static NUITKA_FAST_INLINE int Nuitka_Fast_PoolFrame(Nuitka_FunctionInfo *info, PyFrameObject *frame) {
    if (likely(info->cached_count < NUITKA_FRAME_POOL && Nuitka_FrameCacheEnabled && frame->f_back == NULL)) {
        frame->f_back = info->cached_frame;
        info->cached_frame = frame;
        info->cached_count++;
        if (unlikely(info->next_cached == NULL)) {
            info->next_cached = Nuitka_CachedInfos;
            Nuitka_CachedInfos = info;
        }
        return 1;
    }
    return 0;
}

/* Run the body in the frame (its arguments bound), then clear the
 * `nlocals` slots and give the frame back to the pool (or drop it when
 * someone kept it or the pool is full). */

/* A body that gets one more argument (a genexpr's consume body gets its
 * sink, genexpr_sink.h). */
typedef PyObject *(*Nuitka_FunctionImplWith)(PyThreadState *tstate, PyObject *func, PyFrameObject *frame,
                                             PyObject **fl, void *extra);

/* (With `impl_with` non-NULL, that is run with `extra` instead of `impl`;
 * both are constants where this is inlined.) */
static NUITKA_FAST_INLINE PyObject *Nuitka_Fast_RunWith(PyThreadState *tstate, Nuitka_FunctionInfo *info,
                                                        PyObject *func, PyFrameObject *frame, Nuitka_FunctionImpl impl,
                                                        Nuitka_FunctionImplWith impl_with, void *extra, int nlocals) {
    PyObject *result = NULL;
    PyObject **fl = Nuitka_Frame_LocalsPlus(frame);
    if (unlikely(NUITKA_RECURSION_ENTER(tstate))) {
        goto release;
    }
    if (unlikely(NUITKA_CALL_DEPTH(tstate) >= NUITKA_STACK_CHECK_DEPTH) &&
        unlikely(Nuitka_Function_CheckStack(tstate) < 0)) {
        NUITKA_RECURSION_LEAVE(tstate);
        goto release;
    }
    Nuitka_Frame_Push(tstate, frame);
    if (unlikely(NUITKA_PROFILING(tstate)) && Nuitka_Profile_CallStart(tstate, frame) < 0) {
        result = NULL;
    } else {
        result = impl_with != NULL ? impl_with(tstate, func, frame, fl, extra) : impl(tstate, func, frame, fl);
    }
    if (unlikely(NUITKA_PROFILING(tstate))) {
        result = Nuitka_Profile_Return(tstate, frame, result);
    }
    if (unlikely(Py_REFCNT(frame) > 2)) {
        /* Kept (traceback, sys._getframe()): see run_frame in function.c.
         * (A genexpr's frame run for a builtin, genexpr_sink.h, is done like
         * a finished generator's: before 3.12 without f_back.) */
#if PY_VERSION_HEX < 0x030C0000
        if (!(info->flags & NUITKA_FUNC_GENERATOR))
#endif
        {
            Nuitka_Frame_Detach(frame);
        }
        if (!Nuitka_GC_IsTracked((PyObject *)frame)) {
            PyObject_GC_Track((PyObject *)frame);
        }
    }
    Nuitka_Frame_Pop(tstate, frame);
    NUITKA_RECURSION_LEAVE(tstate);
release:
#if PY_VERSION_HEX >= 0x030B0000
    if (likely(Py_REFCNT(frame) == 1)) {
        for (int i = 0; i < nlocals; i++) {
            PyObject *value = fl[i];
            if (value != NULL) {
                fl[i] = NULL;
                Py_DECREF(value);
            }
        }
        _PyInterpreterFrame *iframe = frame->f_frame;
#if PY_VERSION_HEX >= 0x030D0000
        if (unlikely(iframe->f_locals != NULL || frame->f_extra_locals != NULL || frame->f_locals_cache != NULL)) {
            Nuitka_Frame_ClearLocals(frame);
        }
#else
        if (unlikely(iframe->f_locals != NULL || frame->f_fast_as_locals)) {
            Nuitka_Frame_ClearLocals(frame);
        }
#endif
        if (Nuitka_Fast_PoolFrame(info, frame)) {
            return result;
        }
    }
#else
    (void)nlocals;
    if (likely(Py_REFCNT(frame) == 1)) {
        Nuitka_Frame_ClearLocals(frame);
        if (Nuitka_Fast_PoolFrame(info, frame)) {
            return result;
        }
    }
#endif
    Nuitka_Function_DropCallFrame(frame);
    return result;
}

static NUITKA_FAST_INLINE PyObject *Nuitka_Fast_Run(PyThreadState *tstate, Nuitka_FunctionInfo *info, PyObject *func,
                                                    PyFrameObject *frame, Nuitka_FunctionImpl impl, int nlocals) {
    return Nuitka_Fast_RunWith(tstate, info, func, frame, impl, NULL, NULL, nlocals);
}

/* A generic call of a compiled function through its fast entry when it has
 * one and the call fits; NULL entry otherwise. */
static inline Nuitka_FastEntry Nuitka_Fast_EntryFor(PyObject *func, Py_ssize_t nargs, PyObject *kwnames) {
    Nuitka_FunctionInfo *info = ((Nuitka_FunctionObject *)func)->info;
    if (info->fast != NULL && nargs == info->argspec.argcount && kwnames == NULL &&
        likely(((PyFunctionObject *)func)->func_code == (PyObject *)info->code)) {
        return (Nuitka_FastEntry)info->fast;
    }
    return NULL;
}

/* Cls(args...) of an ordinary class whose __init__ is compiled (class_call.c);
 * any other class through vectorcall. */
extern PyObject *Nuitka_CallClass(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                                  Py_ssize_t nargs);

/* The metaclass of `callable` calls classes as type itself does. */
#define Nuitka_IsPlainClass(callable) (PyType_Check(callable) && Py_TYPE(callable)->tp_call == PyType_Type.tp_call)

/* What CPython's CALL instructions do after the call (CHECK_EVAL_BREAKER):
 * a signal that the called C code raised (os.kill() of the own process,
 * signal.raise_signal(), _thread.interrupt_main()) has its handler run, and
 * its exception raised, before the next statement. A compiled function
 * checks on entry and in loops, as RESUME and JUMP_BACKWARD do. */
static inline PyObject *Nuitka_AfterCall(PyThreadState *tstate, PyObject *result) {
    if (unlikely(NUITKA_EVAL_BREAKER_SET(tstate)) && result != NULL && Nuitka_HandlePending(tstate) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Everything but a compiled function of this runtime (calls.c). */
extern PyObject *Nuitka_CallOther(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                                  size_t nargsf, PyObject *kwnames);
/* The same for a method that Nuitka_LoadMethod found unbound: args[0] is the
 * object, args[1..nargs] the arguments. */
extern PyObject *Nuitka_CallMethodOther(PyThreadState *tstate, PyObject *method, PyObject *const *args,
                                        Py_ssize_t nargs, PyObject *kwnames);

/* Calls from generated code: compiled functions directly (no vectorcall
 * slot lookup, no result check) through the inlined part, anything else
 * out of line (Nuitka_CallOther) to keep call sites small. */
static inline PyObject *Nuitka_Call(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                                    Py_ssize_t nargs, PyObject *kwnames) {
    if (Nuitka_Function_Check(callable)) {
        Nuitka_FastEntry fast = Nuitka_Fast_EntryFor(callable, nargs, kwnames);
        if (likely(fast != NULL)) {
            return fast(tstate, callable, args);
        }
        return Nuitka_Function_CallDirect(tstate, callable, args, nargs, kwnames);
    }
    return Nuitka_CallOther(tstate, callable, args, (size_t)nargs, kwnames);
}

static inline PyObject *Nuitka_CallNoArgs(PyThreadState *tstate, PyObject *callable) {
    if (Nuitka_Function_Check(callable)) {
        Nuitka_FastEntry fast = Nuitka_Fast_EntryFor(callable, 0, NULL);
        if (likely(fast != NULL)) {
            return fast(tstate, callable, NULL);
        }
        return Nuitka_Function_CallDirect(tstate, callable, NULL, 0, NULL);
    }
    if (Nuitka_IsPlainClass(callable)) {
        return Nuitka_AfterCall(tstate, Nuitka_CallClass(tstate, callable, NULL, 0));
    }
    return Nuitka_AfterCall(tstate, PyObject_CallNoArgs(callable));
}

#endif
