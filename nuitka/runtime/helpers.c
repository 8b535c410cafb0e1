/* Helpers for generated code: CPython's interpreter operations with its
 * exact semantics and error messages (see Python/ceval.c). */
#include "nuitka/prelude.h"

PyObject *Nuitka_String_name;
PyObject *Nuitka_String_builtins;
PyObject *Nuitka_String_import;
PyObject *Nuitka_String_empty;
static PyObject *string_all, *string_dict, *string_spec, *string_prepare, *string_metaclass, *string_orig_bases,
    *string_mro_entries, *string_classcell, *string_enter, *string_exit;

int Nuitka_Helpers_Init(void) {
#define INTERN(var, text)                                                                                              \
    if ((var = PyUnicode_InternFromString(text)) == NULL)                                                              \
        return -1;
    INTERN(Nuitka_String_name, "__name__");
    INTERN(Nuitka_String_builtins, "__builtins__");
    INTERN(Nuitka_String_import, "__import__");
    INTERN(Nuitka_String_empty, "");
    INTERN(string_all, "__all__");
    INTERN(string_dict, "__dict__");
    INTERN(string_spec, "__spec__");
    INTERN(string_prepare, "__prepare__");
    INTERN(string_metaclass, "metaclass");
    INTERN(string_orig_bases, "__orig_bases__");
    INTERN(string_mro_entries, "__mro_entries__");
    INTERN(string_classcell, "__classcell__");
    INTERN(string_enter, "__enter__");
    INTERN(string_exit, "__exit__");
#undef INTERN
    return 0;
}

/* ---- Variables ---------------------------------------------------------- */

static void raise_name_error(PyObject *name) {
    /* Like CPython: the NameError carries the name for "Did you mean". */
    PyErr_Format(PyExc_NameError, "name '%U' is not defined", name);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL && PyObject_SetAttrString(value, "name", name) < 0) {
        PyErr_Clear();
    }
    PyErr_Restore(type, value, tb);
}

static PyObject *mapping_get(PyObject *mapping, PyObject *name) {
    /* New reference or NULL; NULL without error when missing. */
    if (PyDict_CheckExact(mapping)) {
        PyObject *value = PyDict_GetItemWithError(mapping, name);
        Py_XINCREF(value);
        return value;
    }
    PyObject *value = PyObject_GetItem(mapping, name);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
    }
    return value;
}

PyObject *Nuitka_LoadBuiltin(PyObject *builtins, PyObject *name) {
    PyObject *value = mapping_get(builtins, name);
    if (value == NULL && !PyErr_Occurred()) {
        raise_name_error(name);
    }
    return value;
}

PyObject *Nuitka_LoadGlobal(PyObject *globals, PyObject *builtins, PyObject *name) {
    PyObject *value = PyDict_GetItemWithError(globals, name);
    if (value != NULL) {
        Py_INCREF(value);
        return value;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return Nuitka_LoadBuiltin(builtins, name);
}

/* Nuitka_LoadGlobalCached after its versions did not match: the value
 * seen last is checked where it was found (the globals' entry at the cached
 * index still holding the name, or the name still absent from the globals
 * while the builtins are unchanged), else looked up again; either way the
 * cache then holds the current versions. */
PyObject *Nuitka_LoadGlobalSlow(PyObject *globals, PyObject *builtins, PyObject *name, Nuitka_GlobalCache *cache) {
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins) || !PyUnicode_CheckExact(name)) {
        cache->value = NULL;
        return Nuitka_LoadGlobal(globals, builtins, name);
    }
    Py_hash_t hash = ((PyASCIIObject *)name)->hash;
    if (hash == -1) {
        hash = PyObject_Hash(name);
    }
    if (cache->value != NULL) {
#if NUITKA_ATTR_VALUES
        if (cache->index >= 0 && ((PyDictObject *)globals)->ma_values == NULL) {
            PyObject *value = Nuitka_Attr_DictAt((PyDictObject *)globals, cache->index, name);
            if (value != NULL) {
                cache->value = value;
                cache->globals_version = Nuitka_DictVersion(globals);
                cache->builtins_version = Nuitka_DictVersion(builtins);
                return Py_NewRef(value);
            }
        }
#endif
        if (cache->index == -1 && cache->builtins_version == Nuitka_DictVersion(builtins)) {
            /* str keys compare without running code; other keys may. */
            uint64_t version = Nuitka_DictVersion(globals);
            PyObject *found = _PyDict_GetItem_KnownHash(globals, name, hash);
            if (found == NULL && !PyErr_Occurred() && version == Nuitka_DictVersion(globals) &&
                cache->builtins_version == Nuitka_DictVersion(builtins)) {
                cache->globals_version = version;
                return Py_NewRef(cache->value);
            }
        }
    }
    cache->value = NULL;
    PyObject *value = _PyDict_GetItem_KnownHash(globals, name, hash);
    if (value != NULL) {
        Py_ssize_t index = -2;
#if NUITKA_ATTR_VALUES
        PyDictKeysObject *keys = ((PyDictObject *)globals)->ma_keys;
        if (((PyDictObject *)globals)->ma_values == NULL && keys->dk_kind != DICT_KEYS_GENERAL) {
            PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
            for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
                if (entries[i].me_key == name) {
                    index = i;
                    break;
                }
            }
        }
