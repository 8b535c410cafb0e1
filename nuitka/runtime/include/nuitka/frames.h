/* Frames of compiled code: real frame objects linked into the interpreter's
 * frame chain, so sys._getframe(), tracebacks, locals() and super() see them.
 *
 * Compiled code keeps its variables in the frame's "localsplus" slots, in
 * CPython's layout. The current source position is the instruction index of
 * a synthetic code object whose location table maps index k to the k-th
 * source position of the function (see nuitka/codegen/code_objects.py).
 *
 * Everything that depends on the Python version's frame layout is here.
 */
#ifndef NUITKA_FRAMES_H
#define NUITKA_FRAMES_H

#if PY_VERSION_HEX >= 0x030B0000

typedef _PyInterpreterFrame Nuitka_IFrame;

static inline Nuitka_IFrame *Nuitka_Frame_IFrame(PyFrameObject *frame) { return frame->f_frame; }

static inline PyObject **Nuitka_Frame_LocalsPlus(PyFrameObject *frame) { return frame->f_frame->localsplus; }

/* The code object of an interpreter frame (3.13 made it f_executable). */
#if PY_VERSION_HEX >= 0x030D0000
#define NUITKA_IFRAME_CODE(iframe) ((PyCodeObject *)(iframe)->f_executable)
#else
#define NUITKA_IFRAME_CODE(iframe) ((iframe)->f_code)
#endif

/* Current position: instruction index in the synthetic code object. 3.11 and
 * 3.12 keep the last executed instruction (prev_instr), 3.13 the current one
 * (instr_ptr); both are read back as that instruction's index. */
#if PY_VERSION_HEX >= 0x030D0000
#define NUITKA_SET_POS(iframe, k) ((iframe)->instr_ptr = _PyCode_CODE(NUITKA_IFRAME_CODE(iframe)) + (k))
#define NUITKA_GET_POS(iframe) ((int)((iframe)->instr_ptr - _PyCode_CODE(NUITKA_IFRAME_CODE(iframe))))
#else
#define NUITKA_SET_POS(iframe, k) ((iframe)->prev_instr = _PyCode_CODE(NUITKA_IFRAME_CODE(iframe)) + (k))
#define NUITKA_GET_POS(iframe) ((int)((iframe)->prev_instr - _PyCode_CODE(NUITKA_IFRAME_CODE(iframe))))
#endif

static inline PyObject *Nuitka_Frame_GetLocalsMapping(PyFrameObject *frame) { return frame->f_frame->f_locals; }

/* The thread's innermost interpreter frame (3.13 dropped tstate->cframe). */
#if PY_VERSION_HEX >= 0x030D0000
#define NUITKA_TSTATE_CURRENT_FRAME(tstate) ((tstate)->current_frame)
#else
#define NUITKA_TSTATE_CURRENT_FRAME(tstate) ((tstate)->cframe->current_frame)
#endif

/* Link into / out of the thread's frame chain. */
/* While linked, frame_obj points back to the frame object, so that walking
 * the chain finds it. The garbage collector counts that pointer as a
 * reference (frame traversal visits it), so it holds one for real while set;
 * otherwise a running frame could look unreachable and get cleared. */
/* While linked, the frame also counts as owned by the thread, like a frame
 * that ceval runs: frame.clear() (traceback.clear_frames(), used by
 * unittest's assertRaises) then raises "cannot clear an executing frame"
 * instead of wiping the local variables of the running compiled code. */
static inline void Nuitka_Frame_Push(PyThreadState *tstate, PyFrameObject *frame) {
    _PyInterpreterFrame *iframe = frame->f_frame;
    iframe->previous = NUITKA_TSTATE_CURRENT_FRAME(tstate);
    iframe->frame_obj = frame;
    iframe->owner = FRAME_OWNED_BY_THREAD;
    Py_INCREF(frame);
    NUITKA_TSTATE_CURRENT_FRAME(tstate) = iframe;
}

static inline void Nuitka_Frame_Pop(PyThreadState *tstate, PyFrameObject *frame) {
    _PyInterpreterFrame *iframe = frame->f_frame;
    NUITKA_TSTATE_CURRENT_FRAME(tstate) = iframe->previous;
    iframe->previous = NULL;
    iframe->frame_obj = NULL;
    iframe->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    Py_DECREF(frame);
}

static inline int Nuitka_Frame_StackTop(PyFrameObject *frame) { return frame->f_frame->stacktop; }

#if PY_VERSION_HEX >= 0x030C0000
/* 3.12+ count Python frames separately from C recursion (py_recursion_*),
 * as _Py_EnterRecursivePy/_Py_CheckRecursiveCallPy do in ceval.c (which
 * are not exported); a compiled call is a Python call. */
static inline int Nuitka_RecursionEnter(PyThreadState *tstate) {
    if (likely(tstate->py_recursion_remaining-- > 0)) {
        return 0;
    }
    if (tstate->recursion_headroom) {
        if (tstate->py_recursion_remaining < -50) {
            Py_FatalError("Cannot recover from Python stack overflow.");
        }
        return 0;
    }
    tstate->recursion_headroom++;
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    tstate->recursion_headroom--;
    tstate->py_recursion_remaining++;
    return -1;
}
#define NUITKA_RECURSION_ENTER(tstate) Nuitka_RecursionEnter(tstate)
#define NUITKA_RECURSION_LEAVE(tstate) ((tstate)->py_recursion_remaining++)
#else
PyAPI_FUNC(int) _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where);
/* 3.11: the counter test of _Py_EnterRecursivePy (ceval.c) inline; only
 * when it runs out does the exported _Py_CheckRecursiveCall decide (it
 * also picks up a changed recursion limit and raises RecursionError). */
