/* Start-up fix-ups of the interpreter for compiled functions.
 *
 * Compiled functions are exact function objects (see function.c), so the
 * places where CPython insists on PyFunction_Check() accept them as they
 * are (doc/exact-function-checks.md). What is left:
 *
 * - 3.13's CALL_ALLOC_AND_ENTER_INIT instantiates a class whose __init__
 *   is a simple Python function by pushing a frame for that function's
 *   code, without looking at its vectorcall or version (see function.c,
 *   the comment above Nuitka_Function_UseEvaluator). It only specialises classes whose
 *   tp_alloc is PyType_GenericAlloc: classes that get a compiled __init__
 *   (their own or inherited) when type.__new__ makes them get this
 *   equivalent one instead. We wrap the tp_new slot of ``type`` for that.
 */
#include "nuitka/prelude.h"

#if PY_VERSION_HEX >= 0x030D0000
static newfunc original_type_new;
static PyObject *init_name;

static PyObject *compiled_init_alloc(PyTypeObject *type, Py_ssize_t nitems) {
    return PyType_GenericAlloc(type, nitems);
}

static PyObject *Nuitka_TypeNew(PyTypeObject *metatype, PyObject *args, PyObject *kwds) {
    PyObject *result = original_type_new(metatype, args, kwds);
    /* Only the 3-argument form makes a class (type(x) gives x's type). */
    if (result == NULL || !PyType_Check(result) || !PyType_HasFeature((PyTypeObject *)result, Py_TPFLAGS_HEAPTYPE)) {
        return result;
    }
    PyTypeObject *type = (PyTypeObject *)result;
    if (type->tp_alloc == PyType_GenericAlloc) {
        PyObject *init = _PyType_Lookup(type, init_name); /* borrowed */
        if (init != NULL && PyFunction_Check(init) && Nuitka_Function_HasOwnVectorcall(init)) {
            type->tp_alloc = compiled_init_alloc;
        }
    }
    return result;
}
#endif

int Nuitka_FunctionCompat_Init(void) {
    static int done = 0;
    if (done) {
        return 0;
    }
    done = 1;
#if PY_VERSION_HEX >= 0x030D0000
    init_name = PyUnicode_InternFromString("__init__");
    if (init_name == NULL) {
        return -1;
    }
    original_type_new = PyType_Type.tp_new;
    PyType_Type.tp_new = Nuitka_TypeNew;
#endif
    return Nuitka_GeneratorFrames_Init(); /* generator_frames.c */
}