#endif
        cache->index = index;
    } else {
        if (PyErr_Occurred()) {
            return NULL;
        }
        cache->index = -1;
        value = _PyDict_GetItem_KnownHash(builtins, name, hash);
        if (value == NULL) {
            /* The error (NameError) as the generic path raises it. */
            return Nuitka_LoadGlobal(globals, builtins, name);
        }
    }
    cache->globals_version = Nuitka_DictVersion(globals);
    cache->builtins_version = Nuitka_DictVersion(builtins);
    cache->value = value;
    return Py_NewRef(value);
}

PyObject *Nuitka_LoadName(PyObject *ns, PyObject *globals, PyObject *builtins, PyObject *name) {
    PyObject *value = mapping_get(ns, name);
    if (value != NULL || PyErr_Occurred()) {
        return value;
    }
    return Nuitka_LoadGlobal(globals, builtins, name);
}

PyObject *Nuitka_LoadClassFree(PyObject *ns, PyObject *cell, PyObject *name) {
    PyObject *value = mapping_get(ns, name);
    if (value != NULL || PyErr_Occurred()) {
        return value;
    }
    value = PyCell_GET(cell);
    if (value == NULL) {
        Nuitka_RaiseUnboundFree(name);
        return NULL;
    }
    Py_INCREF(value);
    return value;
}

int Nuitka_StoreName(PyObject *ns, PyObject *name, PyObject *value) {
    if (PyDict_CheckExact(ns)) {
        return PyDict_SetItem(ns, name, value);
    }
    return PyObject_SetItem(ns, name, value);
}

int Nuitka_DelName(PyObject *ns, PyObject *name) {
    if (PyObject_DelItem(ns, name) < 0) {
        if (PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            raise_name_error(name);
        }
        return -1;
    }
    return 0;
}

int Nuitka_DelGlobal(PyObject *globals, PyObject *name) {
    if (PyDict_DelItem(globals, name) < 0) {
        if (PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            raise_name_error(name);
        }
        return -1;
    }
    return 0;
}

void Nuitka_RaiseUnboundLocal(PyObject *name) {
#if PY_VERSION_HEX >= 0x030B0000
    PyErr_Format(PyExc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                 name);
#else
    PyErr_Format(PyExc_UnboundLocalError, "local variable '%U' referenced before assignment", name);
#endif
}

