/* frame.clear() on the frame of a compiled generator/coroutine/async
 * generator.
 *
 * CPython's frame_clear finds the generator of a frame it owns
 * (FRAME_OWNED_BY_GENERATOR; 3.10: f_gen) and finalizes it (closes it;
 * "never awaited" warning for an unstarted coroutine; the async generator
 * finalizer hook), or raises when it runs (3.13+ also when it is suspended).
 * Our generator frames are plain frame objects the generator holds, so
 * CPython's method would only clear their variables under the suspended
 * generator.  We keep a map from frame to generator for the frames that
 * escaped (gi_frame/cr_frame/ag_frame was read, or someone still holds the
 * frame when the generator suspends: sys._getframe(), tracebacks), so the
 * common case costs nothing, and put our own "clear" method on the frame
 * type that handles those frames like CPython and hands all other frames to
 * the original method. */
#include "nuitka/prelude.h"

/* {frame address: generator address} (ints: no references, the generator
 * unregisters its frame when it lets it go). */
static PyObject *registry = NULL;
static PyObject *original_clear = NULL;

int Nuitka_GeneratorFrame_Register(Nuitka_GeneratorObject *gen) {
    if (gen->frame_registered || gen->frame == NULL) {
        return 0;
    }
    if (registry == NULL) {
        registry = PyDict_New();
        if (registry == NULL) {
            return -1;
        }
    }
    PyObject *key = PyLong_FromVoidPtr(gen->frame);
    PyObject *value = key ? PyLong_FromVoidPtr(gen) : NULL;
    int res = value ? PyDict_SetItem(registry, key, value) : -1;
    Py_XDECREF(key);
    Py_XDECREF(value);
    if (res == 0) {
        gen->frame_registered = 1;
    }
    return res;
}

void Nuitka_GeneratorFrame_Unregister(Nuitka_GeneratorObject *gen, PyFrameObject *frame) {
    if (!gen->frame_registered) {
        return;
    }
    gen->frame_registered = 0;
    /* (May run while an exception is set: keep it.) */
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *key = PyLong_FromVoidPtr(frame);
    if (key == NULL || registry == NULL || PyDict_DelItem(registry, key) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(key);
    PyErr_Restore(type, value, tb);
}

static Nuitka_GeneratorObject *generator_of(PyObject *frame) {
    if (registry == NULL || PyDict_GET_SIZE(registry) == 0) {
        return NULL;
    }
    PyObject *key = PyLong_FromVoidPtr(frame);
    if (key == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *value = PyDict_GetItemWithError(registry, key); /* borrowed */
    Py_DECREF(key);
    if (value == NULL) {
        PyErr_Clear();
        return NULL;
    }
    Nuitka_GeneratorObject *gen = PyLong_AsVoidPtr(value);
    return (gen != NULL && (PyObject *)gen->frame == frame) ? gen : NULL;
}

static PyObject *frame_clear(PyObject *frame, PyObject *unused) {
    Nuitka_GeneratorObject *gen = generator_of(frame);
    if (gen == NULL) {
        return PyObject_CallOneArg(original_clear, frame);
    }
    if (gen->running) {
        PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030D0000
    if (gen->resume_point > 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot clear a suspended frame");
        return NULL;
    }
#endif
    /* _PyGen_Finalize (the generator type's tp_finalize). */
    Py_INCREF(gen);
    Py_TYPE(gen)->tp_finalize((PyObject *)gen);
    Py_DECREF(gen);
#if PY_VERSION_HEX < 0x030B0000
    /* 3.10 then clears the frame itself (it no longer runs). */
    return PyObject_CallOneArg(original_clear, frame);
#else
    Py_RETURN_NONE;
#endif
}

static PyMethodDef frame_clear_def = {"clear", frame_clear, METH_NOARGS, NULL};

int Nuitka_GeneratorFrames_Init(void) {
    if (original_clear != NULL) {
        return 0;
    }
    PyObject *name = PyUnicode_InternFromString("clear");
    if (name == NULL) {
        return -1;
    }
    /* (Looked up through the type: 3.12+ keep static builtin types' dicts in
     * the interpreter state.) */
    original_clear = _PyType_Lookup(&PyFrame_Type, name);
    if (original_clear == NULL) {
        Py_DECREF(name);
        PyErr_SetString(PyExc_SystemError, "frame.clear not found");
        return -1;
    }
    Py_INCREF(original_clear);
    /* Same documentation as the original. */
    PyObject *doc = PyObject_GetAttrString(original_clear, "__doc__");
    if (doc != NULL && PyUnicode_Check(doc)) {
        frame_clear_def.ml_doc = PyUnicode_AsUTF8(doc); /* kept forever */
    } else {
        Py_XDECREF(doc);
        PyErr_Clear();
    }
    PyObject *descr = PyDescr_NewMethod(&PyFrame_Type, &frame_clear_def);
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *dict = descr ? PyType_GetDict(&PyFrame_Type) : NULL;
#else
    PyObject *dict = descr ? Py_XNewRef(PyFrame_Type.tp_dict) : NULL;
#endif
    int res = dict ? PyDict_SetItem(dict, name, descr) : -1;
    Py_XDECREF(dict);
    Py_XDECREF(descr);
    Py_DECREF(name);
    if (res == 0) {
        PyType_Modified(&PyFrame_Type);
    }
    return res;
}
