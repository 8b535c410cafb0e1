/* Per-site inline caches for attribute access (obj.name, obj.name = v,
 * obj.name(...)), the C counterpart of CPython 3.11's specialised
 * LOAD_ATTR/STORE_ATTR/LOAD_METHOD instructions (Python/specialize.c).
 *
 * A cache entry is keyed on the type's version tag: the interpreter gives a
 * type a new tag (or none) whenever the type, one of its bases or their
 * dictionaries change, and never reuses a tag. So while Py_TYPE(obj) has the
 * tag seen when the entry was filled, everything learnt from the type then
 * still holds: its tp_getattro/tp_setattro, what _PyType_Lookup(name) finds
 * (kept alive by the type's MRO dictionaries, hence borrowed here) and, for
 * classes whose instances keep their attributes in a values array indexed
 * by the type's shared keys (3.11+), the index of the name in those keys
 * (shared keys only grow by appending).
 *
 * Whatever the entry cannot prove ends in the generic C-API call, so
 * behaviour (descriptors, __getattr__, AttributeError messages, ...) is
 * CPython's own. Layout-dependent code is in the NUITKA_ATTR_* blocks
 * below; on 3.10 (no values arrays) only the layout-independent kinds are
 * used. The filling side is in attributes.c.
 */
#ifndef NUITKA_ATTRIBUTES_H
#define NUITKA_ATTRIBUTES_H

#include "internal/pycore_moduleobject.h" /* PyModuleObject.md_dict */
#if PY_VERSION_HEX >= 0x030B0000
#if PY_VERSION_HEX < 0x030D0000
/* Python.h was read without Py_BUILD_CORE, which defines this alias of the
 * non-core name; pycore_object.h declares the core function of that name. */
#undef _PyObject_LookupSpecial
#endif
#include "internal/pycore_object.h"
#include "internal/pycore_dict.h"
#define NUITKA_ATTR_VALUES 1
#else
#define NUITKA_ATTR_VALUES 0
#endif

enum {
    NUITKA_ATTR_NONE = 0,
    NUITKA_ATTR_INSTANCE_VALUE, /* load/method: values[index] if set */
    NUITKA_ATTR_TYPE_ATTR,      /* load/method: non-data descr on the type, instance lacks the name */
    NUITKA_ATTR_METHOD,         /* method: method descriptor on the type, instance lacks the name */
    NUITKA_ATTR_DATA_DESCR,     /* load/method: data descriptor (property, slot, getset): its tp_descr_get */
    NUITKA_ATTR_MODULE,         /* load/method: module dict entry, keyed on the dict version */
    NUITKA_ATTR_STORE_VALUE,    /* store: values[index] */
    NUITKA_ATTR_STORE_DESCR,    /* store: data descriptor's tp_descr_set */
    NUITKA_ATTR_SLOT,           /* load/method: __slots__ member (object at offset) if set */
    NUITKA_ATTR_STORE_SLOT,     /* store: __slots__ member */
    NUITKA_ATTR_CLASS_ATTR,     /* load/method: attribute of a class object (obj is a type) */
    NUITKA_ATTR_DICT_HINT,      /* load/method: entry index in the instance's own dict object */
    NUITKA_ATTR_STORE_DICT,     /* store: into the instance's own dict object */
};

/* What one type's instances do at the site. */
typedef struct {
    unsigned int type_version; /* 0: empty (never a valid tag) */
    uint8_t kind;
    uint8_t no_dict;    /* instances have no __dict__ at all */
    int16_t index;      /* index of the name in the shared keys (dict hint kind:
                           in the instance dict's keys), or -1 */
    uint32_t nentries;  /* shared keys' entry count when the name was absent */
    unsigned int class_version; /* class attribute kind: the class's own tag */
    PyObject *descr;    /* borrowed: _PyType_Lookup result, or module value */
    union {
        uint64_t dict_version; /* module kind */
        Py_ssize_t offset;     /* slot kinds: offset of the member in the object */
    } u;
} Nuitka_AttrEntry;

/* Sites often see a few classes (subclasses sharing a base class method):
 * a few entries, the first one checked inline. */
#define NUITKA_ATTR_WAYS 4

typedef struct {
    Nuitka_AttrEntry entries[NUITKA_ATTR_WAYS];
    uint8_t next;     /* entry to replace next */
    uint8_t failures; /* consecutive failed fills: the back-off doubles */
    uint16_t backoff; /* misses left before trying to fill an entry again */
} Nuitka_AttrCache;

/* --- version specific access to an instance's values array --------------
 * Only called for types the filling side checked (guarded by the version).
 * Returns NULL when the instance has no (valid) values array. */
