/* types.coroutine for compiled generator functions.
 *
 * CPython's types.coroutine flags a generator function in place (its
 * __code__ gets CO_ITERABLE_COROUTINE) only when `func.__class__ is
 * FunctionType`; any other callable is wrapped in a function whose results
 * are not generators with that flag, so `yield from coroutine` inside a
 * compiled generator would raise TypeError and tracebacks would gain a
 * wrapper frame.  At start-up we put this C function in place of
 * types.coroutine: compiled functions take CPython's flagging path (our
 * generators read the flag from the function's __code__, see
 * Nuitka_Generator_New), everything else goes to the original. */
#include "nuitka/prelude.h"

static PyObject *original_coroutine = NULL;

static PyObject *types_coroutine(PyObject *self, PyObject *func) {
    if (Nuitka_Function_Check(func) && PyCode_Check(((PyFunctionObject *)func)->func_code)) {
        PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)func)->func_code;
        if (code->co_flags & (CO_ITERABLE_COROUTINE | CO_COROUTINE)) {
            return Py_NewRef(func);
        }
        if (code->co_flags & CO_GENERATOR) {
            PyObject *replace = PyObject_GetAttrString((PyObject *)code, "replace");
            PyObject *kw = replace ? Py_BuildValue("{s:i}", "co_flags", code->co_flags | CO_ITERABLE_COROUTINE) : NULL;
            PyObject *empty = kw ? PyTuple_New(0) : NULL;
            PyObject *new_code = empty ? PyObject_Call(replace, empty, kw) : NULL;
            Py_XDECREF(empty);
            Py_XDECREF(kw);
            Py_XDECREF(replace);
            if (new_code == NULL) {
                return NULL;
            }
            int res = PyObject_SetAttrString(func, "__code__", new_code);
            Py_DECREF(new_code);
            return res < 0 ? NULL : Py_NewRef(func);
        }
    }
    return PyObject_CallOneArg(original_coroutine, func);
}

static PyMethodDef types_coroutine_def = {"coroutine", types_coroutine, METH_O, NULL};

int Nuitka_TypesCoroutine_Init(void) {
    if (original_coroutine != NULL) {
        return 0;
    }
    PyObject *types = PyImport_ImportModule("types");
    if (types == NULL) {
        return -1;
    }
    original_coroutine = PyObject_GetAttrString(types, "coroutine");
    PyObject *module_name = PyUnicode_FromString("types");
    PyObject *replacement =
        (original_coroutine && module_name) ? PyCFunction_NewEx(&types_coroutine_def, NULL, module_name) : NULL;
    Py_XDECREF(module_name);
    int res = -1;
    if (replacement != NULL) {
        /* The original's documentation and signature (help(), inspect);
         * the string is kept forever: ml_doc points into it. */
        PyObject *doc = PyObject_GetAttrString(original_coroutine, "__doc__");
        PyObject *full = (doc != NULL && PyUnicode_Check(doc))
                             ? PyUnicode_FromFormat("coroutine(func)\n--\n\n%U", doc)
                             : NULL;
        Py_XDECREF(doc);
        if (full != NULL) {
            types_coroutine_def.ml_doc = PyUnicode_AsUTF8(full);
        }
        PyErr_Clear();
        res = PyObject_SetAttrString(types, "coroutine", replacement);
        Py_DECREF(replacement);
    }
    Py_DECREF(types);
    return res;
}
