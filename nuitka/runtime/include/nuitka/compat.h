/* Small version-dispatch helpers for CPython internals that differ between
 * the supported versions (frame layout is in nuitka/frames.h).
 *
 * Sections are per topic; keep each difference inside one helper here
 * rather than #if blocks scattered over the runtime.
 */
#ifndef NUITKA_COMPAT_H
#define NUITKA_COMPAT_H

#if PY_VERSION_HEX >= 0x030D0000
/* 3.13 moved the declarations of private functions the runtime uses
 * (_PyList_Extend, _PyDict_MergeEx, _PySet_Update, _PyUnicode_JoinArray,
 * _PyGen_*StopIterationValue, _PyArg_CheckPositional,
 * _PyErr_FormatFromCause) to internal headers; without them the calls
 * would be implicitly declared as returning int. */
#include "internal/pycore_list.h"
#include "internal/pycore_dict.h"
#include "internal/pycore_setobject.h"
#include "internal/pycore_unicodeobject.h"
#include "internal/pycore_genobject.h"
#include "internal/pycore_modsupport.h"
#endif
#if PY_VERSION_HEX >= 0x030B0000
#include "internal/pycore_pyerrors.h" /* _PyErr_ChainStackItem */
#endif

/* ---- Handled-exception state (_PyErr_StackItem) --------------------------
 * 3.11+ keep only the exception instance (exc_value); 3.10 keeps the
 * (exc_type, exc_value, exc_traceback) triple. The runtime works with the
 * instance only; for 3.10 the type and traceback are derived from it. */

static inline void Nuitka_ExcState_Init(_PyErr_StackItem *item) {
#if PY_VERSION_HEX < 0x030B0000
    item->exc_type = NULL;
    item->exc_traceback = NULL;
#endif
    item->exc_value = NULL;
    item->previous_item = NULL;
}

static inline void Nuitka_ExcState_Clear(_PyErr_StackItem *item) {
#if PY_VERSION_HEX < 0x030B0000
    Py_CLEAR(item->exc_type);
    Py_CLEAR(item->exc_traceback);
#endif
    Py_CLEAR(item->exc_value);
}

#if PY_VERSION_HEX < 0x030B0000
#define NUITKA_EXC_STATE_VISIT(item)                                                                                   \
    do {                                                                                                               \
        Py_VISIT((item)->exc_type);                                                                                    \
        Py_VISIT((item)->exc_value);                                                                                   \
        Py_VISIT((item)->exc_traceback);                                                                               \
    } while (0)
#else
#define NUITKA_EXC_STATE_VISIT(item) Py_VISIT((item)->exc_value)
#endif

/* Take the handled exception out of `item` (new reference or NULL), to be
 * put back later with Nuitka_ExcState_Set. 3.10: an opaque tuple of the
 * whole triple, as re-raising uses the traceback saved when the exception
 * was caught, not its current __traceback__. */
static inline PyObject *Nuitka_ExcState_Take(_PyErr_StackItem *item) {
#if PY_VERSION_HEX < 0x030B0000
    if (item->exc_type == NULL && item->exc_value == NULL && item->exc_traceback == NULL) {
        return NULL;
    }
    PyObject *saved = PyTuple_Pack(3, item->exc_type ? item->exc_type : Py_None,
                                   item->exc_value ? item->exc_value : Py_None,
                                   item->exc_traceback ? item->exc_traceback : Py_None);
    if (saved == NULL) {
        /* (Out of memory: the exception being handled is lost.) */
        PyErr_Clear();
    }
    Py_CLEAR(item->exc_type);
    Py_CLEAR(item->exc_value);
    Py_CLEAR(item->exc_traceback);
    return saved;
#else
    PyObject *value = item->exc_value;
    item->exc_value = NULL;
    return value;
#endif
}

/* Make `exc` (stolen, may be NULL; or what Nuitka_ExcState_Take returned)
 * the handled exception of `item`. */
static inline void Nuitka_ExcState_Set(_PyErr_StackItem *item, PyObject *exc) {
#if PY_VERSION_HEX < 0x030B0000
    PyObject *old_type = item->exc_type, *old_tb = item->exc_traceback;
    if (exc != NULL && PyTuple_CheckExact(exc)) {
        PyObject *saved = exc;
        item->exc_type = Py_NewRef(PyTuple_GET_ITEM(saved, 0));
        exc = Py_NewRef(PyTuple_GET_ITEM(saved, 1));
        item->exc_traceback = Py_NewRef(PyTuple_GET_ITEM(saved, 2));
        Py_DECREF(saved);
    } else if (exc == NULL || exc == Py_None) {
        /* (None: what a (None, None, None) state was taken out as.) */
        item->exc_type = Py_XNewRef(exc);
        item->exc_traceback = Py_XNewRef(exc);
    } else {
        item->exc_type = Py_NewRef(PyExceptionInstance_Class(exc));
        item->exc_traceback = PyException_GetTraceback(exc);
    }
    Py_XDECREF(old_type);
    Py_XDECREF(old_tb);
#endif
    PyObject *old = item->exc_value;
    item->exc_value = exc;
    Py_XDECREF(old);
}

/* The exception being handled (sys.exception()), new reference or NULL/None,
 * and the traceback to re-raise it with (*tb, new reference or NULL).
 * PyErr_GetHandledException is new in 3.11; 3.10 re-raises with the
 * traceback saved when the exception was caught. */