void Nuitka_RaiseUnboundFree(PyObject *name) {
#if PY_VERSION_HEX >= 0x030B0000
    PyErr_Format(PyExc_NameError,
                 "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
#else
    PyErr_Format(PyExc_NameError, "free variable '%U' referenced before assignment in enclosing scope", name);
#endif
}

/* ---- Operations --------------------------------------------------------- */

PyObject *Nuitka_BinaryOp(PyObject *a, PyObject *b, int op) {
    switch (op) {
    case NUITKA_OP_ADD: return PyNumber_Add(a, b);
    case NUITKA_OP_SUB: return PyNumber_Subtract(a, b);
    case NUITKA_OP_MUL: return PyNumber_Multiply(a, b);
    case NUITKA_OP_MATMUL: return PyNumber_MatrixMultiply(a, b);
    case NUITKA_OP_TRUEDIV: return PyNumber_TrueDivide(a, b);
    case NUITKA_OP_FLOORDIV: return PyNumber_FloorDivide(a, b);
    case NUITKA_OP_MOD: return PyNumber_Remainder(a, b);
    case NUITKA_OP_POW: return PyNumber_Power(a, b, Py_None);
    case NUITKA_OP_LSHIFT: return PyNumber_Lshift(a, b);
    case NUITKA_OP_RSHIFT: return PyNumber_Rshift(a, b);
    case NUITKA_OP_OR: return PyNumber_Or(a, b);
    case NUITKA_OP_XOR: return PyNumber_Xor(a, b);
    case NUITKA_OP_AND: return PyNumber_And(a, b);
    }
    PyErr_SetString(PyExc_SystemError, "bad binary operator");
    return NULL;
}

PyObject *Nuitka_InplaceOp(PyObject *a, PyObject *b, int op) {
    switch (op) {
    case NUITKA_OP_ADD: return PyNumber_InPlaceAdd(a, b);
    case NUITKA_OP_SUB: return PyNumber_InPlaceSubtract(a, b);
    case NUITKA_OP_MUL: return PyNumber_InPlaceMultiply(a, b);
    case NUITKA_OP_MATMUL: return PyNumber_InPlaceMatrixMultiply(a, b);
    case NUITKA_OP_TRUEDIV: return PyNumber_InPlaceTrueDivide(a, b);
    case NUITKA_OP_FLOORDIV: return PyNumber_InPlaceFloorDivide(a, b);
    case NUITKA_OP_MOD: return PyNumber_InPlaceRemainder(a, b);
    case NUITKA_OP_POW: return PyNumber_InPlacePower(a, b, Py_None);
    case NUITKA_OP_LSHIFT: return PyNumber_InPlaceLshift(a, b);
    case NUITKA_OP_RSHIFT: return PyNumber_InPlaceRshift(a, b);
    case NUITKA_OP_OR: return PyNumber_InPlaceOr(a, b);
    case NUITKA_OP_XOR: return PyNumber_InPlaceXor(a, b);
    case NUITKA_OP_AND: return PyNumber_InPlaceAnd(a, b);
    }
    PyErr_SetString(PyExc_SystemError, "bad inplace operator");
    return NULL;
}

PyObject *Nuitka_Compare(PyObject *a, PyObject *b, int op) {
    int r;
    switch (op) {
    case NUITKA_CMP_IS: return Py_NewRef(a == b ? Py_True : Py_False);
    case NUITKA_CMP_IS_NOT: return Py_NewRef(a != b ? Py_True : Py_False);
    case NUITKA_CMP_IN:
    case NUITKA_CMP_NOT_IN:
        r = PySequence_Contains(b, a);
        if (r < 0) {
            return NULL;
        }
        if (op == NUITKA_CMP_NOT_IN) {
            r = !r;
        }
        return Py_NewRef(r ? Py_True : Py_False);
    default: return PyObject_RichCompare(a, b, op);
    }
}

PyObject *Nuitka_MakeSlice(PyObject *lower, PyObject *upper, PyObject *step) { return PySlice_New(lower, upper, step); }

/* ---- Calls -------------------------------------------------------------- */

/* As check_args_iterable() in ceval.c: -1 with CPython's TypeError when
 * ``f(*value)`` gets something that is not iterable. */
static int check_star_iterable(PyObject *func, PyObject *iterable) {
    if (Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s", funcstr,
                         Py_TYPE(iterable)->tp_name);
            Py_DECREF(funcstr);
        }
        return -1;
    }
    return 0;
}

int Nuitka_ExtendCallArgs(PyObject *func, PyObject *list, PyObject *iterable) {
    if (check_star_iterable(func, iterable) < 0) {
        return -1;
    }
    PyObject *r = _PyList_Extend((PyListObject *)list, iterable);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int Nuitka_MergeCallKwargs(PyObject *func, PyObject *dict, PyObject *mapping) {
    if (_PyDict_MergeEx(dict, mapping, 2) == 0) {
        return 0;
    }
    /* As format_kwargs_error() in ceval.c */
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s", funcstr,
                         Py_TYPE(mapping)->tp_name);
            Py_DECREF(funcstr);
        }
    } else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyObject *exc, *val, *tb;
        PyErr_Fetch(&exc, &val, &tb);
        PyObject *key_args = val;
#if PY_VERSION_HEX >= 0x030C0000
        /* 3.12+ hand out the exception instance: its args hold the key. */
        key_args = (val && PyExceptionInstance_Check(val)) ? ((PyBaseExceptionObject *)val)->args : NULL;
#endif
        if (key_args && PyTuple_Check(key_args) && PyTuple_GET_SIZE(key_args) == 1) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyObject *key = PyTuple_GET_ITEM(key_args, 0);
                PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'", funcstr, key);
                Py_DECREF(funcstr);
            }
            Py_XDECREF(exc);
            Py_XDECREF(val);
            Py_XDECREF(tb);
        } else {
            PyErr_Restore(exc, val, tb);
        }
    }
    return -1;
}

/* f(*args) / f(*args, **kw): CALL_FUNCTION_EX with the starred value itself
 * as the positional arguments: an exact tuple is passed on as it is (the
 * callee may return it: "is" holds), anything else is checked to be
 * iterable and made a tuple only now, after the keyword arguments. */
PyObject *Nuitka_CallWithStarTuple(PyObject *func, PyObject *star, PyObject *kw_dict) {
    PyObject *args;
    if (PyTuple_CheckExact(star)) {
        args = Py_NewRef(star);
    } else {
        if (check_star_iterable(func, star) < 0) {
            return NULL;
        }
        args = PySequence_Tuple(star);
        if (args == NULL) {
            return NULL;
        }
    }
    PyObject *result = PyObject_Call(func, args, kw_dict);
    Py_DECREF(args);
    return result;
}

