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

/* Like CPython's _imp._fix_co_filename for a module loaded from a .pyc that
 * was compiled elsewhere: the code objects name the file the module is
 * loaded from (its __file__), not the path the source had at compile time,
 * so tracebacks, frame reprs and linecache agree with __file__ wherever the
 * compiled module or program was moved.  Nested code objects are fixed by
 * the CPython function itself; code already naming __file__ is untouched. */
int Nuitka_FixCodeFilenames(PyObject *module, PyObject **consts, Py_ssize_t count) {
    PyObject *file = PyObject_GetAttrString(module, "__file__");
    if (file == NULL) {
        PyErr_Clear();
        return 0;
    }
    int res = 0;
    PyObject *fix = NULL;
    if (PyUnicode_CheckExact(file)) {
        for (Py_ssize_t i = 0; i < count && res == 0; i++) {
            PyObject *value = consts[i];
            if (!PyCode_Check(value)) {
                continue;
            }
            int same = PyUnicode_Compare(((PyCodeObject *)value)->co_filename, file);
            if (same == 0) {
                continue;
            }
            if (fix == NULL) {
                PyObject *imp = PyImport_ImportModule("_imp");
                fix = imp ? PyObject_GetAttrString(imp, "_fix_co_filename") : NULL;
                Py_XDECREF(imp);
                if (fix == NULL) {
                    res = -1;
                    break;
                }
            }
            PyObject *done = PyObject_CallFunctionObjArgs(fix, value, file, NULL);
            res = done ? 0 : -1;
            Py_XDECREF(done);
        }
    }
    Py_XDECREF(fix);
    Py_DECREF(file);
    return res;
}
