/* Throwaway test extension for nuitka/runtime/args.c.
 *
 * make(qualname, argcount, posonlyargcount, kwonlyargcount, flags, varnames,
 *      defaults, kwdefaults) returns a callable whose vectorcall runs
 * Nuitka_ParseArgs and whose tp_call runs Nuitka_ParseArgsDict; both return
 * the tuple of the filled locals (co_varnames order).
 *
 * vectorcall(callable, args, kwnames, kwvalues) and call(callable, args,
 * kwargs) call any callable through PyObject_Vectorcall / PyObject_Call, so
 * the same raw call can be made on a Python function (the oracle) and on the
 * parser object.
 */
#include "nuitka/args.h"

#include <stddef.h>

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    Nuitka_ArgSpec spec;
    Py_ssize_t total;
    PyObject *varnames_tuple; /* owns the names that spec.varnames points to */
    PyObject *qualname;
    PyObject *defaults;   /* tuple or NULL */
    PyObject *kwdefaults; /* dict or NULL */
} ParserObject;

static PyTypeObject Parser_Type;

static PyObject *finish(ParserObject *self, int res, PyObject **locals) {
    PyObject *result = NULL;
    if (res == 0) {
        result = PyTuple_New(self->total);
        if (result != NULL) {
            for (Py_ssize_t i = 0; i < self->total; i++) {
                if (locals[i] == NULL) {
                    PyErr_Format(PyExc_SystemError, "local %zd not filled", i);
                    Py_CLEAR(result);
                    break;
                }
                PyTuple_SET_ITEM(result, i, locals[i]);
                locals[i] = NULL;
            }
        }
    } else if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "parser failed without exception");
    }
    for (Py_ssize_t i = 0; i < self->total; i++) {
        Py_XDECREF(locals[i]);
    }
    PyMem_Free(locals);
    return result;
}

static PyObject **alloc_locals(ParserObject *self) {
    PyObject **locals = PyMem_Calloc((size_t)self->total + 1, sizeof(PyObject *));
    if (locals == NULL) {
        PyErr_NoMemory();
    }
    return locals;
}

static PyObject *Parser_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    ParserObject *self = (ParserObject *)callable;
    PyObject **locals = alloc_locals(self);
    if (locals == NULL) {
        return NULL;
    }
    int res = Nuitka_ParseArgs(&self->spec, self->qualname, self->defaults, self->kwdefaults, args,
                               PyVectorcall_NARGS(nargsf), kwnames, locals);
    return finish(self, res, locals);
}

static PyObject *Parser_call(PyObject *callable, PyObject *args, PyObject *kwargs) {
    ParserObject *self = (ParserObject *)callable;
    PyObject **locals = alloc_locals(self);
    if (locals == NULL) {
        return NULL;
    }
    int res = Nuitka_ParseArgsDict(&self->spec, self->qualname, self->defaults, self->kwdefaults, args, kwargs, locals);
    return finish(self, res, locals);
}

static void Parser_dealloc(PyObject *op) {
    ParserObject *self = (ParserObject *)op;
    PyMem_Free(self->spec.varnames);
    Py_XDECREF(self->varnames_tuple);
    Py_XDECREF(self->qualname);
    Py_XDECREF(self->defaults);
    Py_XDECREF(self->kwdefaults);
    PyObject_Free(op);
}

static PyObject *get_defaults(PyObject *op, void *closure) {
    (void)closure;
    PyObject *v = ((ParserObject *)op)->defaults;
    return Py_NewRef(v ? v : Py_None);
}

static int set_defaults(PyObject *op, PyObject *value, void *closure) {
    (void)closure;
    ParserObject *self = (ParserObject *)op;
    if (value == Py_None) {
        value = NULL;
    }
    if (value != NULL && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be a tuple or None");
        return -1;
    }
    Py_XSETREF(self->defaults, Py_XNewRef(value));
    return 0;
}

static PyObject *get_kwdefaults(PyObject *op, void *closure) {
    (void)closure;
    PyObject *v = ((ParserObject *)op)->kwdefaults;
    return Py_NewRef(v ? v : Py_None);
}

static int set_kwdefaults(PyObject *op, PyObject *value, void *closure) {
    (void)closure;
    ParserObject *self = (ParserObject *)op;
    if (value == Py_None) {
        value = NULL;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__kwdefaults__ must be a dict or None");
        return -1;
    }
    Py_XSETREF(self->kwdefaults, Py_XNewRef(value));
    return 0;
}

static PyGetSetDef Parser_getset[] = {
    {"__defaults__", get_defaults, set_defaults, NULL, NULL},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Parser_Type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "_nuitka_args_test.Parser",
    .tp_basicsize = sizeof(ParserObject),
    .tp_dealloc = Parser_dealloc,
    .tp_vectorcall_offset = offsetof(ParserObject, vectorcall),
    .tp_call = Parser_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_getset = Parser_getset,
};

