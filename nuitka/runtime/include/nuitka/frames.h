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

#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000

typedef _PyInterpreterFrame Nuitka_IFrame;

static inline Nuitka_IFrame *Nuitka_Frame_IFrame(PyFrameObject *frame) { return frame->f_frame; }

static inline PyObject **Nuitka_Frame_LocalsPlus(PyFrameObject *frame) { return frame->f_frame->localsplus; }

/* Current position: instruction index in the synthetic code object. */
#define NUITKA_SET_POS(iframe, k) ((iframe)->prev_instr = _PyCode_CODE((iframe)->f_code) + (k))
#define NUITKA_GET_POS(iframe) ((int)((iframe)->prev_instr - _PyCode_CODE((iframe)->f_code)))

static inline PyObject *Nuitka_Frame_GetLocalsMapping(PyFrameObject *frame) { return frame->f_frame->f_locals; }

/* Link into / out of the thread's frame chain. */
/* While linked, frame_obj points back to the frame object, so that walking
 * the chain finds it. The garbage collector counts that pointer as a
 * reference (frame traversal visits it), so it holds one for real while set;
 * otherwise a running frame could look unreachable and get cleared. */
static inline void Nuitka_Frame_Push(PyThreadState *tstate, PyFrameObject *frame) {
    _PyInterpreterFrame *iframe = frame->f_frame;
    iframe->previous = tstate->cframe->current_frame;
    iframe->frame_obj = frame;
    Py_INCREF(frame);
    tstate->cframe->current_frame = iframe;
}

static inline void Nuitka_Frame_Pop(PyThreadState *tstate, PyFrameObject *frame) {
    _PyInterpreterFrame *iframe = frame->f_frame;
    tstate->cframe->current_frame = iframe->previous;
    iframe->previous = NULL;
    iframe->frame_obj = NULL;
    Py_DECREF(frame);
}

static inline int Nuitka_Frame_StackTop(PyFrameObject *frame) { return frame->f_frame->stacktop; }

#define NUITKA_RECURSION_ENTER(tstate) Py_EnterRecursiveCall("")
#define NUITKA_RECURSION_LEAVE(tstate) Py_LeaveRecursiveCall()

#else
#error "This Python version's frame layout is not supported yet (3.11 only so far)"
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
