/* Unpacking without an intermediate tuple (runtime/unpacking.c). */
#ifndef NUITKA_UNPACKING_H
#define NUITKA_UNPACKING_H

/* Unpacks v like UNPACK_SEQUENCE (star_index < 0) or UNPACK_EX into `count`
 * new references in out[] (the starred one a list); -1 with nothing held on
 * error. */
extern int Nuitka_UnpackToArray(PyObject *v, Py_ssize_t count, Py_ssize_t star_index, PyObject **out);
/* The same, then stores the values in fl[slots[0]], fl[slots[1]], ... in
 * order, releasing the old values. Nothing is stored on error. */
extern int Nuitka_UnpackToLocalsGeneric(PyObject *v, PyObject **fl, const int *slots, Py_ssize_t count,
                                        Py_ssize_t star_index);

static inline int Nuitka_UnpackToLocals(PyObject *v, PyObject **fl, const int *slots, Py_ssize_t count,
                                        Py_ssize_t star_index) {
    /* An exact tuple of the right size (UNPACK_SEQUENCE_TUPLE): its items
     * cannot change while an old value's __del__ runs (the caller holds v),
     * so they are stored one by one. A list could change: the generic path
     * takes all its items first. */
    if (star_index < 0 && PyTuple_CheckExact(v) && PyTuple_GET_SIZE(v) == count) {
        for (Py_ssize_t i = 0; i < count; i++) {
            PyObject *old = fl[slots[i]];
            fl[slots[i]] = Py_NewRef(PyTuple_GET_ITEM(v, i));
            Py_XDECREF(old);
        }
        return 0;
    }
    return Nuitka_UnpackToLocalsGeneric(v, fl, slots, count, star_index);
}

#endif
