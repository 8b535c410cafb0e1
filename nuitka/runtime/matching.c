/* Structural pattern matching (PEP 634) primitives.
 *
 * These follow CPython's Python/ceval.c (match_keys, match_class,
 * match_class_attr and the GET_LEN / DICT_UPDATE / DELETE_SUBSCR sequence
 * the compiler emits for "**rest"), so lookups happen in the same order and
 * errors carry the same messages. */
#include "nuitka/prelude.h"
#include "nuitka/matching.h"

#ifndef _Py_TPFLAGS_MATCH_SELF
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#endif

PyObject *Nuitka_MatchLen(PyObject *subject) {
    Py_ssize_t len = PyObject_Length(subject);
    if (len < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(len);
}

PyObject *Nuitka_MatchKeys(PyObject *subject, PyObject *keys) {
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (nkeys == 0) {
        /* No keys, nothing to look up (not even "get"). */
        return PyTuple_New(0);
    }
    PyObject *seen = NULL;
    PyObject *dummy = NULL;
    PyObject *values = NULL;
    /* The two-argument get() checks and fetches at once and does not make
     * defaultdict-like mappings create the key (__missing__). */
    PyObject *get = PyObject_GetAttrString(subject, "get");
    if (get == NULL) {
        goto fail;
    }
    seen = PySet_New(NULL);
    if (seen == NULL) {
        goto fail;
    }
    dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (dummy == NULL) {
        goto fail;
    }
    values = PyTuple_New(nkeys);
    if (values == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        /* Keys from value patterns can only be compared at run time. */
        if (PySet_Contains(seen, key) || PySet_Add(seen, key)) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            }
            goto fail;
        }
        PyObject *args[2] = {key, dummy};
        PyObject *value = PyObject_Vectorcall(get, args, 2, NULL);
        if (value == NULL) {
            goto fail;
        }
        if (value == dummy) {
            Py_DECREF(value);
            Py_DECREF(values);
            values = Py_NewRef(Py_None);
            break;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(dummy);
    Py_XDECREF(values);
    return NULL;
}

/* One attribute for a class pattern; NULL without an error when it is
 * missing (no match). */
static PyObject *match_class_attr(PyObject *subject, PyObject *type, PyObject *name, PyObject *seen) {
    if (PySet_Contains(seen, name) || PySet_Add(seen, name)) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         ((PyTypeObject *)type)->tp_name, name);
        }
        return NULL;
    }
    PyObject *attr = PyObject_GetAttr(subject, name);
    if (attr == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
    }
    return attr;
}

PyObject *Nuitka_MatchClass(PyObject *subject, PyObject *type, Py_ssize_t nargs, PyObject *kwnames) {
    if (!PyType_Check(type)) {
#if PY_VERSION_HEX >= 0x030C0000
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a class");
#else
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a type");
#endif
        return NULL;
    }
    int is_instance = PyObject_IsInstance(subject, type);
    if (is_instance < 0) {
        return NULL;
    }
    if (is_instance == 0) {
        return Py_NewRef(Py_None);
    }
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        return NULL;
    }
    PyObject *attrs = PyList_New(0);
    if (attrs == NULL) {
        Py_DECREF(seen);
        return NULL;
    }
    PyObject *match_args = NULL;
    if (nargs) {
        int match_self = 0;
        match_args = PyObject_GetAttrString(type, "__match_args__");
        if (match_args != NULL) {
            if (!PyTuple_CheckExact(match_args)) {
                PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            /* bool, bytearray, bytes, dict, float, frozenset, int, list,
             * set, str and tuple match themselves with one positional
             * sub-pattern, unless they define __match_args__. */
            match_args = PyTuple_New(0);
            if (match_args == NULL) {
                goto fail;
            }
            match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
        } else {
            goto fail;
        }
        Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            PyErr_Format(PyExc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                         ((PyTypeObject *)type)->tp_name, (int)allowed, allowed == 1 ? "" : "s", (int)nargs);
            goto fail;
        }
        if (match_self) {
            if (PyList_Append(attrs, subject) < 0) {
                goto fail;
            }
        } else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings (got %s)",
                                 Py_TYPE(name)->tp_name);
                    goto fail;
                }
                PyObject *attr = match_class_attr(subject, type, name, seen);
                if (attr == NULL) {
                    goto fail;
                }
                int res = PyList_Append(attrs, attr);
                Py_DECREF(attr);
                if (res < 0) {
                    goto fail;
                }
            }
        }
        Py_CLEAR(match_args);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
        PyObject *attr = match_class_attr(subject, type, PyTuple_GET_ITEM(kwnames, i), seen);
        if (attr == NULL) {
            goto fail;
        }
        int res = PyList_Append(attrs, attr);
        Py_DECREF(attr);
        if (res < 0) {
            goto fail;
        }
    }
    Py_SETREF(attrs, PyList_AsTuple(attrs));
    Py_DECREF(seen);
    return attrs;
fail:
    Py_XDECREF(match_args);
    Py_DECREF(seen);
    Py_DECREF(attrs);
    /* A missing attribute is no match; anything else is an error. */
    if (PyErr_Occurred()) {
        return NULL;
    }
    return Py_NewRef(Py_None);
}

PyObject *Nuitka_MatchRest(PyObject *subject, PyObject *keys) {
    PyObject *rest = PyDict_New();
    if (rest == NULL) {
        return NULL;
    }
    if (PyDict_Update(rest, subject) < 0) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(subject)->tp_name);
        }
        Py_DECREF(rest);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(keys); i++) {
        if (PyObject_DelItem(rest, PyTuple_GET_ITEM(keys, i)) < 0) {
            Py_DECREF(rest);
            return NULL;
        }
    }
    return rest;
}
