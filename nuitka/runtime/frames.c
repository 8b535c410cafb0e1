/* Frame helpers (see nuitka/frames.h). */
#include "nuitka/prelude.h"

PyFrameObject *Nuitka_Frame_New(PyThreadState *tstate, PyCodeObject *code, PyObject *globals, PyObject *locals) {
    PyFrameObject *frame = PyFrame_New(tstate, code, globals, locals);
    if (unlikely(frame == NULL)) {
        return NULL;
    }
#if PY_VERSION_HEX < 0x030B0000
    /* 3.10's PyFrame_New links f_back to the current frame; ours is set when
     * the frame is pushed (a generator's frame may run much later). */
    Py_CLEAR(frame->f_back);
#endif
#if PY_VERSION_HEX >= 0x030D0000
    /* 3.13's PyFrame_New points past RESUME (at our first position); like a
     * frame that did not run yet, stay at RESUME (the "def" line). */
    frame->f_frame->instr_ptr = _PyCode_CODE(code) + code->_co_firsttraceable;
#endif
    return frame;
}

void Nuitka_Frame_Detach(PyFrameObject *frame) {
#if PY_VERSION_HEX >= 0x030B0000
    if (frame->f_back == NULL) {
        /* New reference, materialising the caller's frame object. */
        frame->f_back = PyFrame_GetBack(frame);
    }
#endif
}

void Nuitka_Frame_ClearLocals(PyFrameObject *frame) {
#if PY_VERSION_HEX >= 0x030B0000
    _PyInterpreterFrame *iframe = frame->f_frame;
    PyCodeObject *code = NUITKA_IFRAME_CODE(iframe);
    int n = code->co_nlocalsplus;
    for (int i = 0; i < n; i++) {
        Py_CLEAR(iframe->localsplus[i]);
    }
    if (code->co_flags & CO_OPTIMIZED) {
        Py_CLEAR(iframe->f_locals);
    }
#if PY_VERSION_HEX >= 0x030D0000
    /* PEP 667: names set through the f_locals proxy that are not local
     * variables, and the dict PyEval_GetLocals() handed out. */
    Py_CLEAR(frame->f_extra_locals);
    Py_CLEAR(frame->f_locals_cache);
#else
    frame->f_fast_as_locals = 0;
#endif
#else
    /* 3.10: also forget the caller and the position, so that a reused frame
     * starts like a new one (f_lasti -1: "not started" for generators). */
    PyCodeObject *code = frame->f_code;
    Py_ssize_t n = code->co_nlocals + PyTuple_GET_SIZE(code->co_cellvars) + PyTuple_GET_SIZE(code->co_freevars);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_CLEAR(frame->f_localsplus[i]);
    }
    if (code->co_flags & CO_OPTIMIZED) {
        Py_CLEAR(frame->f_locals);
    }
    Py_CLEAR(frame->f_back);
    frame->f_lasti = -1;
    frame->f_state = FRAME_CREATED;
#endif
}

/* Every error exit of compiled code passes here. Like the interpreter's
 * error label (release builds), an error without an exception (a C
 * function that returned NULL and set none, called directly as the
 * interpreter's specialised calls do) becomes a SystemError. */
void Nuitka_Frame_AddTraceback(PyFrameObject *frame) {
    if (unlikely(!PyErr_Occurred())) {
        PyErr_SetString(PyExc_SystemError, "error return without exception set");
    }
    PyTraceBack_Here(frame);
}
