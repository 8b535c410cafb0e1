/* Slicing without a slice object (runtime/slices.c). */
#ifndef NUITKA_SLICES_H
#define NUITKA_SLICES_H

/* container[lower:upper:step] as BUILD_SLICE + BINARY_SUBSCR (NULL parts
 * are absent): exact lists, tuples and str with parts that are None or exact
 * ints are sliced directly; anything else builds the slice object and
 * subscripts with it. */
extern PyObject *Nuitka_GetSlice(PyObject *container, PyObject *lower, PyObject *upper, PyObject *step);
/* container[lower:upper:step] = value (value not NULL) the same way: exact
 * lists with a step of None or 1 directly. */
extern int Nuitka_SetSlice(PyObject *container, PyObject *lower, PyObject *upper, PyObject *step, PyObject *value);

#endif