#if PY_VERSION_HEX >= 0x030D0000
static inline PyDictValues *Nuitka_Attr_Values(PyObject *obj) {
    PyDictValues *values = _PyObject_InlineValues(obj);
    return values->valid ? values : NULL;
}
/* Stores go straight to the values only when no dict object exists. */
static inline PyDictValues *Nuitka_Attr_ValuesForStore(PyObject *obj) {
    if (_PyObject_GetManagedDict(obj) != NULL) {
        return NULL;
    }
    return Nuitka_Attr_Values(obj);
}
#elif PY_VERSION_HEX >= 0x030C0000
static inline PyDictValues *Nuitka_Attr_Values(PyObject *obj) {
    PyDictOrValues dorv = *_PyObject_DictOrValuesPointer(obj);
    return _PyDictOrValues_IsValues(dorv) ? _PyDictOrValues_GetValues(dorv) : NULL;
}
#define Nuitka_Attr_ValuesForStore Nuitka_Attr_Values
#elif PY_VERSION_HEX >= 0x030B0000
static inline PyDictValues *Nuitka_Attr_Values(PyObject *obj) { return *_PyObject_ValuesPointer(obj); }
#define Nuitka_Attr_ValuesForStore Nuitka_Attr_Values
#endif

/* The instance's own (combined) dict object, when its attributes are no
 * longer kept in a values array (e.g. 3.11 gives instances a dict once the
 * class's shared keys are full, as in CPython's LOAD_ATTR_WITH_HINT case),
 * else NULL. Only for types with managed dicts (checked when filling). */
#if PY_VERSION_HEX >= 0x030D0000
static inline PyDictObject *Nuitka_Attr_Dict(PyObject *obj) {
    PyDictObject *dict = _PyObject_GetManagedDict(obj);
    return dict != NULL && dict->ma_values == NULL ? dict : NULL;
}
#elif PY_VERSION_HEX >= 0x030C0000
static inline PyDictObject *Nuitka_Attr_Dict(PyObject *obj) {
    PyDictOrValues dorv = *_PyObject_DictOrValuesPointer(obj);
    if (_PyDictOrValues_IsValues(dorv)) {
        return NULL;
    }
    PyDictObject *dict = (PyDictObject *)_PyDictOrValues_GetDict(dorv);
    return dict != NULL && dict->ma_values == NULL ? dict : NULL;
}
#elif PY_VERSION_HEX >= 0x030B0000
static inline PyDictObject *Nuitka_Attr_Dict(PyObject *obj) {
    if (*_PyObject_ValuesPointer(obj) != NULL) {
        return NULL;
    }
    PyDictObject *dict = (PyDictObject *)*_PyObject_ManagedDictPointer(obj);
    return dict != NULL && dict->ma_values == NULL ? dict : NULL;
}
#endif

#if NUITKA_ATTR_VALUES
/* The instance has no dict object (only for types with managed dicts). */
static inline int Nuitka_Attr_NoDictObject(PyObject *obj) {
#if PY_VERSION_HEX >= 0x030D0000
    return _PyObject_GetManagedDict(obj) == NULL;
#elif PY_VERSION_HEX >= 0x030C0000
    return _PyObject_DictOrValuesPointer(obj)->dict == NULL;
#else
    return *_PyObject_ManagedDictPointer(obj) == NULL;
#endif
}

/* The value of name in a combined dict if its entry index is ix (borrowed),
 * else NULL. */
static inline PyObject *Nuitka_Attr_DictAt(PyDictObject *dict, Py_ssize_t ix, PyObject *name) {
    PyDictKeysObject *keys = dict->ma_keys;
    if (keys->dk_kind == DICT_KEYS_GENERAL || ix >= keys->dk_nentries) {
        return NULL;
    }
    PyDictUnicodeEntry *entry = DK_UNICODE_ENTRIES(keys) + ix;
    return entry->me_key == name ? entry->me_value : NULL;
}

static inline PyDictKeysObject *Nuitka_Attr_SharedKeys(PyTypeObject *tp) {
    return ((PyHeapTypeObject *)tp)->ht_cached_keys;
}
#endif

/* True when the instance certainly has no attribute of the cached name in
 * its own dictionary/values (so the type's attribute is the answer). */
static inline int Nuitka_Attr_InstanceLacks(PyObject *obj, Nuitka_AttrEntry *cache) {
    if (cache->no_dict) {
        return 1;
    }
#if NUITKA_ATTR_VALUES
    PyDictValues *values = Nuitka_Attr_Values(obj);
    if (values == NULL) {
        /* Instances made by a base's tp_new (list subclasses) have no
         * values array until an attribute is set: no dict either means
         * no attributes at all. */
        return Nuitka_Attr_NoDictObject(obj);
    }
    if (cache->index >= 0) {
        return values->values[cache->index] == NULL;
    }
    return Nuitka_Attr_SharedKeys(Py_TYPE(obj))->dk_nentries == (Py_ssize_t)cache->nentries;
#else
    return 0;
#endif
}

