/* Fast paths for the most frequent operations of generated code.
 *
 * These are what CPython's specialising interpreter does with its inline
 * caches (LOAD_GLOBAL_MODULE/BUILTIN, LOAD_METHOD + CALL), done once per call
 * site in C. They are static inline so that the C compiler sees through them
 * at each site.
 */
#ifndef NUITKA_FASTPATHS_H
#define NUITKA_FASTPATHS_H

#if PY_VERSION_HEX >= 0x030B0000
#include "internal/pycore_dict.h" /* entries of the globals dict */
#endif

/* Exported by every supported CPython (internal header in 3.13). */
PyAPI_FUNC(int) _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);

/* --- globals --------------------------------------------------------------
 * One cache per global name load site. A dict's version tag changes with
 * every modification of the dict and is unique across dicts, so while both
 * the globals and the builtins dict keep the versions seen at the last
 * lookup, the value found then is still the one a lookup would find now
 * (and is kept alive by the dict that holds it). */
typedef struct {
    uint64_t globals_version;
    uint64_t builtins_version;
    PyObject *value; /* borrowed from globals or builtins */
    /* Where value was found, for revalidating it after the versions moved
     * on (a store to any global changes the globals' version): >= 0 its
     * entry index in the globals dict (3.11+), -1 the builtins, -2 the
     * globals without an index. */
    Py_ssize_t index;
} Nuitka_GlobalCache;

/* Misses of the versions (out of line, helpers.c). */
extern PyObject *Nuitka_LoadGlobalSlow(PyObject *globals, PyObject *builtins, PyObject *name,
                                       Nuitka_GlobalCache *cache);

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
static inline uint64_t Nuitka_DictVersion(PyObject *dict) { return ((PyDictObject *)dict)->ma_version_tag; }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static inline PyObject *Nuitka_LoadGlobalCached(PyObject *globals, PyObject *builtins, PyObject *name,
                                                Nuitka_GlobalCache *cache) {
    if (likely(cache->value != NULL && cache->globals_version == Nuitka_DictVersion(globals) &&
               cache->builtins_version == Nuitka_DictVersion(builtins))) {
        Py_INCREF(cache->value);
        return cache->value;
    }
#if PY_VERSION_HEX >= 0x030B0000
    /* A store to any global moved the version on (a counter the program
     * updates in a loop): the entry the name was found at still tells. */
    if (cache->index >= 0 && cache->value != NULL && ((PyDictObject *)globals)->ma_values == NULL) {
        PyDictKeysObject *keys = ((PyDictObject *)globals)->ma_keys;
        if (likely(keys->dk_kind != DICT_KEYS_GENERAL && cache->index < keys->dk_nentries)) {
            PyDictUnicodeEntry *entry = DK_UNICODE_ENTRIES(keys) + cache->index;
            if (likely(entry->me_key == name && entry->me_value != NULL)) {
                return Py_NewRef(entry->me_value);
            }
        }
    }
#endif
    return Nuitka_LoadGlobalSlow(globals, builtins, name, cache);
}

/* --- method calls ---------------------------------------------------------
 * obj.name(...) without creating a bound method: returns 1 when *method is
 * a plain function found on the type (call it with obj prepended), 0 when
 * *method is already the attribute value (call it as is), -1 on error. */
static inline int Nuitka_LoadMethod(PyObject *obj, PyObject *name, PyObject **method) {
    int unbound = _PyObject_GetMethod(obj, name, method);
    if (unlikely(*method == NULL)) {
        return -1;
    }
    return unbound;
}

/* Call what Nuitka_LoadMethod found. args[0] is obj, args[1..nargs] the
 * arguments (kwnames values follow, as for vectorcall). */
/* A compiled function is called directly (Nuitka_Call), without a bound
 * method in between. */
static inline PyObject *Nuitka_CallMethod(PyThreadState *tstate, PyObject *method, int unbound, PyObject **args,
                                          Py_ssize_t nargs, PyObject *kwnames) {
    if (unbound) {
        if (Nuitka_Function_Check(method)) {
            Nuitka_FastEntry fast = Nuitka_Fast_EntryFor(method, nargs + 1, kwnames);
            if (likely(fast != NULL)) {
                return fast(tstate, method, args);
            }
            return Nuitka_Function_CallDirect(tstate, method, args, nargs + 1, kwnames);
        }
        return Nuitka_CallMethodOther(tstate, method, args, nargs, kwnames);
    }
    if (Nuitka_Function_Check(method)) {
        return Nuitka_Function_CallDirect(tstate, method, args + 1, nargs, kwnames);
    }
    return Nuitka_CallOther(tstate, method, args + 1, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
}

/* lst.append(item) where lst is exactly a list: what list.append does
 * (the method of an exact list is always list.append: builtin types cannot
 * be changed and lists have no instance dict), without the method call. */
static inline PyObject *Nuitka_List_AppendNone(PyObject *list, PyObject *item) {
    PyListObject *self = (PyListObject *)list;
    Py_ssize_t size = Py_SIZE(self);
    if (likely(self->allocated > size)) {
        PyList_SET_ITEM(list, size, Py_NewRef(item));
        Py_SET_SIZE(self, size + 1);
    } else if (unlikely(PyList_Append(list, item) < 0)) {
        return NULL;
    }
    Py_RETURN_NONE;
}

#endif
