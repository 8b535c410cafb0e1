/* Exception groups (PEP 654).
 *
 * - try/except*: the operations CHECK_EG_MATCH and PREP_RERAISE_STAR of
 *   CPython's interpreter (Python/ceval.c exception_group_match(),
 *   check_except_star_type_valid(); Objects/exceptions.c
 *   _PyExc_PrepReraiseStar(), which we call).

 * (Compiled functions are exact functions, so BaseExceptionGroup.split()
 * and subgroup() accept them as predicates as they are.)
 */
#include "nuitka/prelude.h"
#include "nuitka/exception_groups.h"

#if PY_VERSION_HEX >= 0x030B0000

#if PY_VERSION_HEX >= 0x030C0000
/* Public (unstable) API since 3.12. */
#define NUITKA_PREP_RERAISE_STAR PyUnstable_Exc_PrepReraiseStar
#else
/* 3.11 declares _PyExc_PrepReraiseStar() but its shared library does not
 * export it: we do the same work below (prep_reraise_star()). */
static PyObject *prep_reraise_star(PyObject *orig, PyObject *excs);
#define NUITKA_PREP_RERAISE_STAR prep_reraise_star
#endif


/* ---- except* ------------------------------------------------------------- */

static int check_except_star_type_valid(PyThreadState *tstate, PyObject *match_type) {
    /* check_except_type_valid() then the rejection of exception groups. */
    int is_subclass = 0;
    if (PyTuple_Check(match_type)) {
        Py_ssize_t length = PyTuple_GET_SIZE(match_type);
        for (Py_ssize_t i = 0; i < length; i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(match_type, i))) {
                goto bad_class;
            }
        }
        for (Py_ssize_t i = 0; i < length; i++) {
            is_subclass = PyObject_IsSubclass(PyTuple_GET_ITEM(match_type, i), PyExc_BaseExceptionGroup);
            if (is_subclass < 0) {
                return -1;
            }
            if (is_subclass) {
                break;
            }
        }
    } else {
        if (!PyExceptionClass_Check(match_type)) {
            goto bad_class;
        }
        is_subclass = PyObject_IsSubclass(match_type, PyExc_BaseExceptionGroup);
        if (is_subclass < 0) {
            return -1;
        }
    }
    if (is_subclass) {
        PyErr_SetString(PyExc_TypeError,
                        "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
bad_class:
    PyErr_SetString(PyExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static int exception_group_match(PyObject *exc_value, PyObject *match_type, PyObject **match, PyObject **rest) {
    /* As exception_group_match() in ceval.c; new references in both. */
    if (exc_value == Py_None) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        if (PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
            *match = Py_NewRef(exc_value);
        } else {
            /* A naked exception: wrapped like _PyExc_CreateExceptionGroup()
             * does, in BaseExceptionGroup("", (exc,)), which picks
             * ExceptionGroup when exc is an Exception. */
            PyObject *wrapped = PyObject_CallFunction(PyExc_BaseExceptionGroup, "s(O)", "", exc_value);
            if (wrapped == NULL) {
                return -1;
            }
            *match = wrapped;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL) {
            return -1;
        }
        /* CPython only asserts this before 3.14 (a split() override can
         * break it); these are 3.14's errors. */
        if (!PyTuple_CheckExact(pair)) {
            PyErr_Format(PyExc_TypeError, "%.200s.split must return a tuple, not %.200s", Py_TYPE(exc_value)->tp_name,
                         Py_TYPE(pair)->tp_name);
            Py_DECREF(pair);
            return -1;
        }
        if (PyTuple_GET_SIZE(pair) < 2) {
            PyErr_Format(PyExc_TypeError, "%.200s.split must return a 2-tuple, got tuple of size %zd",
                         Py_TYPE(exc_value)->tp_name, PyTuple_GET_SIZE(pair));
            Py_DECREF(pair);
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(Py_None);
    return 0;
}

int Nuitka_ExceptionGroupMatch(PyThreadState *tstate, PyObject **rest, PyObject *match_type, PyObject **match) {
    if (check_except_star_type_valid(tstate, match_type) < 0) {
        return -1;
    }
    PyObject *new_match, *new_rest;
    if (exception_group_match(*rest, match_type, &new_match, &new_rest) < 0) {
        return -1;
    }
    if (new_match == Py_None) {
        Py_DECREF(new_rest);
    } else {
        Py_SETREF(*rest, new_rest);
        /* CHECK_EG_MATCH: the clause runs with the match as sys.exc_info(). */
        Nuitka_SetHandledException(tstate, Py_NewRef(new_match));
    }
    *match = new_match;
    return 0;
}

PyObject *Nuitka_PrepReraiseStar(PyObject *orig, PyObject *raised, PyObject *rest) {
    if (PyList_Append(raised, rest) < 0) {
        return NULL;
    }
    return NUITKA_PREP_RERAISE_STAR(orig, raised);
}

#if PY_VERSION_HEX < 0x030C0000
/* As _PyExc_PrepReraiseStar() in Objects/exceptions.c. */

static PyObject *make_c_function(vectorcallfunc impl, PyObject *data) {
    /* An exact function object (so CPython accepts it where it insists on
     * PyFunction_Check) whose calls run ``impl``; ``data`` is kept as its
     * only "default". Its (empty) code object never runs. */
    static PyObject *code, *globals;
    if (code == NULL) {
        code = (PyObject *)PyCode_NewEmpty("<nuitka>", "<nuitka>", 0);
        globals = PyDict_New();
        if (code == NULL || globals == NULL) {
            Py_CLEAR(code);
            Py_CLEAR(globals);
            return NULL;
        }
    }
    PyObject *result = PyFunction_New(code, globals);
    if (result == NULL) {
        return NULL;
    }
    PyObject *holder = PyTuple_Pack(1, data);
    if (holder == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_XSETREF(((PyFunctionObject *)result)->func_defaults, holder);
    ((PyFunctionObject *)result)->vectorcall = impl;
    return result;
}

#define C_FUNCTION_DATA(callable) PyTuple_GET_ITEM(((PyFunctionObject *)(callable))->func_defaults, 0)

static int is_same_exception_metadata(PyObject *exc1, PyObject *exc2) {
    PyBaseExceptionObject *e1 = (PyBaseExceptionObject *)exc1;
    PyBaseExceptionObject *e2 = (PyBaseExceptionObject *)exc2;
    return e1->notes == e2->notes && e1->traceback == e2->traceback && e1->cause == e2->cause &&
           e1->context == e2->context;
}

static int collect_leaf_ids(PyObject *exc, PyObject *leaf_ids) {
    if (exc == Py_None) {
        return 0;
    }
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *exc_id = PyLong_FromVoidPtr(exc);
        if (exc_id == NULL) {
            return -1;
        }
        int res = PySet_Add(leaf_ids, exc_id);
        Py_DECREF(exc_id);
        return res;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids")) {
            return -1;
        }
        int res = collect_leaf_ids(PyTuple_GET_ITEM(excs, i), leaf_ids);
        Py_LeaveRecursiveCall();
        if (res < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *leaf_id_matcher(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    /* CPython's EXCEPTION_GROUP_MATCH_INSTANCE_IDS: leaves whose id is in
     * the set; groups never match themselves. */
    PyObject *exc = args[0];
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        Py_RETURN_FALSE;
    }
    PyObject *exc_id = PyLong_FromVoidPtr(exc);
    if (exc_id == NULL) {
        return NULL;
    }
    int res = PySet_Contains(C_FUNCTION_DATA(callable), exc_id);
    Py_DECREF(exc_id);
    if (res < 0) {
        return NULL;
    }
    return Py_NewRef(res ? Py_True : Py_False);
}

static PyObject *exception_group_projection(PyObject *eg, PyObject *keep) {
    /* The part of eg made of the leaves found in the groups of ``keep``,
     * through BaseExceptionGroup.subgroup() itself (not an override). */
    PyObject *leaf_ids = PySet_New(NULL);
    if (leaf_ids == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keep); i++) {
        if (collect_leaf_ids(PyList_GET_ITEM(keep, i), leaf_ids) < 0) {
            Py_DECREF(leaf_ids);
            return NULL;
        }
    }
    PyObject *matcher = make_c_function(leaf_id_matcher, leaf_ids);
    Py_DECREF(leaf_ids);
    if (matcher == NULL) {
        return NULL;
    }
    /* BaseExceptionGroup's own method descriptor, called unbound. */
    static PyObject *subgroup_name = NULL;
    if (subgroup_name == NULL && (subgroup_name = PyUnicode_InternFromString("subgroup")) == NULL) {
        Py_DECREF(matcher);
        return NULL;
    }
    PyObject *subgroup = _PyType_Lookup((PyTypeObject *)PyExc_BaseExceptionGroup, subgroup_name); /* borrowed */
    PyObject *result = subgroup ? PyObject_CallFunctionObjArgs(subgroup, eg, matcher, NULL) : NULL;
    if (subgroup == NULL) {
        PyErr_SetString(PyExc_SystemError, "BaseExceptionGroup.subgroup is missing");
    }
    Py_DECREF(matcher);
    return result;
}

static PyObject *prep_reraise_star(PyObject *orig, PyObject *excs) {
    Py_ssize_t numexcs = PyList_GET_SIZE(excs);
    if (numexcs == 0) {
        return Py_NewRef(Py_None);
    }
    if (!PyObject_TypeCheck(orig, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        /* A naked exception was caught and wrapped: only one clause ran. */
        return Py_NewRef(PyList_GET_ITEM(excs, 0));
    }
    PyObject *raised_list = PyList_New(0);
    PyObject *reraised_list = PyList_New(0);
    PyObject *result = NULL;
    if (raised_list == NULL || reraised_list == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (e == Py_None) {
            continue;
        }
        if (PyList_Append(is_same_exception_metadata(e, orig) ? reraised_list : raised_list, e) < 0) {
            goto done;
        }
    }
    PyObject *reraised_eg = exception_group_projection(orig, reraised_list);
    if (reraised_eg == NULL) {
        goto done;
    }
    if (PyList_GET_SIZE(raised_list) == 0) {
        result = reraised_eg;
    } else {
        int res = 0;
        if (reraised_eg != Py_None) {
            res = PyList_Append(raised_list, reraised_eg);
        }
        Py_DECREF(reraised_eg);
        if (res < 0) {
            goto done;
        }
#if PY_VERSION_HEX >= 0x030B04F0
        /* Since 3.11.4, a single exception is raised as it is. */
        if (PyList_GET_SIZE(raised_list) == 1) {
            result = Py_NewRef(PyList_GET_ITEM(raised_list, 0));
            goto done;
        }
#endif
        /* _PyExc_CreateExceptionGroup("", raised_list) */
        result = PyObject_CallFunction(PyExc_BaseExceptionGroup, "sO", "", raised_list);
    }
done:
    Py_XDECREF(raised_list);
    Py_XDECREF(reraised_list);
    return result;
}
#endif

#endif
