/* Module support: constants loading. */
#include "nuitka/prelude.h"
#include <marshal.h>

int Nuitka_LoadConstants(const unsigned char *blob, Py_ssize_t size, PyObject **out, Py_ssize_t count) {
    PyObject *consts = PyMarshal_ReadObjectFromString((const char *)blob, size);
    if (consts == NULL) {
        return -1;
    }
    if (!PyTuple_Check(consts) || PyTuple_GET_SIZE(consts) != count) {
        Py_DECREF(consts);
        PyErr_SetString(PyExc_SystemError, "corrupt constants blob");
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *value = PyTuple_GET_ITEM(consts, i);
        if (PyUnicode_CheckExact(value)) {
            Py_INCREF(value);
            PyUnicode_InternInPlace(&value);
            out[i] = value;
        } else {
            out[i] = Py_NewRef(value);
        }
    }
    /* The tuple is kept alive forever with the constants. */
    return 0;
}
