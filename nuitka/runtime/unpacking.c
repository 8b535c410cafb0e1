/* Unpacking without an intermediate tuple (the optimizer's lowered
 * unpacking, nuitka/optimization/unpacking.py). The checks, the iteration
 * and every error are those of Nuitka_Unpack (helpers.c, UNPACK_SEQUENCE and
 * UNPACK_EX of ceval.c); only exact tuples and lists of the right size, whose
 * items are simply taken, skip it. */

#include "nuitka/prelude.h"

int Nuitka_UnpackToArray(PyObject *v, Py_ssize_t count, Py_ssize_t star_index, PyObject **out) {
    if (star_index < 0) {
        PyObject **items = NULL;
        if (PyTuple_CheckExact(v)) {
            if (PyTuple_GET_SIZE(v) == count) {
                items = &PyTuple_GET_ITEM(v, 0);
            }
        } else if (PyList_CheckExact(v)) {
            if (PyList_GET_SIZE(v) == count) {
                items = ((PyListObject *)v)->ob_item;
            }
        }
        if (items != NULL) {
            for (Py_ssize_t i = 0; i < count; i++) {
                out[i] = Py_NewRef(items[i]);
            }
            return 0;
        }
    }
    PyObject *values = Nuitka_Unpack(v, count, star_index);
    if (values == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        out[i] = Py_NewRef(PyTuple_GET_ITEM(values, i));
    }
    Py_DECREF(values);
    return 0;
}

int Nuitka_UnpackToLocalsGeneric(PyObject *v, PyObject **fl, const int *slots, Py_ssize_t count, Py_ssize_t star_index) {
    /* Every value is taken before the first store (a failed unpacking
     * assigns nothing), then they are stored left to right, each store
     * releasing the slot's old value, as the STORE_FASTs after
     * UNPACK_SEQUENCE do. */
    PyObject *small[16];
    PyObject **values = small;
    if (count > (Py_ssize_t)(sizeof(small) / sizeof(small[0]))) {
        values = PyMem_Malloc(count * sizeof(PyObject *));
        if (values == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    int result = Nuitka_UnpackToArray(v, count, star_index, values);
    if (result == 0) {
        for (Py_ssize_t i = 0; i < count; i++) {
            PyObject *old = fl[slots[i]];
            fl[slots[i]] = values[i];
            Py_XDECREF(old);
        }
    }
    if (values != small) {
        PyMem_Free(values);
    }
    return result;
}

int Nuitka_UnpackToLocals(PyObject *v, PyObject **fl, const int *slots, Py_ssize_t count, Py_ssize_t star_index) {
    /* An exact tuple of the right size (UNPACK_SEQUENCE_TUPLE): its items
     * cannot change while an old value's __del__ runs (the caller holds v,
     * or borrows it from a local that is no target and that such code
     * cannot rebind), so they are stored one by one. A list could change:
     * the generic path takes all its items first, unless every item is
     * already in its slot. A slot that already holds its item is left
     * alone: taking the new reference and releasing the old one would
     * cancel out. */
    if (star_index < 0) {
        if (PyTuple_CheckExact(v) && PyTuple_GET_SIZE(v) == count) {
            for (Py_ssize_t i = 0; i < count; i++) {
                PyObject *item = PyTuple_GET_ITEM(v, i);
                PyObject *old = fl[slots[i]];
                if (old != item) {
                    fl[slots[i]] = Py_NewRef(item);
                    Py_XDECREF(old);
                }
            }
            return 0;
        }
        if (PyList_CheckExact(v) && PyList_GET_SIZE(v) == count) {
            Py_ssize_t i = 0;
            while (i < count && fl[slots[i]] == PyList_GET_ITEM(v, i)) {
                i++;
            }
            if (i == count) {
                return 0;
            }
        }
    }
    return Nuitka_UnpackToLocalsGeneric(v, fl, slots, count, star_index);
}
