/* Class bodies with variable annotations (CPython's SETUP_ANNOTATIONS). */
#include "nuitka/prelude.h"

/* Create ``__annotations__`` in the class namespace unless it is there
 * already: a metaclass's __prepare__ may return a mapping that provides one
 * (or stores keys its own way), and that one must be used. */
int Nuitka_SetupAnnotations(PyObject *ns) {
    static PyObject *name = NULL;
    if (name == NULL) {
        name = PyUnicode_InternFromString("__annotations__");
        if (name == NULL) {
            return -1;
        }
    }
    if (PyDict_CheckExact(ns)) {
        PyObject *existing = PyDict_GetItemWithError(ns, name);
        if (existing != NULL) {
            return 0;
        }
        if (PyErr_Occurred()) {
            return -1;
        }
        PyObject *dict = PyDict_New();
        if (dict == NULL) {
            return -1;
        }
        int res = PyDict_SetItem(ns, name, dict);
        Py_DECREF(dict);
        return res;
    }
    PyObject *existing = PyObject_GetItem(ns, name);
    if (existing != NULL) {
        Py_DECREF(existing);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
        return -1;
    }
    PyErr_Clear();
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return -1;
    }
    int res = PyObject_SetItem(ns, name, dict);
    Py_DECREF(dict);
    return res;
}
