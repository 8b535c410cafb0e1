/* LOAD_BUILD_CLASS and the call of what it loaded: a class statement calls
 * whatever builtins.__build_class__ is when it runs (ceval.c). When that is
 * the original builtin, Nuitka_BuildClass (helpers.c) does its job for the
 * compiled class body; anything else gets CPython's call
 * __build_class__(body, name, *bases, **keywords). */
#include "nuitka/prelude.h"

/* The C function of the original builtins.__build_class__. */
static PyCFunction original_build_class = NULL;
static PyObject *string_build_class = NULL;

static int init_build_class(void) {
    string_build_class = PyUnicode_InternFromString("__build_class__");
    if (string_build_class == NULL) {
        return -1;
    }
    PyObject *builtins_module = Nuitka_ImportModuleInternal("builtins");
    if (builtins_module == NULL) {
        return -1;
    }
    PyObject *bc = PyObject_GetAttr(builtins_module, string_build_class);
    Py_DECREF(builtins_module);
    if (bc == NULL) {
        PyErr_Clear();
        return 0;
    }
    if (PyCFunction_Check(bc)) {
        original_build_class = PyCFunction_GET_FUNCTION(bc);
    }
    Py_DECREF(bc);
    return 0;
}

PyObject *Nuitka_LoadBuildClass(PyObject *builtins) {
    if (unlikely(string_build_class == NULL) && init_build_class() < 0) {
        return NULL;
    }
    PyObject *bc;
    if (PyDict_CheckExact(builtins)) {
        bc = PyDict_GetItemWithError(builtins, string_build_class);
        if (bc == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_NameError, "__build_class__ not found");
            }
            return NULL;
        }
        Py_INCREF(bc);
    } else {
        bc = PyObject_GetItem(builtins, string_build_class);
        if (bc == NULL) {
            if (PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_SetString(PyExc_NameError, "__build_class__ not found");
            }
            return NULL;
        }
    }
    return bc;
}

PyObject *Nuitka_CallBuildClass(PyObject *bc, PyObject *func, PyObject *name, PyObject *bases, PyObject *kw) {
    if (likely(PyCFunction_Check(bc) && PyCFunction_GET_FUNCTION(bc) == original_build_class)) {
        return Nuitka_BuildClass(func, name, bases, kw);
    }
    /* The original builtin insists on an exact function (and whatever is
     * called may hand it on): a plain function of the body's code object,
     * whose bytecode is CPython's, runs the body in the interpreter. */
    PyFunctionObject *compiled = (PyFunctionObject *)func;
    /* (Its qualified name is the code's, 3.10: the class name, as CPython's.) */
    PyObject *plain = PyFunction_New(compiled->func_code, compiled->func_globals);
    if (plain == NULL) {
        return NULL;
    }
    if (compiled->func_closure != NULL && PyFunction_SetClosure(plain, compiled->func_closure) < 0) {
        Py_DECREF(plain);
        return NULL;
    }
    Py_ssize_t nbases = PyTuple_GET_SIZE(bases);
    PyObject **args = PyMem_Malloc((nbases + 2) * sizeof(PyObject *));
    if (args == NULL) {
        Py_DECREF(plain);
        return PyErr_NoMemory();
    }
    args[0] = plain;
    args[1] = name;
    for (Py_ssize_t i = 0; i < nbases; i++) {
        args[i + 2] = PyTuple_GET_ITEM(bases, i);
    }
    PyObject *result = PyObject_VectorcallDict(bc, args, nbases + 2, kw);
    PyMem_Free(args);
    Py_DECREF(plain);
    return result;
}
