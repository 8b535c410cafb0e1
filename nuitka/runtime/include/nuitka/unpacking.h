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

/* The same for the unpacking statement: exact tuples and lists of the
 * right size take a fast path. Out of line on purpose: a function with many
 * unpackings (one call each) keeps its code small enough for the
 * instruction cache. */
extern int Nuitka_UnpackToLocals(PyObject *v, PyObject **fl, const int *slots, Py_ssize_t count,
                                 Py_ssize_t star_index);

#endif