#define NUITKA_RECURSION_ENTER(tstate) \
    (unlikely((tstate)->recursion_remaining-- <= 0) && _Py_CheckRecursiveCall((tstate), ""))
#define NUITKA_RECURSION_LEAVE(tstate) ((tstate)->recursion_remaining++)
#endif

/* Clear the local slots of a function's frame after its call, inline: the
 * slots, then (rarely needed) what locals()/f_locals left on the frame. */
extern void Nuitka_Frame_ClearLocals(PyFrameObject *frame);
static inline void Nuitka_Frame_ClearFunctionLocals(PyFrameObject *frame) {
    _PyInterpreterFrame *iframe = frame->f_frame;
    PyObject **fl = iframe->localsplus;
    int n = NUITKA_IFRAME_CODE(iframe)->co_nlocalsplus;
    for (int i = 0; i < n; i++) {
        PyObject *value = fl[i];
        if (value != NULL) {
            fl[i] = NULL;
            Py_DECREF(value);
        }
    }
#if PY_VERSION_HEX >= 0x030D0000
    if (unlikely(iframe->f_locals != NULL || frame->f_extra_locals != NULL || frame->f_locals_cache != NULL)) {
        Nuitka_Frame_ClearLocals(frame);
    }
#else
    if (unlikely(iframe->f_locals != NULL || frame->f_fast_as_locals)) {
        Nuitka_Frame_ClearLocals(frame);
    }
#endif
}

#elif PY_VERSION_HEX >= 0x030A0000

/* 3.10: frames are full PyFrameObjects (f_localsplus, f_lasti, f_back) and
 * the thread's chain is tstate->frame. */
typedef PyFrameObject Nuitka_IFrame;

static inline Nuitka_IFrame *Nuitka_Frame_IFrame(PyFrameObject *frame) { return frame; }

static inline PyObject **Nuitka_Frame_LocalsPlus(PyFrameObject *frame) { return frame->f_localsplus; }

#define NUITKA_IFRAME_CODE(iframe) ((iframe)->f_code)

/* Current position: f_lasti is an instruction index in 3.10; the line comes
 * from co_linetable (PyCode_Addr2Line(code, f_lasti * 2)). */
#define NUITKA_SET_POS(iframe, k) ((iframe)->f_lasti = (k))
#define NUITKA_GET_POS(iframe) ((iframe)->f_lasti)

static inline PyObject *Nuitka_Frame_GetLocalsMapping(PyFrameObject *frame) { return frame->f_locals; }

/* Link: f_back owns a reference to the caller (as PyFrame_New does). The
 * chain holds a reference to the frame while linked, like 3.11's frame_obj,
 * so that "refcount > 2" means "kept by someone" in both versions. */
static inline void Nuitka_Frame_Push(PyThreadState *tstate, PyFrameObject *frame) {
    Py_XINCREF(tstate->frame);
    Py_XSETREF(frame->f_back, tstate->frame);
    Py_INCREF(frame);
    frame->f_state = FRAME_EXECUTING;
    tstate->frame = frame;
}

/* Unlink. Like CPython 3.10, a generator's frame drops f_back at every
 * suspension; a function's frame keeps it only if someone else still holds
 * the frame (a traceback, sys._getframe()). */
static inline void Nuitka_Frame_Pop(PyThreadState *tstate, PyFrameObject *frame) {
    tstate->frame = frame->f_back;
    frame->f_state = FRAME_SUSPENDED;
    if ((frame->f_code->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) || Py_REFCNT(frame) <= 2) {
        Py_CLEAR(frame->f_back);
    }
    Py_DECREF(frame);
}

static inline int Nuitka_Frame_StackTop(PyFrameObject *frame) { return frame->f_stackdepth; }

PyAPI_FUNC(int) _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where);
/* As 3.10's _Py_EnterRecursiveCall (internal/pycore_ceval.h), inline. */
#define NUITKA_RECURSION_ENTER(tstate)                                                           \
    (unlikely(++(tstate)->recursion_depth > (tstate)->interp->ceval.recursion_limit) &&         \
     _Py_CheckRecursiveCall((tstate), ""))
#define NUITKA_RECURSION_LEAVE(tstate) ((tstate)->recursion_depth--)

extern void Nuitka_Frame_ClearLocals(PyFrameObject *frame);
#define Nuitka_Frame_ClearFunctionLocals(frame) Nuitka_Frame_ClearLocals(frame)

#else
#error "This Python version's frame layout is not supported (3.10+ only so far)"
#endif

/* Create a frame for a code object (localsplus cleared, complete, not linked). */
extern PyFrameObject *Nuitka_Frame_New(PyThreadState *tstate, PyCodeObject *code, PyObject *globals, PyObject *locals);

/* Before a frame's execution ends: if something kept a reference (a
 * traceback, sys._getframe()), give it its f_back like CPython does. */
extern void Nuitka_Frame_Detach(PyFrameObject *frame);

/* Clear the local slots of a frame (after the call). */
extern void Nuitka_Frame_ClearLocals(PyFrameObject *frame);

/* Add a traceback entry for the frame at its current position. */
extern void Nuitka_Frame_AddTraceback(PyFrameObject *frame);

#endif