PyObject *Nuitka_CallWithStar(PyObject *func, PyObject *pos_list, PyObject *kw_dict) {
    PyObject *args = PyList_AsTuple(pos_list);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(func, args, kw_dict);
    Py_DECREF(args);
    return result;
}

/* ---- Displays ----------------------------------------------------------- */

int Nuitka_ListExtend(PyObject *list, PyObject *iterable) {
    PyObject *none_val = _PyList_Extend((PyListObject *)list, iterable);
    if (none_val == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && (Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable))) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s", Py_TYPE(iterable)->tp_name);
        }
        return -1;
    }
    Py_DECREF(none_val);
    return 0;
}

int Nuitka_SetUpdate(PyObject *set, PyObject *iterable) { return _PySet_Update(set, iterable); }

int Nuitka_DictUpdate(PyObject *dict, PyObject *mapping) {
    if (PyDict_Update(dict, mapping) < 0) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(mapping)->tp_name);
        }
        return -1;
    }
    return 0;
}

PyObject *Nuitka_FormatValue(PyObject *value, int conversion, PyObject *spec) {
    PyObject *converted;
    switch (conversion) {
    case 's': converted = PyObject_Str(value); break;
    case 'r': converted = PyObject_Repr(value); break;
    case 'a': converted = PyObject_ASCII(value); break;
    default: converted = Py_NewRef(value); break;
    }
    if (converted == NULL) {
        return NULL;
    }
    if (spec == NULL && PyUnicode_CheckExact(converted)) {
        return converted;
    }
    PyObject *result = PyObject_Format(converted, spec);
    Py_DECREF(converted);
    return result;
}

PyObject *Nuitka_JoinStrings(PyObject **items, Py_ssize_t count) {
    return _PyUnicode_JoinArray(Nuitka_String_empty, items, count);
}

/* ---- Iteration and unpacking -------------------------------------------- */

PyObject *Nuitka_IterNext(PyObject *iterator) {
    iternextfunc next = Py_TYPE(iterator)->tp_iternext;
    if (unlikely(next == NULL)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator", Py_TYPE(iterator)->tp_name);
        return NULL;
    }
    PyObject *value = next(iterator);
    if (value == NULL && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
            PyErr_Clear();
        }
    }
    return value;
}

PyObject *Nuitka_Unpack(PyObject *v, Py_ssize_t count, Py_ssize_t star_index) {
    /* Returns a tuple of `count` items; the starred one is a list. */
    if (star_index < 0 && PyTuple_CheckExact(v) && PyTuple_GET_SIZE(v) == count) {
        /* An exact tuple cannot change: it is its own unpacking (as
         * UNPACK_SEQUENCE_TWO_TUPLE/TUPLE, no new tuple). */
        return Py_NewRef(v);
    }
    PyObject *result = PyTuple_New(count);
    if (result == NULL) {
        return NULL;
    }
    if (star_index < 0 && (PyTuple_CheckExact(v) || PyList_CheckExact(v))) {
        Py_ssize_t size = PyTuple_CheckExact(v) ? PyTuple_GET_SIZE(v) : PyList_GET_SIZE(v);
        if (size == count) {
            PyObject **items = PyTuple_CheckExact(v) ? &PyTuple_GET_ITEM(v, 0) : ((PyListObject *)v)->ob_item;
            for (Py_ssize_t i = 0; i < count; i++) {
                PyTuple_SET_ITEM(result, i, Py_NewRef(items[i]));
            }
            return result;
        }
    }
    Py_ssize_t before = star_index < 0 ? count : star_index;
    Py_ssize_t after = star_index < 0 ? -1 : count - star_index - 1;
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL && !PySequence_Check(v)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object", Py_TYPE(v)->tp_name);
        }
        goto error;
    }
    Py_ssize_t i;
    for (i = 0; i < before; i++) {
        PyObject *w = PyIter_Next(it);
        if (w == NULL) {
            if (!PyErr_Occurred()) {
                if (after == -1) {
                    PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected %d, got %d)", (int)before,
                                 (int)i);
                } else {
                    PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                                 (int)(before + after), (int)i);
                }
            }
            goto error;
        }
        PyTuple_SET_ITEM(result, i, w);
    }
    if (after == -1) {
        PyObject *w = PyIter_Next(it);
        if (w == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            Py_DECREF(it);
            return result;
        }
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", (int)before);
        goto error;
    }
    PyObject *l = PySequence_List(it);
    if (l == NULL) {
        goto error;
    }
    Py_ssize_t ll = PyList_GET_SIZE(l);
    if (ll < after) {
        PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                     (int)(before + after), before + ll);
        Py_DECREF(l);
        goto error;
    }
    for (Py_ssize_t j = 0; j < after; j++) {
        PyTuple_SET_ITEM(result, count - after + j, Py_NewRef(PyList_GET_ITEM(l, ll - after + j)));
    }
    if (PyList_SetSlice(l, ll - after, ll, NULL) < 0) {
        Py_DECREF(l);
        goto error;
    }
    PyTuple_SET_ITEM(result, star_index, l);
    Py_DECREF(it);
    return result;
