/* Direct C operations for predicted builtin calls (the optimizer's builtin
 * prediction, nuitka/optimization/builtins.py; code generation in
 * nuitka/codegen/builtin_calls.py).
 *
 * Generated code loads the callee as usual, then guards with
 * NUITKA_IS_BUILTIN(callee, len): only when the loaded object is the
 * original builtin does it call Nuitka_BI_len(callee, args, nargs) instead of
 * calling the callee. Each Nuitka_BI_xxx produces exactly what the builtin
 * would (result, exception, message); where an argument is of a kind it has
 * no direct form for, it calls the builtin itself (`builtin`). */
#ifndef NUITKA_BUILTINS_DIRECT_H
#define NUITKA_BUILTINS_DIRECT_H

#include <math.h>

/* The builtins that have direct forms: functions first (found in the
 * builtins module at start-up), then types. */
#define NUITKA_BUILTIN_FUNCTIONS(X)                                                                                    \
    X(len) X(isinstance) X(issubclass) X(iter) X(next) X(abs) X(min) X(max) X(hasattr) X(getattr) X(ord) X(chr)        \
        X(repr) X(hash) X(callable) X(divmod) X(pow) X(sum) X(any) X(all) X(sorted)
#define NUITKA_BUILTIN_TYPES(X)                                                                                        \
    X(type, PyType_Type) X(range, PyRange_Type) X(enumerate, PyEnum_Type) X(zip, PyZip_Type)                          \
        X(str, PyUnicode_Type) X(int, PyLong_Type) X(float, PyFloat_Type) X(bool, PyBool_Type)                        \
            X(tuple, PyTuple_Type) X(list, PyList_Type) X(set, PySet_Type) X(dict, PyDict_Type)     \
                X(frozenset, PyFrozenSet_Type)

#define NUITKA_BUILTIN_ENUM_F(name) NUITKA_BUILTIN_##name,
#define NUITKA_BUILTIN_ENUM_T(name, type) NUITKA_BUILTIN_##name,
enum {
    NUITKA_BUILTIN_FUNCTIONS(NUITKA_BUILTIN_ENUM_F) NUITKA_BUILTIN_TYPES(NUITKA_BUILTIN_ENUM_T) NUITKA_BUILTIN_COUNT
};
#undef NUITKA_BUILTIN_ENUM_F
#undef NUITKA_BUILTIN_ENUM_T

/* The original builtin objects (NULL where the builtins module did not hold
 * the real one when a compiled module was first loaded: never matches). */
extern PyObject *Nuitka_BuiltinOriginals[NUITKA_BUILTIN_COUNT];
/* Fills Nuitka_BuiltinOriginals (every compiled module's exec calls it;
 * cheap once filled). -1 with an exception set on error. */
extern int Nuitka_InitBuiltinOriginals(void);

#define NUITKA_IS_BUILTIN(callee, name) ((callee) == Nuitka_BuiltinOriginals[NUITKA_BUILTIN_##name])

/* The builtin itself, for arguments without a direct form. */
static inline PyObject *Nuitka_BI_Call(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyObject_Vectorcall(builtin, args, (size_t)nargs, NULL);
}

