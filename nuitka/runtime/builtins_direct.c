/* The original builtin objects that predicted builtin calls are guarded
 * with (include/nuitka/builtins_direct.h). */

#include "nuitka/prelude.h"

PyObject *Nuitka_BuiltinOriginals[NUITKA_BUILTIN_COUNT];

static const char *const function_names[] = {
#define NUITKA_BUILTIN_NAME(name) #name,
    NUITKA_BUILTIN_FUNCTIONS(NUITKA_BUILTIN_NAME)
#undef NUITKA_BUILTIN_NAME
};

static int filled = 0;

int Nuitka_InitBuiltinOriginals(void) {
    if (filled) {
        return 0;
    }
#define NUITKA_BUILTIN_TYPE(name, type) Nuitka_BuiltinOriginals[NUITKA_BUILTIN_##name] = (PyObject *)&type;
    NUITKA_BUILTIN_TYPES(NUITKA_BUILTIN_TYPE)
#undef NUITKA_BUILTIN_TYPE
    PyObject *module = Nuitka_ImportModuleInternal("builtins");
    if (module == NULL) {
        return -1;
    }
    PyObject *dict = PyModule_GetDict(module);
    int complete = 1;
    for (size_t i = 0; i < sizeof(function_names) / sizeof(function_names[0]); i++) {
        if (Nuitka_BuiltinOriginals[i] != NULL) {
            continue;
        }
        PyObject *value = PyDict_GetItemString(dict, function_names[i]);
        /* Only the builtins module's own function of that name (a program
         * may have replaced it before a compiled module got loaded). */
        if (value != NULL && PyCFunction_Check(value) && PyCFunction_GET_SELF(value) == module &&
            strcmp(((PyCFunctionObject *)value)->m_ml->ml_name, function_names[i]) == 0) {
            Nuitka_BuiltinOriginals[i] = Py_NewRef(value);
        } else {
            complete = 0;
        }
    }
    Py_DECREF(module);
    filled = complete;
    return 0;
}