error:
    Py_XDECREF(it);
    Py_DECREF(result);
    return NULL;
}

/* ---- Exceptions --------------------------------------------------------- */

void Nuitka_Raise(PyThreadState *tstate, PyObject *exc, PyObject *cause) {
    /* Borrowed arguments; as do_raise() in ceval.c */
    PyObject *type = NULL, *value = NULL;
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL) {
            return;
        }
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of BaseException, not %R", type,
                         Py_TYPE(value));
            Py_DECREF(value);
            return;
        }
    } else if (PyExceptionInstance_Check(exc)) {
        value = Py_NewRef(exc);
        type = PyExceptionInstance_Class(exc);
    } else {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (cause != NULL) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) {
                Py_DECREF(value);
                return;
            }
#if PY_VERSION_HEX >= 0x030D0000
            /* 3.13 checks what calling the cause class made (older versions
             * take any object as the cause). */
            if (!PyExceptionInstance_Check(fixed_cause)) {
                PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                             cause, Py_TYPE(fixed_cause));
                Py_DECREF(fixed_cause);
                Py_DECREF(value);
                return;
            }
#endif
        } else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = Py_NewRef(cause);
        } else if (cause == Py_None) {
            fixed_cause = NULL;
        } else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            Py_DECREF(value);
            return;
        }
        PyException_SetCause(value, fixed_cause);
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
}

int Nuitka_Reraise(PyThreadState *tstate) {
    PyObject *tb;
    PyObject *value = Nuitka_GetTopHandledException(&tb);
    if (value == NULL || value == Py_None) {
        Py_XDECREF(value);
        Py_XDECREF(tb);
        PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
        return 0;
    }
    PyObject *type = Py_NewRef(PyExceptionInstance_Class(value));
    PyErr_Restore(type, value, tb);
    return 1;
}

PyObject *Nuitka_FetchException(PyThreadState *tstate) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb != NULL) {
        PyException_SetTraceback(value, tb);
    }
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
}

void Nuitka_RestoreCaughtException(PyThreadState *tstate, PyObject *exc) {
    PyObject *type = Py_NewRef(PyExceptionInstance_Class(exc));
    PyErr_Restore(type, exc, Nuitka_CaughtTraceback(tstate, exc));
}

void Nuitka_RestoreException(PyThreadState *tstate, PyObject *exc) {
    PyObject *type = Py_NewRef(PyExceptionInstance_Class(exc));
    PyObject *tb = PyException_GetTraceback(exc);
    PyErr_Restore(type, exc, tb);
}

PyObject *Nuitka_GetHandledException(PyThreadState *tstate) {
    /* New reference or NULL (none being handled). */
    return Nuitka_ExcState_Take(tstate->exc_info);
}

void Nuitka_SetHandledException(PyThreadState *tstate, PyObject *exc) {
    Nuitka_ExcState_Set(tstate->exc_info, exc);
}

int Nuitka_ExceptionMatch(PyObject *exc, PyObject *exc_type) {
    /* As check_except_type_valid() + PyErr_GivenExceptionMatches(). */
    if (PyTuple_Check(exc_type)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(exc_type); i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(exc_type, i))) {
                goto bad;
            }
        }
    } else if (!PyExceptionClass_Check(exc_type)) {
        goto bad;
    }
    return PyErr_GivenExceptionMatches(exc, exc_type);
