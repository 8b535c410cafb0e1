/* Module support: constants loading. */
#include "nuitka/prelude.h"
#include <marshal.h>

static int Nuitka_AllNameChars(PyObject *s) {
    if (!PyUnicode_IS_ASCII(s)) {
        return 0;
    }
    const unsigned char *p = PyUnicode_1BYTE_DATA(s);
    for (Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(s); i < n; i++) {
        if (!(Py_ISALNUM(p[i]) || p[i] == '_')) {
            return 0;
        }
    }
    return 1;
}

/* PyImport_ImportModule calls builtins.__import__ with the globals of the
 * running frame, so a program's import hook saw the modules the runtime
 * needs (builtins at the first class statement, ...) as imports of the
 * compiled module; CPython's own internals never show there either. */
PyObject *Nuitka_ImportModuleInternal(const char *name) {
    PyObject *name_obj = PyUnicode_FromString(name);
    if (name_obj == NULL) {
        return NULL;
    }
    PyObject *module = PyImport_ImportModuleLevelObject(name_obj, NULL, NULL, NULL, 0);
    if (module != NULL && strchr(name, '.') != NULL) {
        /* That is the top-level package; the submodule is in sys.modules. */
        Py_DECREF(module);
        module = PyImport_GetModule(name_obj);
        if (module == NULL && !PyErr_Occurred()) {
            PyErr_Format(PyExc_ImportError, "import of %U failed", name_obj);
        }
    }
    Py_DECREF(name_obj);
    return module;
}

/* A frozenset as CPython's compiler makes it from a display's constant
 * items: built from them in source order; rebuilt from a tuple of its own
 * iteration order (merge_consts_recursive); and rebuilt once more if
 * interning its name-like strings replaced one of them by an equal string
 * interned before (intern_string_constants, when the code object is made).
 * Each rebuild can change the iteration order where hashes collide. */
static PyObject *Nuitka_MakeConstFrozenset(PyObject *items, int reinterned) {
    PyObject *first = PyFrozenSet_New(items);
    if (first == NULL) {
        return NULL;
    }
    PyObject *order = PySequence_Tuple(first);
    Py_DECREF(first);
    if (order == NULL) {
        return NULL;
    }
    PyObject *result = PyFrozenSet_New(order);
    Py_DECREF(order);
    if (result == NULL) {
        return NULL;
    }
    order = PySequence_Tuple(result);
    if (order == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    int modified = reinterned;
    for (Py_ssize_t i = PyTuple_GET_SIZE(order); --i >= 0;) {
        PyObject *item = PyTuple_GET_ITEM(order, i);
        if (PyUnicode_CheckExact(item) && Nuitka_AllNameChars(item)) {
            PyObject *interned = Py_NewRef(item);
            PyUnicode_InternInPlace(&interned);
            if (interned != item) {
                PyTuple_SET_ITEM(order, i, interned);
                Py_DECREF(item);
                modified = 1;
            } else {
                Py_DECREF(interned);
            }
        }
    }
    if (modified) {
        Py_SETREF(result, PyFrozenSet_New(order));
    }
    Py_DECREF(order);
    return result;
}

static PyObject *Nuitka_MakeRecipe(PyObject *args, int kind) {
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_SystemError, "corrupt constants blob");
        return NULL;
    }
    switch (kind) {
    case NUITKA_CONST_FROZENSET:
    case NUITKA_CONST_FROZENSET_REINTERNED:
        return Nuitka_MakeConstFrozenset(args, kind == NUITKA_CONST_FROZENSET_REINTERNED);
    case NUITKA_CONST_SLICE:
        if (PyTuple_GET_SIZE(args) == 3) {
            return PySlice_New(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1), PyTuple_GET_ITEM(args, 2));
        }
        break;
    }
    PyErr_SetString(PyExc_SystemError, "corrupt constants blob");
    return NULL;
}

