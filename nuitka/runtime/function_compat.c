/* Places where CPython insists on *exactly* a Python function
 * (PyFunction_Check), patched so compiled functions (a subtype) behave the
 * same. See doc/exact-function-checks.md for the audit of all such places.
 *
 * - type.__new__ turns exact functions named __new__ into static methods and
 *   __init_subclass__/__class_getitem__ into class methods
 *   (type_new_set_attrs() in Objects/typeobject.c). Compiled class bodies
 *   do that themselves, but classes made by calling type() directly (or a
 *   metaclass) with compiled functions in the namespace need it done after
 *   type.__new__ returns: we wrap the tp_new slot of ``type``.
 * - BaseExceptionGroup.split()/subgroup(): see exception_groups.c.
 */
#include "nuitka/prelude.h"

static newfunc original_type_new;

static int is_function_subtype(PyObject *value) {
    return !PyFunction_Check(value) && PyObject_TypeCheck(value, &PyFunction_Type);
}

static int wrap_special(PyObject *dict, const char *name, PyObject *(*wrap)(PyObject *)) {
    PyObject *func = PyDict_GetItemString(dict, name); /* borrowed */
    if (func == NULL || !is_function_subtype(func)) {
        return 0;
    }
    PyObject *wrapped = wrap(func);
    if (wrapped == NULL) {
        return -1;
    }
    int res = PyDict_SetItemString(dict, name, wrapped);
    Py_DECREF(wrapped);
    return res;
}

#if PY_VERSION_HEX >= 0x030D0000
/* 3.13's CALL_ALLOC_AND_ENTER_INIT instantiates a class whose __init__ is
 * a simple Python function by pushing a frame for that function's code,
 * without looking at its vectorcall or version (see function.c,
 * Nuitka_Function_GuardInterpreter). It only specialises classes whose
 * tp_alloc is PyType_GenericAlloc: classes that get a compiled __init__
 * (their own or inherited) get this equivalent one instead. */
static PyObject *compiled_init_alloc(PyTypeObject *type, Py_ssize_t nitems) {
    return PyType_GenericAlloc(type, nitems);
}

static void guard_compiled_init(PyTypeObject *type) {
    if (type->tp_alloc != PyType_GenericAlloc) {
        return;
    }
    static PyObject *init_name = NULL;
    if (init_name == NULL && (init_name = PyUnicode_InternFromString("__init__")) == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *init = _PyType_Lookup(type, init_name); /* borrowed */
    if (init != NULL && PyFunction_Check(init) && Nuitka_Function_HasOwnVectorcall(init)) {
        type->tp_alloc = compiled_init_alloc;
    }
}
#endif

static PyObject *Nuitka_TypeNew(PyTypeObject *metatype, PyObject *args, PyObject *kwds) {
    PyObject *result = original_type_new(metatype, args, kwds);
    /* Only the 3-argument form makes a class (type(x) gives x's type). */
    if (result == NULL || !PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 3 || !PyType_Check(result) ||
        !PyType_HasFeature((PyTypeObject *)result, Py_TPFLAGS_HEAPTYPE)) {
        return result;
    }
    PyTypeObject *type = (PyTypeObject *)result;
#if PY_VERSION_HEX >= 0x030D0000
    guard_compiled_init(type);
#endif
    PyObject *dict = type->tp_dict;
    if (dict == NULL) {
        return result;
    }
    if (wrap_special(dict, "__new__", PyStaticMethod_New) < 0 ||
        wrap_special(dict, "__init_subclass__", PyClassMethod_New) < 0 ||
        wrap_special(dict, "__class_getitem__", PyClassMethod_New) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    PyType_Modified(type);
    return result;
}

int Nuitka_FunctionCompat_Init(void) {
    static int done = 0;
    if (done) {
        return 0;
    }
    done = 1;
    original_type_new = PyType_Type.tp_new;
    PyType_Type.tp_new = Nuitka_TypeNew;
    if (Nuitka_TypesCoroutine_Init() < 0 || /* types_coroutine.c */
        Nuitka_GeneratorFrames_Init() < 0) { /* generator_frames.c */
        return -1;
    }
    return Nuitka_ExceptionGroups_Init();
}