bad:
    PyErr_SetString(PyExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* ---- with --------------------------------------------------------------- */

PyObject *Nuitka_LookupSpecial(PyObject *self, PyObject *name) {
    /* Look up a special method on the type, binding it (new reference, or
     * NULL without error when missing), as _PyObject_LookupSpecial. */
    PyObject *res = _PyType_Lookup(Py_TYPE(self), name);
    if (res == NULL) {
        return NULL;
    }
    descrgetfunc f = Py_TYPE(res)->tp_descr_get;
    if (f == NULL) {
        return Py_NewRef(res);
    }
    return f(res, self, (PyObject *)Py_TYPE(self));
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH: look up the enter and exit specials,
 * call enter, keep exit in *exit_out. The messages are CPython's. */
PyObject *Nuitka_ContextEnter(PyObject *manager, PyObject *enter_name, PyObject *exit_name, const char *no_enter_msg,
                              const char *no_exit_msg, PyObject **exit_out) {
    PyObject *enter = Nuitka_LookupSpecial(manager, enter_name);
    if (enter == NULL) {
        if (!PyErr_Occurred()) {
            Nuitka_RaiseNotContextManager(manager, enter_name, no_enter_msg);
        }
        return NULL;
    }
    PyObject *exit = Nuitka_LookupSpecial(manager, exit_name);
    if (exit == NULL) {
        if (!PyErr_Occurred()) {
            Nuitka_RaiseNotContextManager(manager, exit_name, no_exit_msg);
        }
        Py_DECREF(enter);
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (result == NULL) {
        Py_DECREF(exit);
        return NULL;
    }
    Py_XSETREF(*exit_out, exit);
    return result;
}

PyObject *Nuitka_WithEnter(PyObject *manager, PyObject **exit_out) {
    return Nuitka_ContextEnter(
        manager, string_enter, string_exit, "'%.200s' object does not support the context manager protocol",
        "'%.200s' object does not support the context manager protocol (missed __exit__ method)", exit_out);
}

PyObject *Nuitka_WithExit(PyThreadState *tstate, PyObject *exit_func, PyObject *exc) {
    PyObject *args[3];
    if (exc == NULL) {
        args[0] = args[1] = args[2] = Py_None;
        return PyObject_Vectorcall(exit_func, args, 3, NULL);
    }
    args[0] = (PyObject *)Py_TYPE(exc);
    args[1] = exc;
    PyObject *tb = PyException_GetTraceback(exc);
    args[2] = tb ? tb : Py_None;
    PyObject *result = PyObject_Vectorcall(exit_func, args, 3, NULL);
    Py_XDECREF(tb);
    return result;
}

/* ---- Imports ------------------------------------------------------------ */

PyObject *Nuitka_ImportName(PyObject *globals, PyObject *locals, PyObject *builtins, PyObject *name,
                            PyObject *fromlist, int level) {
    /* As import_name() in ceval.c: honour a replaced builtins.__import__. */
    PyObject *import_func = mapping_get(builtins, Nuitka_String_import);
    if (import_func == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ImportError, "__import__ not found");
        }
        return NULL;
    }
    PyObject *level_obj = PyLong_FromLong(level);
    if (level_obj == NULL) {
        Py_DECREF(import_func);
        return NULL;
    }
    PyObject *result;
    if (locals == NULL) {
        locals = Py_None;
    }
    if (PyCFunction_Check(import_func) && PyCFunction_GET_SELF(import_func) != NULL &&
        PyModule_Check(PyCFunction_GET_SELF(import_func)) &&
        strcmp(PyModule_GetName(PyCFunction_GET_SELF(import_func)), "builtins") == 0 &&
        strcmp(((PyCFunctionObject *)import_func)->m_ml->ml_name, "__import__") == 0) {
        result = PyImport_ImportModuleLevelObject(name, globals, locals, fromlist, level);
    } else {
        PyObject *args[5] = {name, globals, locals, fromlist, level_obj};
        result = PyObject_Vectorcall(import_func, args, 5, NULL);
    }
    Py_DECREF(level_obj);
    Py_DECREF(import_func);
    return result;
}

PyObject *Nuitka_ImportFrom(PyObject *v, PyObject *name) {
    /* As import_from() in ceval.c */
    PyObject *x;
    PyObject *fullmodname, *pkgname, *pkgpath, *pkgname_or_unknown, *errmsg;
    if (_PyObject_LookupAttr(v, name, &x) != 0) {
        return x;
    }
    pkgname = PyObject_GetAttr(v, Nuitka_String_name);
    if (pkgname == NULL) {
        goto error;
    }
    if (!PyUnicode_Check(pkgname)) {
        Py_CLEAR(pkgname);
        goto error;
    }
    fullmodname = PyUnicode_FromFormat("%U.%U", pkgname, name);
    if (fullmodname == NULL) {
        Py_DECREF(pkgname);
        return NULL;
    }
    x = PyImport_GetModule(fullmodname);
    Py_DECREF(fullmodname);
    if (x == NULL && !PyErr_Occurred()) {
        goto error;
    }
    Py_DECREF(pkgname);
    return x;
error:
    pkgpath = PyModule_GetFilenameObject(v);
    if (pkgname == NULL) {
        pkgname_or_unknown = PyUnicode_FromString("<unknown module name>");
        if (pkgname_or_unknown == NULL) {
            Py_XDECREF(pkgpath);
            return NULL;
        }
    } else {
        pkgname_or_unknown = pkgname;
    }
    if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
        PyErr_Clear();
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name, pkgname_or_unknown);
        PyErr_SetImportError(errmsg, pkgname, NULL);
    } else {
        PyObject *spec = PyObject_GetAttr(v, string_spec);
        if (spec == NULL) {
            PyErr_Clear();
        }
        const char *fmt = Nuitka_ModuleSpecIsInitializing(spec) > 0 ? "cannot import name %R from partially initialized module %R "
                                                               "(most likely due to a circular import) (%S)"
                                                             : "cannot import name %R from %R (%S)";
        Py_XDECREF(spec);
        errmsg = PyUnicode_FromFormat(fmt, name, pkgname_or_unknown, pkgpath);
        PyErr_SetImportError(errmsg, pkgname, pkgpath);
    }
    Py_XDECREF(errmsg);
    Py_XDECREF(pkgname_or_unknown);
    Py_XDECREF(pkgpath);
    return NULL;
}