int Nuitka_LoadConstants(const unsigned char *blob, Py_ssize_t size, PyObject **out, Py_ssize_t count,
                         const unsigned char *recipe_blob, Py_ssize_t recipe_size, const int *recipes,
                         Py_ssize_t recipe_count) {
    PyObject *made = NULL;
    if (recipe_count > 0) {
        PyObject *args = PyMarshal_ReadObjectFromString((const char *)recipe_blob, recipe_size);
        if (args == NULL) {
            return -1;
        }
        if (!PyTuple_CheckExact(args) || PyTuple_GET_SIZE(args) != recipe_count) {
            Py_DECREF(args);
            PyErr_SetString(PyExc_SystemError, "corrupt constants blob");
            return -1;
        }
        made = PyTuple_New(recipe_count);
        if (made == NULL) {
            Py_DECREF(args);
            return -1;
        }
        for (Py_ssize_t r = 0; r < recipe_count; r++) {
            PyObject *value = Nuitka_MakeRecipe(PyTuple_GET_ITEM(args, r), recipes[2 * r + 1]);
            if (value == NULL) {
                Py_DECREF(args);
                Py_DECREF(made);
                return -1;
            }
            PyTuple_SET_ITEM(made, r, value);
        }
        Py_DECREF(args);
    }
    PyObject *consts = PyMarshal_ReadObjectFromString((const char *)blob, size);
    if (consts == NULL) {
        Py_XDECREF(made);
        return -1;
    }
    if (!PyTuple_Check(consts) || PyTuple_GET_SIZE(consts) != count) {
        Py_DECREF(consts);
        Py_XDECREF(made);
        PyErr_SetString(PyExc_SystemError, "corrupt constants blob");
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *value = PyTuple_GET_ITEM(consts, i);
        if (PyUnicode_CheckExact(value)) {
            Py_INCREF(value);
            PyUnicode_InternInPlace(&value);
            out[i] = value;
        } else {
            out[i] = Py_NewRef(value);
        }
    }
    for (Py_ssize_t r = 0; r < recipe_count; r++) {
        Py_ssize_t index = recipes[2 * r];
        if (index < 0 || index >= count) {
            Py_DECREF(made);
            PyErr_SetString(PyExc_SystemError, "corrupt constants blob");
            return -1;
        }
        Py_SETREF(out[index], Py_NewRef(PyTuple_GET_ITEM(made, r)));
    }
    Py_XDECREF(made);
    /* The tuple is kept alive forever with the constants. */
    return 0;
}

/* Items [start, end) of the constant tuple `items`, added one by one as
 * CPython adds the items of a big display (LIST_APPEND / SET_ADD). */
int Nuitka_AddConstItems(PyObject *container, PyObject *items) {
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    int is_list = PyList_CheckExact(container);
    for (Py_ssize_t i = 0; i < n; i++) {
        int res = is_list ? PyList_Append(container, PyTuple_GET_ITEM(items, i))
                          : PySet_Add(container, PyTuple_GET_ITEM(items, i));
        if (res < 0) {
            return -1;
        }
    }
    return 0;
}

/* Constant keys and values added one by one to a dict (MAP_ADD). */
int Nuitka_DictAddConstItems(PyObject *dict, PyObject *keys, PyObject *values) {
    Py_ssize_t n = PyTuple_GET_SIZE(keys);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyDict_SetItem(dict, PyTuple_GET_ITEM(keys, i), PyTuple_GET_ITEM(values, i)) < 0) {
            return -1;
        }
    }
    return 0;
}

#if PY_VERSION_HEX >= 0x030D0000
extern PyObject *_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset, PyObject *const *values,
                                   Py_ssize_t values_offset, Py_ssize_t length);
#elif PY_VERSION_HEX >= 0x030B0000
/* (3.11, 3.12) BUILD_MAP n and BUILD_CONST_KEY_MAP n make the dict with
 * _PyDict_FromItems, which libpython does not export: for more than 5 keys,
 * all exact str, it is presized with a table for str keys only (smaller than
 * _PyDict_NewPresized's). dict.fromkeys(a dict of such keys) makes exactly
 * that table; a copy of it is as good. */
static PyObject *Nuitka_StrKeysTemplate(PyObject *const *keys, Py_ssize_t step, Py_ssize_t n) {
    PyObject *unique = PyDict_New();
    if (unique == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyDict_SetItem(unique, keys[i * step], Py_None) < 0) {
            Py_DECREF(unique);
            return NULL;
        }
    }
    PyObject *result = PyObject_CallMethod((PyObject *)&PyDict_Type, "fromkeys", "O", unique);
    Py_DECREF(unique);
    return result;
}

static int Nuitka_AllStrKeys(PyObject *const *keys, Py_ssize_t step, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_CheckExact(keys[i * step])) {
            return 0;
        }
    }
    return 1;
}
#endif

/* A dict of `n` items as BUILD_MAP n / BUILD_CONST_KEY_MAP n make it: all
 * keys and values were evaluated before. `items` (borrowed references)
 * holds n values for the keys in the tuple `const_keys`, or, without it,
 * n key, value pairs. `template` is a per-site cache (constant keys). */
