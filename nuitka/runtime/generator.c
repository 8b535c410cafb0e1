/* Compiled generator type (see nuitka/generator.h). */
#include "nuitka/prelude.h"

PyTypeObject Nuitka_Generator_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "generator",
    sizeof(Nuitka_GeneratorObject),
};

PyObject *Nuitka_Generator_New(Nuitka_FunctionObject *func, PyFrameObject *frame) {
    Py_DECREF(frame);
    PyErr_SetString(PyExc_NotImplementedError, "compiled generators are not implemented yet");
    return NULL;
}