int Nuitka_ImportStar(PyObject *v, PyObject *locals) {
    /* As import_all_from() in ceval.c */
    PyObject *all, *dict, *name, *value;
    int skip_leading_underscores = 0;
    int pos, err;
    if (_PyObject_LookupAttr(v, string_all, &all) < 0) {
        return -1;
    }
    if (all == NULL) {
        if (_PyObject_LookupAttr(v, string_dict, &dict) < 0) {
            return -1;
        }
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL) {
            return -1;
        }
        skip_leading_underscores = 1;
    }
    for (pos = 0, err = 0;; pos++) {
        name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError)) {
                err = -1;
            } else {
                PyErr_Clear();
            }
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(v, Nuitka_String_name);
            if (modname == NULL) {
                Py_DECREF(name);
                err = -1;
                break;
            }
            if (!PyUnicode_Check(modname)) {
                PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                             Py_TYPE(modname)->tp_name);
            } else {
                PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                             skip_leading_underscores ? "Key" : "Item", modname,
                             skip_leading_underscores ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
            }
            Py_DECREF(modname);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores) {
            if (PyUnicode_GET_LENGTH(name) > 0 && PyUnicode_READ_CHAR(name, 0) == '_') {
                Py_DECREF(name);
                continue;
            }
        }
        value = PyObject_GetAttr(v, name);
        if (value == NULL) {
            err = -1;
        } else if (PyDict_CheckExact(locals)) {
            err = PyDict_SetItem(locals, name, value);
        } else {
            err = PyObject_SetItem(locals, name, value);
        }
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err != 0) {
            break;
        }
    }
    Py_DECREF(all);
    return err;
}

/* ---- Classes ------------------------------------------------------------ */

static PyObject *update_bases(PyObject *bases) {
    /* As update_bases() in bltinmodule.c (PEP 560); new reference. */
    Py_ssize_t nargs = PyTuple_GET_SIZE(bases);
    PyObject *new_bases = NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base)) {
            if (new_bases) {
                if (PyList_Append(new_bases, base) < 0) {
                    goto error;
                }
            }
            continue;
        }
        PyObject *meth;
        if (_PyObject_LookupAttr(base, string_mro_entries, &meth) < 0) {
            goto error;
        }
        if (!meth) {
            if (new_bases) {
                if (PyList_Append(new_bases, base) < 0) {
                    goto error;
                }
            }
            continue;
        }
        PyObject *new_base = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (!new_base) {
            goto error;
        }
        if (!PyTuple_Check(new_base)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(new_base);
            goto error;
        }
        if (!new_bases) {
            if (!(new_bases = PyList_New(i))) {
                Py_DECREF(new_base);
                goto error;
            }
            for (Py_ssize_t j = 0; j < i; j++) {
                PyList_SET_ITEM(new_bases, j, Py_NewRef(PyTuple_GET_ITEM(bases, j)));
            }
        }
        Py_ssize_t end = PyList_GET_SIZE(new_bases);
        if (PyList_SetSlice(new_bases, end, end, new_base) < 0) {
            Py_DECREF(new_base);
            goto error;
        }
        Py_DECREF(new_base);
    }
    if (!new_bases) {
        return Py_NewRef(bases);
    }
    PyObject *result = PyList_AsTuple(new_bases);
    Py_DECREF(new_bases);
    return result;
error:
    Py_XDECREF(new_bases);
    return NULL;
}

