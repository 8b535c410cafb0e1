/* PEP 695 (Python 3.12+): CPython's CALL_INTRINSIC_1/2 operations for
 * TypeVar/ParamSpec/TypeVarTuple creation (with lazily evaluated bounds,
 * constraints and 3.13 defaults), Generic[...] subscription, TypeAliasType
 * and __type_params__ of functions.  The C functions behind them are not
 * part of the API: 3.13 exports the intrinsics tables, 3.12 hides them, so
 * there each intrinsic is reached through a tiny function whose bytecode is
 * just that opcode (made once, from a compiled template). */
#include "nuitka/prelude.h"

#if PY_VERSION_HEX >= 0x030D0000

typedef PyObject *(*nuitka_intrinsic_func1)(PyThreadState *, PyObject *);
typedef PyObject *(*nuitka_intrinsic_func2)(PyThreadState *, PyObject *, PyObject *);
typedef struct {
    nuitka_intrinsic_func1 func;
    const char *name;
} nuitka_intrinsic_func1_info;
typedef struct {
    nuitka_intrinsic_func2 func;
    const char *name;
} nuitka_intrinsic_func2_info;
extern const nuitka_intrinsic_func1_info _PyIntrinsics_UnaryFunctions[];
extern const nuitka_intrinsic_func2_info _PyIntrinsics_BinaryFunctions[];

PyObject *Nuitka_CallIntrinsic1(int index, PyObject *arg) {
    return _PyIntrinsics_UnaryFunctions[index].func(PyThreadState_Get(), arg);
}

PyObject *Nuitka_CallIntrinsic2(int index, PyObject *arg1, PyObject *arg2) {
    return _PyIntrinsics_BinaryFunctions[index].func(PyThreadState_Get(), arg1, arg2);
}

#elif PY_VERSION_HEX >= 0x030C0000

#include <opcode.h>

static PyObject *intrinsic_functions[2][16];

/* A function "f(a[, b])" whose body runs one CALL_INTRINSIC_<n> on its
 * arguments: the template's one operation on them (-a, or (a, b)) is
 * replaced by the intrinsic; everything else (size, line table) stays. */
static PyObject *make_intrinsic_function(int binary, int index) {
    const char *source = binary ? "def f(a, b):\n    return (a, b)\n" : "def f(a):\n    return -a\n";
    int template_op = binary ? BUILD_TUPLE : UNARY_NEGATIVE;
    PyObject *module_code = Py_CompileString(source, "<nuitka-intrinsic>", Py_file_input);
    if (module_code == NULL) {
        return NULL;
    }
    PyObject *code = NULL;
    PyObject *consts = ((PyCodeObject *)module_code)->co_consts;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        if (PyCode_Check(PyTuple_GET_ITEM(consts, i))) {
            code = PyTuple_GET_ITEM(consts, i);
        }
    }
    PyObject *result = NULL;
    PyObject *bytecode = code != NULL ? PyObject_GetAttrString(code, "co_code") : NULL;
    if (bytecode != NULL) {
        PyObject *patched = PyBytes_FromStringAndSize(PyBytes_AS_STRING(bytecode), PyBytes_GET_SIZE(bytecode));
        if (patched != NULL) {
            unsigned char *raw = (unsigned char *)PyBytes_AS_STRING(patched);
            for (Py_ssize_t i = 0; i + 1 < PyBytes_GET_SIZE(patched); i += 2) {
                if (raw[i] == template_op) {
                    raw[i] = binary ? CALL_INTRINSIC_2 : CALL_INTRINSIC_1;
                    raw[i + 1] = (unsigned char)index;
                    break;
                }
            }
            PyObject *replace = PyObject_GetAttrString(code, "replace");
            PyObject *kw = Py_BuildValue("{s:O}", "co_code", patched);
            PyObject *args = PyTuple_New(0);
            PyObject *new_code = (replace && kw && args) ? PyObject_Call(replace, args, kw) : NULL;
            if (new_code != NULL) {
                PyObject *globals = PyDict_New();
                if (globals != NULL && PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) < 0) {
                    Py_CLEAR(globals);
                }
                if (globals != NULL) {
                    result = PyFunction_New(new_code, globals);
                    Py_DECREF(globals);
                }
                Py_DECREF(new_code);
            }
            Py_XDECREF(args);
            Py_XDECREF(kw);
            Py_XDECREF(replace);
            Py_DECREF(patched);
        }
        Py_DECREF(bytecode);
    }
    Py_DECREF(module_code);
    return result;
}

static PyObject *get_intrinsic_function(int binary, int index) {
    PyObject **slot = &intrinsic_functions[binary][index];
    if (*slot == NULL) {
        *slot = make_intrinsic_function(binary, index);
    }
    return *slot;
}

PyObject *Nuitka_CallIntrinsic1(int index, PyObject *arg) {
    PyObject *func = get_intrinsic_function(0, index);
    if (func == NULL) {
        return NULL;
    }
    return PyObject_CallOneArg(func, arg);
}

PyObject *Nuitka_CallIntrinsic2(int index, PyObject *arg1, PyObject *arg2) {
    PyObject *func = get_intrinsic_function(1, index);
    if (func == NULL) {
        return NULL;
    }
    PyObject *args[2] = {arg1, arg2};
    return PyObject_Vectorcall(func, args, 2, NULL);
}

#endif

#if PY_VERSION_HEX >= 0x030C0000
/* The layout of CPython's (private) typealiasobject in 3.12 and 3.13. */
typedef struct {
    PyObject_HEAD
    void *name;
    PyObject *type_params;
    PyObject *compute_value;
    PyObject *value;
    PyObject *module;
} Nuitka_TypeAliasLayout;

/* ``type X = ...``: TypeAliasType.__module__ of an alias made by the
 * intrinsic comes from PyFunction_GetModule(compute_value), which only
 * accepts exact functions (a compiled one gives SystemError); so set the
 * alias's module field from the globals, as TypeAliasType() does from its
 * caller (only where the layout is confirmed by the compute_value field). */
PyObject *Nuitka_MakeTypeAlias(PyObject *args, PyObject *globals) {
    PyObject *result = Nuitka_CallIntrinsic1(11, args);
    if (result != NULL) {
        Nuitka_TypeAliasLayout *alias = (Nuitka_TypeAliasLayout *)result;
        if (alias->compute_value == PyTuple_GET_ITEM(args, 2) && alias->value == NULL && alias->module == NULL) {
            PyObject *module = PyDict_GetItemString(globals, "__name__");
            if (module != NULL) {
                alias->module = Py_NewRef(module);
            }
        }
    }
    return result;
}
#endif