static PyObject *mod_make(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *qualname, *varnames, *defaults, *kwdefaults;
    int argcount, posonly, kwonly, flags;
    if (!PyArg_ParseTuple(args, "UiiiiO!OO", &qualname, &argcount, &posonly, &kwonly, &flags, &PyTuple_Type,
                          &varnames, &defaults, &kwdefaults)) {
        return NULL;
    }
    Py_ssize_t total = (Py_ssize_t)argcount + kwonly + ((flags & NUITKA_ARGS_VARARGS) ? 1 : 0) +
                       ((flags & NUITKA_ARGS_VARKEYWORDS) ? 1 : 0);
    if (PyTuple_GET_SIZE(varnames) != total) {
        PyErr_SetString(PyExc_ValueError, "varnames size does not match the signature");
        return NULL;
    }
    ParserObject *self = PyObject_New(ParserObject, &Parser_Type);
    if (self == NULL) {
        return NULL;
    }
    self->vectorcall = Parser_vectorcall;
    self->total = total;
    self->spec.argcount = argcount;
    self->spec.posonlyargcount = posonly;
    self->spec.kwonlyargcount = kwonly;
    self->spec.flags = flags;
    self->spec.varnames = NULL;
    self->varnames_tuple = NULL;
    self->qualname = Py_NewRef(qualname);
    self->defaults = NULL;
    self->kwdefaults = NULL;

    /* Intern the names, like the compiler's constants will be. */
    self->varnames_tuple = PyTuple_New(total);
    self->spec.varnames = PyMem_Calloc((size_t)total + 1, sizeof(PyObject *));
    if (self->varnames_tuple == NULL || self->spec.varnames == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < total; i++) {
        PyObject *name = PyTuple_GET_ITEM(varnames, i);
        if (!PyUnicode_CheckExact(name)) {
            PyErr_SetString(PyExc_TypeError, "varnames must be str");
            Py_DECREF(self);
            return NULL;
        }
        Py_INCREF(name);
        PyUnicode_InternInPlace(&name);
        PyTuple_SET_ITEM(self->varnames_tuple, i, name);
        self->spec.varnames[i] = name;
    }
    if (set_defaults((PyObject *)self, defaults, NULL) < 0 || set_kwdefaults((PyObject *)self, kwdefaults, NULL) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *mod_vectorcall(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *callable, *posargs, *kwnames, *kwvalues;
    if (!PyArg_ParseTuple(args, "OO!OO!", &callable, &PyTuple_Type, &posargs, &kwnames, &PyTuple_Type, &kwvalues)) {
        return NULL;
    }
    if (kwnames == Py_None) {
        kwnames = NULL;
    } else if (!PyTuple_Check(kwnames)) {
        PyErr_SetString(PyExc_TypeError, "kwnames must be a tuple or None");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(posargs);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nkw != PyTuple_GET_SIZE(kwvalues)) {
        PyErr_SetString(PyExc_ValueError, "kwnames and kwvalues differ in size");
        return NULL;
    }
    /* One spare slot in front for PY_VECTORCALL_ARGUMENTS_OFFSET. */
    PyObject **stack = PyMem_Calloc((size_t)(nargs + nkw + 1), sizeof(PyObject *));
    if (stack == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[1 + i] = PyTuple_GET_ITEM(posargs, i);
    }
    for (Py_ssize_t i = 0; i < nkw; i++) {
        stack[1 + nargs + i] = PyTuple_GET_ITEM(kwvalues, i);
    }
    PyObject *result =
        PyObject_Vectorcall(callable, stack + 1, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    PyMem_Free(stack);
    return result;
}

static PyObject *mod_call(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *callable, *posargs, *kwargs;
    if (!PyArg_ParseTuple(args, "OO!O", &callable, &PyTuple_Type, &posargs, &kwargs)) {
        return NULL;
    }
    if (kwargs == Py_None) {
        kwargs = NULL;
    } else if (!PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "kwargs must be a dict or None");
        return NULL;
    }
    return PyObject_Call(callable, posargs, kwargs);
}

static PyMethodDef module_methods[] = {
    {"make", mod_make, METH_VARARGS, NULL},
    {"vectorcall", mod_vectorcall, METH_VARARGS, NULL},
    {"call", mod_call, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_nuitka_args_test", NULL, -1, module_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__nuitka_args_test(void) {
    if (PyType_Ready(&Parser_Type) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&module_def);
    if (m == NULL) {
        return NULL;
    }
    Py_INCREF(&Parser_Type);
    if (PyModule_AddObject(m, "Parser", (PyObject *)&Parser_Type) < 0) {
        Py_DECREF(&Parser_Type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
