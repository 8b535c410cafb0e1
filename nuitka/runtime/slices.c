/* Slicing without a slice object (generated for `x[a:b]`, `x[a:b:c]`, by
 * nuitka/codegen/expressions.py and statements.py). The direct forms are
 * those of list_subscript, tuple_subscript, unicode_subscript and
 * list_ass_subscript once the slice is unpacked; they are taken only when
 * unpacking the parts runs no code (None, or exact ints) and cannot fail
 * (a zero step raises from the generic path). */

#include "nuitka/prelude.h"

/* One part as PySlice_Unpack reads it: absent/None gives `missing`; an
 * exact int is clipped to the Py_ssize_t range as _PyEval_SliceIndex does.
 * 0 when the part needs the generic path. */
static inline int slice_part(PyObject *part, Py_ssize_t missing, Py_ssize_t *out) {
    if (part == NULL || part == Py_None) {
        *out = missing;
        return 1;
    }
    if (PyLong_CheckExact(part)) {
        *out = Nuitka_Long_IsCompact(part) ? (Py_ssize_t)Nuitka_Long_CompactValue(part)
                                           : PyNumber_AsSsize_t(part, NULL); /* clips, cannot fail */
        return 1;
    }
    return 0;
}

/* The unpacked and adjusted slice for a sequence of `length`, or 0. */
static inline int unpack_slice(PyObject *lower, PyObject *upper, PyObject *step_part, Py_ssize_t length,
                        Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *count) {
    if (!slice_part(step_part, 1, step) || *step == 0) {
        return 0;
    }
    if (*step < -PY_SSIZE_T_MAX) {
        *step = -PY_SSIZE_T_MAX;
    }
    if (!slice_part(lower, *step < 0 ? PY_SSIZE_T_MAX : 0, start) ||
        !slice_part(upper, *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX, stop)) {
        return 0;
    }
    *count = PySlice_AdjustIndices(length, start, stop, *step);
    return 1;
}

static PyObject *generic_get(PyObject *container, PyObject *lower, PyObject *upper, PyObject *step) {
    PyObject *slice = PySlice_New(lower, upper, step);
    if (unlikely(slice == NULL)) {
        return NULL;
    }
    PyObject *result = PyObject_GetItem(container, slice);
    Py_DECREF(slice);
    return result;
}

PyObject *Nuitka_GetSlice(PyObject *container, PyObject *lower, PyObject *upper, PyObject *step_part) {
    Py_ssize_t start, stop, step, count;
    PyTypeObject *type = Py_TYPE(container);
    if (type == &PyList_Type) {
        if (!unpack_slice(lower, upper, step_part, PyList_GET_SIZE(container), &start, &stop, &step, &count)) {
            return generic_get(container, lower, upper, step_part);
        }
        if (step == 1) {
            return PyList_GetSlice(container, start, start + (count > 0 ? count : 0));
        }
        PyObject *result = PyList_New(count > 0 ? count : 0);
        if (unlikely(result == NULL)) {
            return NULL;
        }
        PyObject **src = ((PyListObject *)container)->ob_item;
        for (Py_ssize_t i = 0, at = start; i < count; i++, at += step) {
            PyList_SET_ITEM(result, i, Py_NewRef(src[at]));
        }
        return result;
    }
    if (type == &PyTuple_Type) {
        if (!unpack_slice(lower, upper, step_part, PyTuple_GET_SIZE(container), &start, &stop, &step, &count)) {
            return generic_get(container, lower, upper, step_part);
        }
        if (step == 1) {
            /* The whole of an exact tuple is the tuple itself. */
            return PyTuple_GetSlice(container, start, start + (count > 0 ? count : 0));
        }
        PyObject *result = PyTuple_New(count > 0 ? count : 0);
        if (unlikely(result == NULL)) {
            return NULL;
        }
        for (Py_ssize_t i = 0, at = start; i < count; i++, at += step) {
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(container, at)));
        }
        return result;
    }
    if (type == &PyUnicode_Type) {
        if (!unpack_slice(lower, upper, step_part, PyUnicode_GET_LENGTH(container), &start, &stop, &step, &count) ||
            step != 1) {
            return generic_get(container, lower, upper, step_part);
        }
        /* The whole string is the string itself, an empty one the empty
         * singleton, as unicode_subscript gives. */
        return PyUnicode_Substring(container, start, start + (count > 0 ? count : 0));
    }
    return generic_get(container, lower, upper, step_part);
}

int Nuitka_SetSlice(PyObject *container, PyObject *lower, PyObject *upper, PyObject *step_part, PyObject *value) {
    Py_ssize_t start, stop, step, count;
    /* 3.13 makes any value a sequence first, with its own message for
     * those that are not iterable: only lists and tuples directly there. */
    if (Py_IS_TYPE(container, &PyList_Type) &&
#if PY_VERSION_HEX >= 0x030D0000
        (PyList_CheckExact(value) || PyTuple_CheckExact(value)) &&
#endif
        unpack_slice(lower, upper, step_part, PyList_GET_SIZE(container), &start, &stop, &step, &count) &&
        step == 1) {
        return PyList_SetSlice(container, start, start + (count > 0 ? count : 0), value);
    }
    PyObject *slice = PySlice_New(lower, upper, step_part);
    if (unlikely(slice == NULL)) {
        return -1;
    }
    int result = PyObject_SetItem(container, slice, value);
    Py_DECREF(slice);
    return result;
}
