/* Frame helpers (see nuitka/frames.h). */
#include "nuitka/prelude.h"

PyFrameObject *Nuitka_Frame_New(PyThreadState *tstate, PyCodeObject *code, PyObject *globals, PyObject *locals) {
    PyFrameObject *frame = PyFrame_New(tstate, code, globals, locals);
    if (unlikely(frame == NULL)) {
        return NULL;
    }
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
    int n = iframe->f_code->co_nlocalsplus;
    for (int i = 0; i < n; i++) {
        Py_CLEAR(iframe->localsplus[i]);
    }
    if (iframe->f_code->co_flags & CO_OPTIMIZED) {
        Py_CLEAR(iframe->f_locals);
    }
    frame->f_fast_as_locals = 0;
#endif
}

void Nuitka_Frame_AddTraceback(PyFrameObject *frame) { PyTraceBack_Here(frame); }