/* A module attribute (json.dumps, math.sqrt: the most common attribute
 * loads of all), checked inline: the module dict's version says nothing
 * changed since the entry was filled (versions are never reused, so it also
 * names the dict). Borrowed result, or NULL when the entry does not apply. */
static inline PyObject *Nuitka_Attr_ModuleHit(PyObject *obj, Nuitka_AttrEntry *cache) {
    if (cache->kind == NUITKA_ATTR_MODULE && Py_TYPE(obj) == &PyModule_Type &&
        Nuitka_DictVersion(((PyModuleObject *)obj)->md_dict) == cache->u.dict_version) {
        return cache->descr;
    }
    return NULL;
}

/* A plain value or function of a class (Strength.REQUIRED, Cls.helper):
 * the class's own version tag covers its whole MRO. Borrowed, or NULL when
 * the entry does not apply (other descriptors are bound out of line). */
static inline PyObject *Nuitka_Attr_ClassHit(PyObject *obj, Nuitka_AttrEntry *cache) {
    if (cache->kind == NUITKA_ATTR_CLASS_ATTR && Py_TYPE(obj)->tp_version_tag == cache->type_version &&
        ((PyTypeObject *)obj)->tp_version_tag == cache->class_version &&
        (Py_TYPE(cache->descr)->tp_descr_get == NULL || Py_TYPE(cache->descr) == &PyFunction_Type)) {
        /* A function bound to no instance is the function itself. */
        return cache->descr;
    }
    return NULL;
}

/* Out of line: other kinds, misses and filling (attributes.c). */
extern PyObject *Nuitka_GetAttrSlow(PyObject *obj, PyObject *name, Nuitka_AttrCache *cache);
extern int Nuitka_SetAttrSlow(PyObject *obj, PyObject *name, PyObject *value, Nuitka_AttrCache *cache);
extern int Nuitka_LoadMethodSlow(PyObject *obj, PyObject *name, PyObject **method, Nuitka_AttrCache *cache);

#if !NUITKA_ATTR_VALUES
/* 3.10: instances with a __dict__ are not cached (no values arrays), so
 * their sites go to the generic path at once; modules and classes are. */
static inline int Nuitka_Attr_Uncached(PyObject *obj) {
    PyTypeObject *tp = Py_TYPE(obj);
    return tp->tp_dictoffset != 0 && tp != &PyModule_Type && !PyType_Check(obj);
}
#endif

/* obj.name: new reference or NULL with an exception. */
static inline PyObject *Nuitka_GetAttrCachedFull(PyObject *obj, PyObject *name, Nuitka_AttrCache *site) {
    Nuitka_AttrEntry *cache = &site->entries[0];
    if (Py_TYPE(obj)->tp_version_tag == cache->type_version && cache->kind == NUITKA_ATTR_SLOT) {
        PyObject *result = *(PyObject **)((char *)obj + cache->u.offset);
        if (likely(result != NULL)) {
            Py_INCREF(result);
            return result;
        }
    }
#if NUITKA_ATTR_VALUES
    /* (The values array was tried inline by Nuitka_GetAttrCached.) */
    if (likely(Py_TYPE(obj)->tp_version_tag == cache->type_version)) {
        if (cache->kind == NUITKA_ATTR_DICT_HINT) {
            PyDictObject *dict = Nuitka_Attr_Dict(obj);
            if (likely(dict != NULL)) {
                PyObject *result = Nuitka_Attr_DictAt(dict, cache->index, name);
                if (likely(result != NULL)) {
                    Py_INCREF(result);
                    return result;
                }
            }
        }
    }
#else
    if (Nuitka_Attr_Uncached(obj)) {
        return PyObject_GetAttr(obj, name);
    }
#endif
    PyObject *module_value = Nuitka_Attr_ModuleHit(obj, cache);
    if (module_value != NULL) {
        return Py_NewRef(module_value);
    }
    PyObject *class_value = Nuitka_Attr_ClassHit(obj, cache);
    if (class_value != NULL) {
        return Py_NewRef(class_value);
    }
    return Nuitka_GetAttrSlow(obj, name, site);
}