static inline PyObject *Nuitka_BI_len(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *o = args[0];
    Py_ssize_t size;
    if (PyList_CheckExact(o)) {
        size = PyList_GET_SIZE(o);
    } else if (PyTuple_CheckExact(o)) {
        size = PyTuple_GET_SIZE(o);
    } else {
        size = PyObject_Size(o);
        if (size < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(size);
}

static inline PyObject *Nuitka_BI_isinstance(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    int r = Py_IS_TYPE(args[0], (PyTypeObject *)args[1]) ? 1 : PyObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
}

static inline PyObject *Nuitka_BI_issubclass(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    int r = PyObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
}

static inline PyObject *Nuitka_BI_type(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return Py_NewRef((PyObject *)Py_TYPE(args[0]));
}

/* range, enumerate, zip: the type's own vectorcall. */
static inline PyObject *Nuitka_BI_range(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyRange_Type.tp_vectorcall ? PyRange_Type.tp_vectorcall(builtin, args, (size_t)nargs, NULL)
                                      : Nuitka_BI_Call(builtin, args, nargs);
}
static inline PyObject *Nuitka_BI_enumerate(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyEnum_Type.tp_vectorcall ? PyEnum_Type.tp_vectorcall(builtin, args, (size_t)nargs, NULL)
                                     : Nuitka_BI_Call(builtin, args, nargs);
}
static inline PyObject *Nuitka_BI_zip(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyZip_Type.tp_vectorcall ? PyZip_Type.tp_vectorcall(builtin, args, (size_t)nargs, NULL)
                                    : Nuitka_BI_Call(builtin, args, nargs);
}

/* iter(range(...)) with int arguments that fit a C long: the iterator
 * range_iter/fast_range_iter of rangeobject.c would make, without the range
 * object; anything else (other argument types, a zero step, a length
 * beyond a C long) through the range object. */
static inline unsigned long Nuitka_RangeLength(long lo, long hi, long step) {
    if (step > 0 && lo < hi) {
        return 1UL + (hi - 1UL - lo) / step;
    }
    if (step < 0 && lo > hi) {
        return 1UL + (lo - 1UL - hi) / (0UL - step);
    }
    return 0UL;
}

static inline PyObject *Nuitka_BI_IterRange(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    long values[3] = {0, 0, 1};
    int fits = 1;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        int overflow;
        if (!PyLong_CheckExact(args[i])) {
            fits = 0;
            break;
        }
        values[i] = PyLong_AsLongAndOverflow(args[i], &overflow);
        if (overflow) {
            fits = 0;
            break;
        }
    }
    if (fits) {
        long start = 0, stop = values[0], step = 1;
        if (nargs > 1) {
            start = values[0];
            stop = values[1];
            step = nargs > 2 ? values[2] : 1;
        }
        if (step != 0) {
            unsigned long length = Nuitka_RangeLength(start, stop, step);
            if (length <= (unsigned long)LONG_MAX) {
                Nuitka_RangeIterObject *it = PyObject_New(Nuitka_RangeIterObject, &PyRangeIter_Type);
                if (it == NULL) {
                    return NULL;
                }
#if PY_VERSION_HEX < 0x030C0000
                it->index = 0;
#endif
                it->start = start;
                it->step = step;
                it->len = (long)length;
                return (PyObject *)it;
            }
        }
    }
    PyObject *range = Nuitka_BI_range(builtin, args, nargs);
    if (range == NULL) {
        return NULL;
    }
    PyObject *iterator = PyObject_GetIter(range);
    Py_DECREF(range);
    return iterator;
}

static inline PyObject *Nuitka_BI_iter(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyObject_GetIter(args[0]);
}

/* builtin_next of bltinmodule.c. */
static inline PyObject *Nuitka_BI_next(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *it = args[0];
    if (unlikely(!PyIter_Check(it))) {
        return Nuitka_BI_Call(builtin, args, nargs); /* its TypeError */
    }
    PyObject *result = (*Py_TYPE(it)->tp_iternext)(it);
    if (result != NULL) {
        return result;
    }
    if (nargs > 1) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
        return Py_NewRef(args[1]);
    }
    if (!PyErr_Occurred()) {
        PyErr_SetNone(PyExc_StopIteration);
    }
    return NULL;
}

static inline PyObject *Nuitka_BI_abs(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *x = args[0];
    if (PyFloat_CheckExact(x)) {
        return PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(x)));
    }
    return PyNumber_Absolute(x);
}

/* min/max of two or more positional arguments: the first of the smallest
 * (largest), comparing each next one with the current one as min_max of
 * bltinmodule.c does. */
static inline PyObject *Nuitka_BI_MinMax(PyObject *const *args, Py_ssize_t nargs, int op) {
    PyObject *best = args[0];
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *item = args[i];
        int cmp;
        if (PyFloat_CheckExact(item) && PyFloat_CheckExact(best)) {
            double a = PyFloat_AS_DOUBLE(item), b = PyFloat_AS_DOUBLE(best);
            cmp = op == Py_LT ? a < b : a > b;
        } else {
            cmp = PyObject_RichCompareBool(item, best, op);
            if (cmp < 0) {
                return NULL;
            }
        }
        if (cmp > 0) {
            best = item;
        }
    }
    return Py_NewRef(best);
}
static inline PyObject *Nuitka_BI_min(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return Nuitka_BI_MinMax(args, nargs, Py_LT);
}
static inline PyObject *Nuitka_BI_max(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return Nuitka_BI_MinMax(args, nargs, Py_GT);
}

static inline PyObject *Nuitka_BI_hasattr(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    if (!PyUnicode_CheckExact(args[1])) {
        return Nuitka_BI_Call(builtin, args, nargs);
    }
    PyObject *value;
    int r = _PyObject_LookupAttr(args[0], args[1], &value);
    if (r < 0) {
        return NULL;
    }
    Py_XDECREF(value);
    return Py_NewRef(r ? Py_True : Py_False);
}