PyObject *Nuitka_DictFromItems(PyObject *const_keys, PyObject *const *items, Py_ssize_t n, PyObject **template) {
    PyObject *const *keys = const_keys != NULL ? &PyTuple_GET_ITEM(const_keys, 0) : items;
    Py_ssize_t key_step = const_keys != NULL ? 1 : 2;
    PyObject *const *values = const_keys != NULL ? items : items + 1;
    Py_ssize_t value_step = const_keys != NULL ? 1 : 2;
#if PY_VERSION_HEX >= 0x030D0000
    (void)template;
    return _PyDict_FromItems(keys, key_step, values, value_step, n);
#else
    PyObject *dict = NULL;
#if PY_VERSION_HEX >= 0x030B0000
    if (n > 5 && Nuitka_AllStrKeys(keys, key_step, n)) {
        if (const_keys != NULL && template != NULL) {
            if (*template == NULL) {
                *template = Nuitka_StrKeysTemplate(keys, key_step, n);
                if (*template == NULL) {
                    return NULL;
                }
            }
            dict = PyDict_Copy(*template);
        } else {
            PyObject *made = Nuitka_StrKeysTemplate(keys, key_step, n);
            if (made == NULL) {
                return NULL;
            }
            dict = PyDict_Copy(made);
            Py_DECREF(made);
        }
    } else
#else
    (void)template;
#endif
    {
        dict = _PyDict_NewPresized(n);
    }
    if (dict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyDict_SetItem(dict, keys[i * key_step], values[i * value_step]) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
#endif
}

/* What a compiled function's code object shows as its bytecode (co_code,
 * dis, code.replace()): CPython's own, the first `units` code units, without
 * the position NOPs after it (codegen/code_objects.py) that only the frames
 * of the compiled code point into. 3.11+ answer co_code from a cache of the
 * code object, which is filled here; 3.10 keeps the NOPs visible (its
 * co_code is the array the interpreter reads, also for generators). */
int Nuitka_Code_ShowOriginal(PyObject *code, Py_ssize_t units) {
#if PY_VERSION_HEX >= 0x030B0000
    PyCodeObject *co = (PyCodeObject *)code;
    if (!PyCode_Check(code) || units <= 0 || units >= Py_SIZE(co)) {
        return 0;
    }
#if PY_VERSION_HEX >= 0x030C0000
    /* 3.12+ quicken the array when the code object is made: co_code undoes
     * that (and allocates the cache's struct). */
    PyObject *full = PyObject_GetAttrString(code, "co_code");
    if (full == NULL) {
        return -1;
    }
    PyObject *shown = PyBytes_FromStringAndSize(PyBytes_AS_STRING(full), units * (Py_ssize_t)sizeof(_Py_CODEUNIT));
    Py_DECREF(full);
    if (shown == NULL) {
        return -1;
    }
    Py_XSETREF(co->_co_cached->_co_code, shown);
#else
    /* 3.11 quickens code only when the interpreter runs it: the array is
     * still the bytecode as loaded. */
    PyObject *shown = PyBytes_FromStringAndSize((const char *)_PyCode_CODE(co), units * (Py_ssize_t)sizeof(_Py_CODEUNIT));
    if (shown == NULL) {
        return -1;
    }
    Py_XSETREF(co->_co_code, shown);
#endif
#else
    (void)code;
    (void)units;
#endif
    return 0;
}

/* Like CPython's _imp._fix_co_filename for a module loaded from a .pyc that
 * was compiled elsewhere: the code objects name the file the module is
 * loaded from (its __file__), not the path the source had at compile time,
 * so tracebacks, frame reprs and linecache agree with __file__ wherever the
 * compiled module or program was moved.  Nested code objects are fixed by
 * the CPython function itself; code already naming __file__ is untouched. */
int Nuitka_FixCodeFilenames(PyObject *module, PyObject **consts, Py_ssize_t count) {
    PyObject *file = PyObject_GetAttrString(module, "__file__");
    if (file == NULL) {
        PyErr_Clear();
        return 0;
    }
    int res = 0;
    PyObject *fix = NULL;
    if (PyUnicode_CheckExact(file)) {
        for (Py_ssize_t i = 0; i < count && res == 0; i++) {
            PyObject *value = consts[i];
            if (!PyCode_Check(value)) {
                continue;
            }
            int same = PyUnicode_Compare(((PyCodeObject *)value)->co_filename, file);
            if (same == 0) {
                continue;
            }
            if (fix == NULL) {
                PyObject *imp = Nuitka_ImportModuleInternal("_imp");
                fix = imp ? PyObject_GetAttrString(imp, "_fix_co_filename") : NULL;
                Py_XDECREF(imp);
                if (fix == NULL) {
                    res = -1;
                    break;
                }
            }
            PyObject *done = PyObject_CallFunctionObjArgs(fix, value, file, NULL);
            res = done ? 0 : -1;
            Py_XDECREF(done);
        }
    }
    Py_XDECREF(fix);
    Py_DECREF(file);
    return res;
}
