/* Instantiating a class of the program: Cls(a, b).
 *
 * CPython 3.11 goes through type_call: an argument tuple is built,
 * object_new allocates, slot_tp_init looks __init__ up and calls it through
 * vectorcall with a new argument array, and both results are checked. When
 * the class is an ordinary one (its metaclass does not override __call__,
 * __new__ is object.__new__, __init__ is a compiled function of this
 * runtime with a fast entry that fits the call), the same steps are done
 * here directly: object.__new__ itself allocates (abstract classes, inline
 * values), then __init__'s fast entry runs with the new object prepended,
 * and a result other than None raises CPython's TypeError. Anything else
 * takes the generic call, so behaviour stays type_call's.
 */
#include "nuitka/prelude.h"

/* The tp_init CPython gives classes defining __init__ in Python (typeobject.c's
 * slot_tp_init, not exported): read once from a class made for that. */
static initproc Nuitka_SlotTpInit;
static PyObject *Nuitka_InitName;
static PyObject *Nuitka_EmptyArgs;

static int Nuitka_ClassCall_Init(void) {
    static int state; /* 0: not tried, 1: ready, -1: unavailable */
    if (likely(state != 0)) {
        return state > 0;
    }
    state = -1;
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    /* importlib's ModuleSpec is a class defined in Python with an __init__,
     * always there. (Making a class for this instead left it as cyclic
     * garbage for the program's next gc.collect() to count: test_gc.) */
    PyObject *bootstrap = Nuitka_ImportModuleInternal("_frozen_importlib");
    PyObject *probe = bootstrap ? PyObject_GetAttrString(bootstrap, "ModuleSpec") : NULL;
    Nuitka_InitName = PyUnicode_InternFromString("__init__");
    Nuitka_EmptyArgs = PyTuple_New(0);
    if (probe != NULL && PyType_Check(probe) && Nuitka_InitName != NULL && Nuitka_EmptyArgs != NULL &&
        _PyType_Lookup((PyTypeObject *)probe, Nuitka_InitName) != NULL &&
        PyFunction_Check(_PyType_Lookup((PyTypeObject *)probe, Nuitka_InitName))) {
        Nuitka_SlotTpInit = ((PyTypeObject *)probe)->tp_init;
        state = 1;
    }
    Py_XDECREF(probe);
    Py_XDECREF(bootstrap);
    PyErr_Clear();
    PyErr_Restore(exc_type, exc_value, exc_tb);
    return state > 0;
}

#define NUITKA_CLASS_CALL_MAX_ARGS 15

PyObject *Nuitka_CallClass(PyThreadState *tstate, PyObject *callable, PyObject *const *args, Py_ssize_t nargs) {
    PyTypeObject *tp = (PyTypeObject *)callable;
    if (tp->tp_new != PyBaseObject_Type.tp_new || nargs > NUITKA_CLASS_CALL_MAX_ARGS || !Nuitka_ClassCall_Init() ||
        tp->tp_init != Nuitka_SlotTpInit) {
        return PyObject_Vectorcall(callable, args, (size_t)nargs, NULL);
    }
    /* Borrowed: kept alive by the class (and by a reference during the call). */
    PyObject *init = _PyType_Lookup(tp, Nuitka_InitName);
    if (init == NULL || !Nuitka_Function_Check(init)) {
        return PyObject_Vectorcall(callable, args, (size_t)nargs, NULL);
    }
    Nuitka_FastEntry fast = Nuitka_Fast_EntryFor(init, nargs + 1, NULL);
    if (fast == NULL) {
        return PyObject_Vectorcall(callable, args, (size_t)nargs, NULL);
    }
    Py_INCREF(init);
    PyObject *self = tp->tp_new(tp, Nuitka_EmptyArgs, NULL);
    if (unlikely(self == NULL)) {
        Py_DECREF(init);
        return NULL;
    }
    PyObject *stack[NUITKA_CLASS_CALL_MAX_ARGS + 1];
    stack[0] = self;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i + 1] = args[i];
    }
    PyObject *result = fast(tstate, init, stack);
    Py_DECREF(init);
    if (unlikely(result == NULL)) {
        Py_DECREF(self);
        return NULL;
    }
    if (unlikely(result != Py_None)) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'", Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        Py_DECREF(self);
        return NULL;
    }
    Py_DECREF(result);
    return self;
}