static inline PyObject *Nuitka_BI_getattr(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    if (!PyUnicode_CheckExact(args[1])) {
        return Nuitka_BI_Call(builtin, args, nargs);
    }
    if (nargs == 2) {
        return PyObject_GetAttr(args[0], args[1]);
    }
    PyObject *value;
    if (_PyObject_LookupAttr(args[0], args[1], &value) == 0) {
        return Py_NewRef(args[2]);
    }
    return value;
}

static inline PyObject *Nuitka_BI_str(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *x = args[0];
    if (PyUnicode_CheckExact(x)) {
        return Py_NewRef(x);
    }
    if (PyLong_CheckExact(x) || PyFloat_CheckExact(x)) {
        return PyObject_Str(x);
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

static inline PyObject *Nuitka_BI_int(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *x = args[0];
    if (PyLong_CheckExact(x)) {
        return Py_NewRef(x);
    }
    if (PyFloat_CheckExact(x)) {
        return PyNumber_Long(x);
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

static inline PyObject *Nuitka_BI_float(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *x = args[0];
    if (PyFloat_CheckExact(x)) {
        return Py_NewRef(x);
    }
    if (PyLong_CheckExact(x)) {
        return PyNumber_Float(x);
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

static inline PyObject *Nuitka_BI_bool(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    int r = PyObject_IsTrue(args[0]);
    return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
}

static inline PyObject *Nuitka_BI_tuple(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs == 0) {
        return PyTuple_New(0);
    }
    PyObject *x = args[0];
    if (PyTuple_CheckExact(x)) {
        return Py_NewRef(x);
    }
    if (PyList_CheckExact(x)) {
        return PyList_AsTuple(x);
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

static inline PyObject *Nuitka_BI_list(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs == 0) {
        return PyList_New(0);
    }
    PyObject *x = args[0];
    if (PyList_CheckExact(x) || PyTuple_CheckExact(x)) {
        return PySequence_List(x);
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

/* set(iterable) is PySet_New of it, for any iterable (make_new_set). */
static inline PyObject *Nuitka_BI_set(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PySet_New(nargs == 0 ? NULL : args[0]);
}

static inline PyObject *Nuitka_BI_dict(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs == 0) {
        return PyDict_New();
    }
    if (PyDict_CheckExact(args[0])) {
        return PyDict_Copy(args[0]);
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

static inline PyObject *Nuitka_BI_ord(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *x = args[0];
    if (PyUnicode_CheckExact(x) && PyUnicode_GetLength(x) == 1) {
        return PyLong_FromLong((long)PyUnicode_ReadChar(x, 0));
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

static inline PyObject *Nuitka_BI_chr(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *x = args[0];
    if (PyLong_CheckExact(x)) {
        int overflow;
        long value = PyLong_AsLongAndOverflow(x, &overflow);
        if (!overflow && value >= 0 && value <= 0x10ffff) {
            return PyUnicode_FromOrdinal((int)value);
        }
    }
    return Nuitka_BI_Call(builtin, args, nargs);
}

static inline PyObject *Nuitka_BI_repr(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyObject_Repr(args[0]);
}

static inline PyObject *Nuitka_BI_hash(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    Py_hash_t hash = PyObject_Hash(args[0]);
    return hash == -1 ? NULL : PyLong_FromSsize_t(hash);
}

static inline PyObject *Nuitka_BI_callable(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return Py_NewRef(PyCallable_Check(args[0]) ? Py_True : Py_False);
}

static inline PyObject *Nuitka_BI_divmod(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyNumber_Divmod(args[0], args[1]);
}

static inline PyObject *Nuitka_BI_pow(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyNumber_Power(args[0], args[1], nargs > 2 ? args[2] : Py_None);
}

/* Truth values of some of them, for conditions (no bool object): 1, 0 or
 * -1 with an exception set. */
static inline int Nuitka_BIF_isinstance(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return Py_IS_TYPE(args[0], (PyTypeObject *)args[1]) ? 1 : PyObject_IsInstance(args[0], args[1]);
}
static inline int Nuitka_BIF_issubclass(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyObject_IsSubclass(args[0], args[1]);
}
static inline int Nuitka_BIF_callable(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyCallable_Check(args[0]);
}
static inline int Nuitka_BIF_hasattr(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    if (!PyUnicode_CheckExact(args[1])) {
        PyObject *result = Nuitka_BI_Call(builtin, args, nargs);
        return result == NULL ? -1 : Nuitka_TakeTruth(result);
    }
    PyObject *value;
    int r = _PyObject_LookupAttr(args[0], args[1], &value);
    Py_XDECREF(value);
    return r;
}
static inline int Nuitka_BIF_bool(PyObject *builtin, PyObject *const *args, Py_ssize_t nargs) {
    return PyObject_IsTrue(args[0]);
}

#endif