static inline PyObject *Nuitka_GetTopHandledException(PyObject **tb) {
#if PY_VERSION_HEX < 0x030B0000
    PyObject *type, *value;
    PyErr_GetExcInfo(&type, &value, tb);
    Py_XDECREF(type);
    if (*tb == Py_None) {
        Py_CLEAR(*tb);
    }
    return value;
#else
    PyObject *value = PyErr_GetHandledException();
    *tb = (value != NULL && value != Py_None) ? PyException_GetTraceback(value) : NULL;
    return value;
#endif
}

/* The traceback to re-raise `exc`, caught by the innermost handler of the
 * running function, with (new reference or NULL): 3.11+ use its current
 * __traceback__, 3.10 the one saved when it was caught (which the handler
 * put into the handled-exception state). */
static inline PyObject *Nuitka_CaughtTraceback(PyThreadState *tstate, PyObject *exc) {
#if PY_VERSION_HEX < 0x030B0000
    _PyErr_StackItem *item = tstate->exc_info;
    if (item->exc_value == exc) {
        return (item->exc_traceback == Py_None) ? NULL : Py_XNewRef(item->exc_traceback);
    }
#endif
    return PyException_GetTraceback(exc);
}

/* ---- Messages -------------------------------------------------------------- */

/* A `with`/`async with` manager lacks `name` (__enter__, __aexit__...):
 * 3.11+ raise TypeError(message % type name), 3.10 AttributeError(name). */
static inline void Nuitka_RaiseNotContextManager(PyObject *manager, PyObject *name, const char *message) {
#if PY_VERSION_HEX < 0x030B0000
    (void)manager;
    (void)message;
    PyErr_SetObject(PyExc_AttributeError, name);
#else
    (void)name;
    PyErr_Format(PyExc_TypeError, message, Py_TYPE(manager)->tp_name);
#endif
}

/* ---- Code objects --------------------------------------------------------- */

/* The qualified name for a function made from `code`: 3.10 code objects
 * have no co_qualname, so the compiler passes it in the function info. */
#if PY_VERSION_HEX >= 0x030B0000
#define NUITKA_CODE_QUALNAME(code, info_qualname) ((code)->co_qualname)
#else
#define NUITKA_CODE_QUALNAME(code, info_qualname) (info_qualname)
#endif

/* ---- Private APIs that 3.13 removed or stopped exporting -----------------
 * Same behaviour as CPython's own functions of those versions. */

#if PY_VERSION_HEX >= 0x030D0000
/* Renamed and made public in 3.13, same contract (-1 error, 0 missing,
 * 1 found). */
#define _PyObject_LookupAttr PyObject_GetOptionalAttr
#endif

/* Re-set the current exception so that it gets the handled exception as
 * __context__ (when throwing into a generator). */
static inline void Nuitka_ChainStackItem(void) {
#if PY_VERSION_HEX >= 0x030D0000
    PyThreadState *tstate = PyThreadState_GET();
    PyObject *handled = tstate->exc_info->exc_value;
    if (handled == NULL || handled == Py_None) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
#else
    _PyErr_ChainStackItem(NULL);
#endif
}

/* Whether a module spec says the module is being imported (spec may be
 * NULL); errors count as "no" (3.13 would report them instead). */
static inline int Nuitka_ModuleSpecIsInitializing(PyObject *spec) {
#if PY_VERSION_HEX >= 0x030D0000
    if (spec == NULL) {
        return 0;
    }
    PyObject *value;
    int rc = PyObject_GetOptionalAttrString(spec, "_initializing", &value);
    if (rc > 0) {
        rc = PyObject_IsTrue(value);
        Py_DECREF(value);
    }
    if (rc < 0) {
        PyErr_Clear();
        rc = 0;
    }
    return rc;
#else
    return _PyModuleSpec_IsInitializing(spec);
#endif
}

/* The most derived metaclass of `metatype` and the bases' types (borrowed),
 * or NULL with CPython's "metaclass conflict" TypeError. */
static inline PyTypeObject *Nuitka_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases) {
#if PY_VERSION_HEX >= 0x030D0000
    PyTypeObject *winner = metatype;
    Py_ssize_t nbases = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < nbases; i++) {
        PyTypeObject *tmptype = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmptype)) {
            continue;
        }
        if (PyType_IsSubtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        PyErr_SetString(PyExc_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                         "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
#else
    return _PyType_CalculateMetaclass(metatype, bases);
#endif
}

/* The interpreter's "eval breaker": set when a signal arrived, a pending
 * call was scheduled, or another thread asked for the GIL. CPython's eval
 * loop polls it at loop back-edges and function starts; compiled loops do
 * the same (Nuitka_HandlePending in helpers.c does the work), and so do
 * compiled function entries (codegen/module.py) and generator starts and
 * resumes after a plain `yield` (generator.c), as RESUME with oparg < 2. */
#if PY_VERSION_HEX >= 0x030D0000
#include "internal/pycore_ceval.h"
#define NUITKA_EVAL_BREAKER_SET(tstate) \
    ((_Py_atomic_load_uintptr_relaxed(&(tstate)->eval_breaker) & _PY_EVAL_EVENTS_MASK) != 0)
#else
/* Python.h was included before Py_BUILD_CORE was defined: drop its
 * non-core macro that would rename pycore_gc.h's inline function. */
#undef _PyGC_FINALIZED
#include "internal/pycore_interp.h"
#define NUITKA_EVAL_BREAKER_SET(tstate) (_Py_atomic_load_relaxed(&(tstate)->interp->ceval.eval_breaker) != 0)
#endif
extern int Nuitka_HandlePending(PyThreadState *tstate);

/* PyObject_GC_IsTracked without the call (pycore_gc.h, for GC objects). */
#define Nuitka_GC_IsTracked(o) _PyObject_GC_IS_TRACKED(o)

#endif
