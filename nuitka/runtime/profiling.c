/* sys.setprofile() events of compiled frames: see nuitka/profiling.h.
 * Like ceval's call_trace_protected: no events while the profile function
 * itself runs (tstate->tracing), and an exception being raised or thrown
 * in is kept aside during the call. */

#include "nuitka/prelude.h"

static int call_profile(PyThreadState *tstate, PyFrameObject *frame, int what, PyObject *arg) {
    Py_tracefunc func = tstate->c_profilefunc;
    if (func == NULL || tstate->tracing) {
        return 0;
    }
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *saved = PyErr_GetRaisedException();
#else
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
#endif
#if PY_VERSION_HEX >= 0x030B0000
    PyThreadState_EnterTracing(tstate);
#else
    tstate->tracing++;
    tstate->cframe->use_tracing = 0;
#endif
    int res = func(tstate->c_profileobj, frame, what, arg);
#if PY_VERSION_HEX >= 0x030B0000
    PyThreadState_LeaveTracing(tstate);
#else
    tstate->cframe->use_tracing = (tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);
    tstate->tracing--;
#endif
#if PY_VERSION_HEX >= 0x030C0000
    if (res == 0) {
        PyErr_SetRaisedException(saved);
    } else {
        Py_XDECREF(saved);
    }
#else
    if (res == 0) {
        PyErr_Restore(type, value, traceback);
    } else {
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(traceback);
    }
#endif
    return res;
}

int Nuitka_Profile_CallStart(PyThreadState *tstate, PyFrameObject *frame) {
    /* (A frame from the function's pool is where its last call ended.) */
#if PY_VERSION_HEX >= 0x030B0000
    _PyInterpreterFrame *iframe = frame->f_frame;
    NUITKA_SET_POS(iframe, NUITKA_IFRAME_CODE(iframe)->_co_firsttraceable);
#else
    frame->f_lasti = -1;
#endif
    return call_profile(tstate, frame, PyTrace_CALL, Py_None) < 0 ? -1 : 0;
}

int Nuitka_Profile_CallResume(PyThreadState *tstate, PyFrameObject *frame, int thrown) {
    PyObject *arg = Py_None;
#if PY_VERSION_HEX >= 0x030C0000 && PY_VERSION_HEX < 0x030D0000
    /* (3.12 reports throw() as PY_THROW, whose "call" has the exception.) */
    PyObject *exc = thrown ? PyErr_GetRaisedException() : NULL;
    if (exc != NULL) {
        arg = exc;
        PyErr_SetRaisedException(Py_NewRef(exc));
    }
#else
    (void)thrown;
#endif
    int res = call_profile(tstate, frame, PyTrace_CALL, arg);
#if PY_VERSION_HEX >= 0x030C0000 && PY_VERSION_HEX < 0x030D0000
    Py_XDECREF(exc);
#endif
    return res < 0 ? -1 : 0;
}

PyObject *Nuitka_Profile_Return(PyThreadState *tstate, PyFrameObject *frame, PyObject *result) {
    if (call_profile(tstate, frame, PyTrace_RETURN, result) < 0) {
        Py_XDECREF(result);
        return NULL;
    }
    return result;
}