/* obj.name = value (value borrowed): 0, or -1 with an exception. */
static inline int Nuitka_SetAttrCachedFull(PyObject *obj, PyObject *name, PyObject *value, Nuitka_AttrCache *site) {
    Nuitka_AttrEntry *cache = &site->entries[0];
    if (Py_TYPE(obj)->tp_version_tag == cache->type_version && cache->kind == NUITKA_ATTR_STORE_SLOT) {
        PyObject **addr = (PyObject **)((char *)obj + cache->u.offset);
        PyObject *old = *addr;
        *addr = Py_NewRef(value);
        Py_XDECREF(old);
        return 0;
    }
    /* (A store into the values array was tried inline by Nuitka_SetAttrCached.) */
#if !NUITKA_ATTR_VALUES
    if (Py_TYPE(obj)->tp_dictoffset != 0) {
        return PyObject_SetAttr(obj, name, value);
    }
#endif
    return Nuitka_SetAttrSlow(obj, name, value, site);
}

/* Like Nuitka_LoadMethod (fastpaths.h): 1 when *method is a method
 * descriptor found on the type (call with obj prepended), 0 when it is the
 * attribute value, -1 on error. */
static inline int Nuitka_LoadMethodCachedFull(PyObject *obj, PyObject *name, PyObject **method, Nuitka_AttrCache *site) {
    /* (A method of the type was tried inline by Nuitka_LoadMethodCached.) */
    Nuitka_AttrEntry *cache = &site->entries[0];
    PyObject *module_value = Nuitka_Attr_ModuleHit(obj, cache);
    if (module_value == NULL) {
        module_value = Nuitka_Attr_ClassHit(obj, cache);
    }
    if (module_value != NULL) {
        *method = Py_NewRef(module_value);
        return 0;
    }
#if !NUITKA_ATTR_VALUES
    if (Nuitka_Attr_Uncached(obj)) {
        return Nuitka_LoadMethod(obj, name, method);
    }
#endif
    return Nuitka_LoadMethodSlow(obj, name, method, site);
}

/* What each site inlines: the most frequent kind of each operation (an
 * instance attribute in the values array, a method of the class), the
 * rest in one out-of-line call per operation (attributes.c), so that gcc
 * keeps the sites small and does not give up inlining in big modules. */
extern PyObject *Nuitka_GetAttrOther(PyObject *obj, PyObject *name, Nuitka_AttrCache *site);
extern int Nuitka_SetAttrOther(PyObject *obj, PyObject *name, PyObject *value, Nuitka_AttrCache *site);
extern int Nuitka_LoadMethodOther(PyObject *obj, PyObject *name, PyObject **method, Nuitka_AttrCache *site);

/* obj.name: new reference or NULL with an exception. */
static NUITKA_FAST_INLINE PyObject *Nuitka_GetAttrCached(PyObject *obj, PyObject *name, Nuitka_AttrCache *site) {
#if NUITKA_ATTR_VALUES
    Nuitka_AttrEntry *cache = &site->entries[0];
    if (likely(Py_TYPE(obj)->tp_version_tag == cache->type_version && cache->kind == NUITKA_ATTR_INSTANCE_VALUE)) {
        PyDictValues *values = Nuitka_Attr_Values(obj);
        if (likely(values != NULL)) {
            PyObject *result = values->values[cache->index];
            if (likely(result != NULL)) {
                Py_INCREF(result);
                return result;
            }
        }
    }
#endif
    return Nuitka_GetAttrOther(obj, name, site);
}

/* obj.name = value (value borrowed): 0, or -1 with an exception. */
static NUITKA_FAST_INLINE int Nuitka_SetAttrCached(PyObject *obj, PyObject *name, PyObject *value,
                                                   Nuitka_AttrCache *site) {
#if NUITKA_ATTR_VALUES
    Nuitka_AttrEntry *cache = &site->entries[0];
    if (likely(Py_TYPE(obj)->tp_version_tag == cache->type_version && cache->kind == NUITKA_ATTR_STORE_VALUE)) {
        PyDictValues *values = Nuitka_Attr_ValuesForStore(obj);
        if (likely(values != NULL)) {
            PyObject *old = values->values[cache->index];
            Py_INCREF(value);
            values->values[cache->index] = value;
            if (old == NULL) {
                _PyDictValues_AddToInsertionOrder(values, cache->index);
            } else {
                Py_DECREF(old);
            }
            return 0;
        }
    }
#endif
    return Nuitka_SetAttrOther(obj, name, value, site);
}

/* 1: *method is a method of the type (call it with obj prepended), 0: it is
 * the attribute's value, -1: error. */
static NUITKA_FAST_INLINE int Nuitka_LoadMethodCached(PyObject *obj, PyObject *name, PyObject **method,
                                                      Nuitka_AttrCache *site) {
    Nuitka_AttrEntry *cache = &site->entries[0];
    if (likely(Py_TYPE(obj)->tp_version_tag == cache->type_version && cache->kind == NUITKA_ATTR_METHOD &&
               Nuitka_Attr_InstanceLacks(obj, cache))) {
        *method = Py_NewRef(cache->descr);
        return 1;
    }
    return Nuitka_LoadMethodOther(obj, name, method, site);
}

#endif