PyObject *Nuitka_BuildClass(PyObject *func, PyObject *name, PyObject *orig_bases, PyObject *mkw) {
    /* As builtin___build_class__() in bltinmodule.c; mkw may be NULL. */
    PyObject *meta = NULL, *ns = NULL, *cell = NULL, *cls = NULL, *bases = NULL;
    int isclass = 0;
    bases = update_bases(orig_bases);
    if (bases == NULL) {
        return NULL;
    }
    if (mkw != NULL) {
        mkw = PyDict_Copy(mkw);
        if (mkw == NULL) {
            goto error;
        }
        meta = PyDict_GetItemWithError(mkw, string_metaclass);
        if (meta != NULL) {
            Py_INCREF(meta);
            if (PyDict_DelItem(mkw, string_metaclass) < 0) {
                goto error;
            }
            isclass = PyType_Check(meta);
        } else if (PyErr_Occurred()) {
            goto error;
        }
    }
    if (meta == NULL) {
        if (PyTuple_GET_SIZE(bases) == 0) {
            meta = (PyObject *)&PyType_Type;
        } else {
            meta = (PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0));
        }
        Py_INCREF(meta);
        isclass = 1;
    }
    if (isclass) {
        PyObject *winner = (PyObject *)Nuitka_CalculateMetaclass((PyTypeObject *)meta, bases);
        if (winner == NULL) {
            goto error;
        }
        if (winner != meta) {
            Py_SETREF(meta, Py_NewRef(winner));
        }
    }
    PyObject *prep;
    if (_PyObject_LookupAttr(meta, string_prepare, &prep) < 0) {
        ns = NULL;
    } else if (prep == NULL) {
        ns = PyDict_New();
    } else {
        PyObject *pargs[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, pargs, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns == NULL) {
        goto error;
    }
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? ((PyTypeObject *)meta)->tp_name : "<metaclass>", Py_TYPE(ns)->tp_name);
        goto error;
    }
    cell = Nuitka_Function_CallClassBody(func, ns);
    if (cell != NULL) {
        if (bases != orig_bases) {
            if (PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0) {
                goto error;
            }
        }
        PyObject *margs[3] = {name, bases, ns};
        cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
        if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
            PyObject *cell_cls = PyCell_GET(cell);
            if (cell_cls != cls) {
                if (cell_cls == NULL) {
                    const char *msg = "__class__ not set defining %.200R as %.200R. "
                                      "Was __classcell__ propagated to type.__new__?";
                    PyErr_Format(PyExc_RuntimeError, msg, name, cls);
                } else {
                    const char *msg = "__class__ set to %.200R defining %.200R as %.200R";
                    PyErr_Format(PyExc_TypeError, msg, cell_cls, name, cls);
                }
                Py_CLEAR(cls);
                goto error;
            }
        }
    }
error:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    if (bases != orig_bases) {
        Py_DECREF(bases);
    } else {
        Py_DECREF(bases);
    }
    return cls;
}

#if PY_VERSION_HEX < 0x030D0000
#include "internal/pycore_runtime.h"
#endif

/* An exception another thread asked this thread to raise
 * (PyThreadState_SetAsyncExc, which sets the eval breaker): raised here as
 * the eval loop does, and its request taken back. Before 3.13 the eval
 * breaker is one flag for all requests, recomputed from them as the
 * interpreter does (without its checks of which thread may handle signals
 * and pending calls: a request that another thread handles costs this one
 * a check more, until that thread handled it). */
static int raise_async_exception(PyThreadState *tstate) {
    PyObject *exc = tstate->async_exc;
    if (exc == NULL) {
        return 0;
    }
    tstate->async_exc = NULL;
#if PY_VERSION_HEX >= 0x030D0000
    _Py_unset_eval_breaker_bit(tstate, _PY_ASYNC_EXCEPTION_BIT);
#else
    PyInterpreterState *interp = tstate->interp;
    interp->ceval.pending.async_exc = 0;
    int breaker = _Py_atomic_load_relaxed(&interp->ceval.gil_drop_request) |
                  _Py_atomic_load_relaxed(&_PyRuntime.ceval.signals_pending) |
                  _Py_atomic_load_relaxed(&interp->ceval.pending.calls_to_do);
#if PY_VERSION_HEX >= 0x030C0000
    breaker |= _Py_atomic_load_relaxed(&interp->ceval.gc_scheduled) |
               _Py_atomic_load_relaxed(&_PyRuntime.ceval.pending_mainthread.calls_to_do);
#endif
    _Py_atomic_store_relaxed(&interp->ceval.eval_breaker, breaker != 0);
#endif
    PyErr_SetNone(exc);
    Py_DECREF(exc);
    return -1;
}

int Nuitka_HandlePending(PyThreadState *tstate) {
    /* What the eval loop does when its eval breaker is set: run signal
     * handlers (main thread), pending calls, let a thread that asked for
     * the GIL have it, and raise an exception another thread sent. */
    if (PyErr_CheckSignals() < 0) {
        return -1;
    }
    if (Py_MakePendingCalls() < 0) {
        return -1;
    }
    PyEval_RestoreThread(PyEval_SaveThread());
    return raise_async_exception(tstate);
}
