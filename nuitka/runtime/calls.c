/* Calls from generated code of everything but compiled functions of this
 * runtime (those are entered inline, function_fast.h): functions of the
 * interpreter and of other compiled modules, C functions and methods of
 * builtin types, classes, and anything else through vectorcall. */

#include "nuitka/prelude.h"

/* Any other function (the interpreter's, or one of another compiled module)
 * through its own vectorcall: PyObject_Vectorcall would find the same one
 * through the type's slot and then check the result, which a function
 * always leaves consistent. */
static inline PyObject *call_other_function(PyObject *callable, PyObject *const *args, size_t nargsf,
                                           PyObject *kwnames) {
    vectorcallfunc vectorcall = ((PyFunctionObject *)callable)->vectorcall;
    if (likely(vectorcall != NULL)) {
        return vectorcall(callable, args, nargsf, kwnames);
    }
    return PyObject_Vectorcall(callable, args, nargsf, kwnames);
}

/* Calls of C functions as the interpreter's specialised calls make them
 * (CALL_NO_KW_BUILTIN_FAST/_O, CALL_BUILTIN_FAST_WITH_KEYWORDS and the
 * METHOD_DESCRIPTOR ones; PRECALL_* in 3.11): the C function itself,
 * without the vectorcall wrapper and its result check; METH_O and
 * METH_NOARGS inside the recursion check as there. `self` is the bound
 * object (builtin function) or args[0] (method descriptor, whose other
 * arguments follow). NOT_HANDLED (no object's address) when the flags or
 * the argument count have no direct form. */
#define NOT_HANDLED ((PyObject *)(uintptr_t)1)
static inline PyObject *call_c_method_def(PyCFunction cfunc, int flags, PyObject *self, PyObject *const *args,
                                         Py_ssize_t nargs) {
    PyObject *result;
    switch (flags) {
    case METH_FASTCALL:
        return ((_PyCFunctionFast)(void (*)(void))cfunc)(self, args, nargs);
    case METH_FASTCALL | METH_KEYWORDS:
        return ((_PyCFunctionFastWithKeywords)(void (*)(void))cfunc)(self, args, nargs, NULL);
    case METH_O:
        if (nargs != 1) {
            break;
        }
        if (unlikely(Py_EnterRecursiveCall(" while calling a Python object"))) {
            return NULL;
        }
        result = cfunc(self, args[0]);
        Py_LeaveRecursiveCall();
        return result;
    case METH_NOARGS:
        if (nargs != 0) {
            break;
        }
        if (unlikely(Py_EnterRecursiveCall(" while calling a Python object"))) {
            return NULL;
        }
        result = cfunc(self, NULL);
        Py_LeaveRecursiveCall();
        return result;
    }
    return NOT_HANDLED;
}

/* The direct call above skips the vectorcall wrapper's result check; a C
 * function that returned NULL without setting an exception gets the
 * SystemError that check would raise. */
static inline PyObject *check_c_result(PyThreadState *tstate, PyObject *callable, PyObject *result) {
    if (unlikely(result == NULL) && !PyErr_Occurred()) {
        return _Py_CheckFunctionResult(tstate, callable, NULL, NULL);
    }
    return result;
}

static PyObject *call_other(PyThreadState *tstate, PyObject *callable, PyObject *const *args, size_t nargsf,
                            PyObject *kwnames) {
    if (Py_IS_TYPE(callable, &PyFunction_Type)) {
        return call_other_function(callable, args, nargsf, kwnames);
    }
    if (kwnames == NULL) {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        if (Py_IS_TYPE(callable, &PyCFunction_Type)) {
            PyObject *result = call_c_method_def(PyCFunction_GET_FUNCTION(callable), PyCFunction_GET_FLAGS(callable),
                                                 PyCFunction_GET_SELF(callable), args, nargs);
            if (result != NOT_HANDLED) {
                return check_c_result(tstate, callable, result);
            }
        } else if (Nuitka_IsPlainClass(callable)) {
            return Nuitka_CallClass(tstate, callable, args, nargs);
        }
    }
    return PyObject_Vectorcall(callable, args, nargsf, kwnames);
}

PyObject *Nuitka_CallOther(PyThreadState *tstate, PyObject *callable, PyObject *const *args, size_t nargsf,
                           PyObject *kwnames) {
    return Nuitka_AfterCall(tstate, call_other(tstate, callable, args, nargsf, kwnames));
}

static PyObject *call_method_other(PyThreadState *tstate, PyObject *method, PyObject *const *args, Py_ssize_t nargs,
                                   PyObject *kwnames) {
    if (Py_IS_TYPE(method, &PyFunction_Type)) {
        return call_other_function(method, args, (size_t)(nargs + 1), kwnames);
    }
    /* A method of a builtin type on an object of exactly that type (the
     * specialisations check the same; a subclass instance takes
     * vectorcall, which checks the type and raises as CPython does). */
    if (kwnames == NULL && Py_IS_TYPE(method, &PyMethodDescr_Type) &&
        Py_IS_TYPE(args[0], ((PyMethodDescrObject *)method)->d_common.d_type)) {
        PyMethodDef *def = ((PyMethodDescrObject *)method)->d_method;
        PyObject *result = call_c_method_def(def->ml_meth, def->ml_flags, args[0], args + 1, nargs);
        if (result != NOT_HANDLED) {
            return check_c_result(tstate, method, result);
        }
    }
    return PyObject_Vectorcall(method, args, (size_t)(nargs + 1), kwnames);
}

PyObject *Nuitka_CallMethodOther(PyThreadState *tstate, PyObject *method, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames) {
    return Nuitka_AfterCall(tstate, call_method_other(tstate, method, args, nargs, kwnames));
}
