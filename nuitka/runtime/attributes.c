/* Filling and the less frequent kinds of the attribute site caches
 * (include/nuitka/attributes.h explains the validity rules). */
#include "nuitka/prelude.h"
#if PY_VERSION_HEX < 0x030C0000
#include <structmember.h>
#define Py_T_OBJECT_EX T_OBJECT_EX
#define Py_READONLY READONLY
#endif

/* Misses to let pass with the generic path after a site could not be cached
 * (doubling with each further failure), so that sites that cannot be
 * specialised cost little. */
#define NUITKA_ATTR_BACKOFF 16
#define NUITKA_ATTR_MAX_FAILURES 8

static void Nuitka_Attr_BackOff(Nuitka_AttrCache *site) {
    site->backoff = (uint16_t)(NUITKA_ATTR_BACKOFF << site->failures);
    if (site->failures < NUITKA_ATTR_MAX_FAILURES) {
        site->failures++;
    }
}

enum { MODE_LOAD, MODE_METHOD, MODE_STORE };

/* The type has a version tag (3.13 no longer uses the flag). */
static int Nuitka_Attr_HasVersion(PyTypeObject *tp) {
#if PY_VERSION_HEX >= 0x030D0000
    return tp->tp_version_tag != 0;
#else
    return (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) && tp->tp_version_tag != 0;
#endif
}

#if NUITKA_ATTR_VALUES
/* Index of name in shared keys (they are only ever appended to), or -1. */
static Py_ssize_t Nuitka_Attr_KeysIndex(PyDictKeysObject *keys, PyObject *name) {
    if (keys == NULL || keys->dk_kind == DICT_KEYS_GENERAL) {
        return -2;
    }
    PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
    /* Attribute names are usually the same interned objects. */
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        if (entries[i].me_key == name) {
            return i;
        }
    }
    Py_hash_t hash = PyObject_Hash(name); /* exact str: cannot fail or run code */
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        PyObject *key = entries[i].me_key;
        /* Keys of a dict have their hash computed and cached. */
        if (key != NULL && ((PyASCIIObject *)key)->hash == hash && PyUnicode_Compare(key, name) == 0) {
            return i;
        }
    }
    return -1;
}

/* The type keeps instance attributes in values arrays over shared keys. */
static int Nuitka_Attr_HasValues(PyTypeObject *tp) {
#if PY_VERSION_HEX >= 0x030D0000
    if (!(tp->tp_flags & Py_TPFLAGS_INLINE_VALUES)) {
        return 0;
    }
#endif
    return (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) && (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
           Nuitka_Attr_SharedKeys(tp) != NULL && Nuitka_Attr_SharedKeys(tp)->dk_kind != DICT_KEYS_GENERAL;
}
#endif

/* Describe in *cache what obj.name does for Py_TYPE(obj); returns whether
 * that could be done. The type's tag is assigned by _PyType_Lookup like the
 * interpreter does it. */
static int Nuitka_Attr_Fill(PyObject *obj, PyObject *name, Nuitka_AttrEntry *cache, int mode) {
    PyTypeObject *tp = Py_TYPE(obj);
    if (!PyUnicode_CheckExact(name)) {
        return 0;
    }
    PyObject *descr = _PyType_Lookup(tp, name);
    if (!Nuitka_Attr_HasVersion(tp)) {
        return 0;
    }
    unsigned int version = tp->tp_version_tag;
    cache->descr = descr;
    cache->index = -1;
    cache->no_dict = 0;

    if (mode != MODE_STORE && tp == &PyModule_Type) {
        /* module_getattro: generic lookup (data descriptors only exist for
         * names like __dict__, so insist on no type attribute), then the
         * module's __getattr__, which a found dict entry makes irrelevant. */
        if (descr != NULL) {
            return 0;
        }
        PyObject *dict = PyModule_GetDict(obj);
        if (dict == NULL || !PyDict_CheckExact(dict)) {
            return 0;
        }
        PyObject *value = PyDict_GetItemWithError(dict, name);
        if (value == NULL) {
            PyErr_Clear();
            return 0;
        }
        cache->descr = value;
        cache->u.dict_version = Nuitka_DictVersion(dict);
        cache->kind = NUITKA_ATTR_MODULE;
        cache->type_version = version;
        return 1;
    }

    if (mode != MODE_STORE && PyType_Check(obj) && tp->tp_getattro == PyType_Type.tp_getattro) {
        /* type_getattro: a data descriptor on the metatype first (none
         * here, and a mutable class of the metatype's attribute could become
         * one), then the class's own attribute, bound by its __get__ with
         * no instance. The attribute's type is checked at each use. */
        if (descr != NULL &&
            (!(Py_TYPE(descr)->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) || Py_TYPE(descr)->tp_descr_set != NULL)) {
            return 0;
        }
        PyTypeObject *cls = (PyTypeObject *)obj;
        PyObject *attribute = _PyType_Lookup(cls, name);
        if (attribute == NULL || !Nuitka_Attr_HasVersion(cls) ||
            tp->tp_version_tag != version) {
            return 0;
        }
        cache->descr = attribute;
        cache->class_version = cls->tp_version_tag;
        cache->kind = NUITKA_ATTR_CLASS_ATTR;
        cache->type_version = version;
        return 1;
    }

    if (mode == MODE_STORE ? tp->tp_setattro != PyObject_GenericSetAttr : tp->tp_getattro != PyObject_GenericGetAttr) {
        return 0;
    }
    /* A mutable descriptor class could gain __get__/__set__ later without
     * changing tp's version: kinds that rely on what the descriptor is not
     * check it again at each use, or require an immutable class. */
    int descr_immutable = descr == NULL || (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_IMMUTABLETYPE);
    if (descr != NULL) {
        PyTypeObject *dtype = Py_TYPE(descr);
        if (dtype == &PyMemberDescr_Type) {
            /* __slots__ member (LOAD_ATTR_SLOT): an object pointer at an
             * offset, NULL when unset (the generic path raises then). */
            PyMemberDescrObject *member = (PyMemberDescrObject *)descr;
            PyMemberDef *def = member->d_member;
            if (def->type == Py_T_OBJECT_EX && (def->flags & ~(mode == MODE_STORE ? 0 : Py_READONLY)) == 0 &&
                PyType_IsSubtype(tp, PyDescr_TYPE(member))) {
                cache->u.offset = def->offset;
                cache->kind = mode == MODE_STORE ? NUITKA_ATTR_STORE_SLOT : NUITKA_ATTR_SLOT;
                cache->type_version = version;
                return 1;
            }
        }
        if (dtype->tp_descr_set != NULL) {
            if (mode == MODE_STORE) {
                cache->kind = NUITKA_ATTR_STORE_DESCR;
            } else if (dtype->tp_descr_get != NULL) {
                cache->kind = NUITKA_ATTR_DATA_DESCR;
            } else {
                return 0;
            }
            cache->type_version = version;
            return 1;
        }
    }

    if (tp->tp_dictoffset == 0) {
        /* No instance dictionary: the type's attribute is the answer. */
        if (descr == NULL || mode == MODE_STORE) {
            return 0;
        }
        cache->no_dict = 1;
        if (mode == MODE_METHOD && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) && descr_immutable) {
            cache->kind = NUITKA_ATTR_METHOD;
        } else {
            cache->kind = NUITKA_ATTR_TYPE_ATTR;
        }
        cache->type_version = version;
        return 1;
    }

#if NUITKA_ATTR_VALUES
    if (!Nuitka_Attr_HasValues(tp)) {
        return 0;
    }
    PyDictObject *dict = Nuitka_Attr_Dict(obj);
    if (dict != NULL) {
        /* The instance's attributes moved to a dict object of its own. */
        if (!descr_immutable || dict->ma_keys->dk_kind == DICT_KEYS_GENERAL) {
            return 0;
        }
        if (mode == MODE_STORE) {
            /* Where the name is in the dict now: a store replacing that
             * value is done in place (Nuitka_Attr_StoreDictHint). */
            Py_ssize_t ix = Nuitka_Attr_KeysIndex(dict->ma_keys, name);
            cache->index = (int16_t)(ix >= 0 && ix <= INT16_MAX ? ix : -1);
            cache->kind = NUITKA_ATTR_STORE_DICT;
            cache->type_version = version;
            return 1;
        }
        Py_ssize_t ix = Nuitka_Attr_KeysIndex(dict->ma_keys, name);
        if (ix >= 0 && ix <= INT16_MAX && Nuitka_Attr_DictAt(dict, ix, name) != NULL) {
            cache->index = (int16_t)ix;
            cache->kind = NUITKA_ATTR_DICT_HINT;
        } else if (ix == -1 && descr != NULL) {
            /* Checked at each use by a lookup in the instance's dict. */
            if (mode == MODE_METHOD && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
                cache->kind = NUITKA_ATTR_METHOD;
            } else {
                cache->kind = NUITKA_ATTR_TYPE_ATTR;
            }
            /* Instances with values arrays (same type) are checked as
             * for the kinds filled from them. */
            PyDictKeysObject *shared = Nuitka_Attr_SharedKeys(tp);
            Py_ssize_t index = Nuitka_Attr_KeysIndex(shared, name);
            if (index < -1 || index > 255) {
                return 0;
            }
            cache->index = (int16_t)index;
            cache->nentries = (uint32_t)shared->dk_nentries;
        } else {
            return 0;
        }
        cache->type_version = version;
        return 1;
    }
    PyDictKeysObject *keys = Nuitka_Attr_SharedKeys(tp);
    Py_ssize_t index = Nuitka_Attr_KeysIndex(keys, name);
    if (index < -1 || index > 255) {
        return 0;
    }
    cache->index = (int16_t)index;
    cache->nentries = (uint32_t)keys->dk_nentries;
    if (mode == MODE_STORE) {
        if (index < 0 || !descr_immutable) {
            return 0; /* the generic store adds it to the shared keys */
        }
        cache->kind = NUITKA_ATTR_STORE_VALUE;
        cache->type_version = version;
        return 1;
    }
    PyDictValues *values = Nuitka_Attr_Values(obj);
    if (index >= 0 && (descr == NULL || (values != NULL && values->values[index] != NULL))) {
        if (!descr_immutable) {
            return 0;
        }
        cache->kind = NUITKA_ATTR_INSTANCE_VALUE;
    } else if (descr != NULL) {
        if (mode == MODE_METHOD && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) && descr_immutable) {
            cache->kind = NUITKA_ATTR_METHOD;
        } else {
            cache->kind = NUITKA_ATTR_TYPE_ATTR;
        }
    } else {
        return 0;
    }
    cache->type_version = version;
    return 1;
#else
    return 0;
#endif
}

/* The entry for obj's type (and for class objects, the class), if any. */
static Nuitka_AttrEntry *Nuitka_Attr_Find(PyObject *obj, Nuitka_AttrCache *site) {
    unsigned int version = Py_TYPE(obj)->tp_version_tag;
    for (int i = 0; i < NUITKA_ATTR_WAYS; i++) {
        Nuitka_AttrEntry *entry = &site->entries[i];
        if (entry->type_version == version && entry->kind != NUITKA_ATTR_NONE &&
            (entry->kind != NUITKA_ATTR_CLASS_ATTR || ((PyTypeObject *)obj)->tp_version_tag == entry->class_version)) {
            return entry;
        }
    }
    return NULL;
}

/* After a miss: count down the back-off, or fill an entry for obj's type
 * (replacing a stale one of the same type, else round robin). */
static Nuitka_AttrEntry *Nuitka_Attr_Refill(PyObject *obj, PyObject *name, Nuitka_AttrCache *site, int mode) {
    if (site->backoff > 0) {
        site->backoff--;
        return NULL;
    }
    Nuitka_AttrEntry entry = {0};
    if (!Nuitka_Attr_Fill(obj, name, &entry, mode)) {
        Nuitka_Attr_BackOff(site);
        return NULL;
    }
    Nuitka_AttrEntry *slot = NULL;
    for (int i = 0; i < NUITKA_ATTR_WAYS; i++) {
        if ((site->entries[i].type_version == entry.type_version &&
             (entry.kind != NUITKA_ATTR_CLASS_ATTR || site->entries[i].class_version == entry.class_version)) ||
            site->entries[i].kind == NUITKA_ATTR_NONE) {
            slot = &site->entries[i];
            break;
        }
    }
    if (slot == NULL) {
        slot = &site->entries[site->next];
        site->next = (uint8_t)((site->next + 1) % NUITKA_ATTR_WAYS);
    }
    *slot = entry;
    return slot;
}

/* Loads through an entry: a new reference; NULL without an exception when
 * the entry does not apply to this object; NULL with *error set when a
 * descriptor raised. */
/* Nuitka_Attr_InstanceLacks, also for instances whose attributes are in a
 * dict object of their own (a lookup there: str keys only, so no code runs). */
static int Nuitka_Attr_InstanceLacksName(PyObject *obj, Nuitka_AttrEntry *cache, PyObject *name) {
    if (Nuitka_Attr_InstanceLacks(obj, cache)) {
        return 1;
    }
#if NUITKA_ATTR_VALUES
    PyDictObject *dict = Nuitka_Attr_Dict(obj);
    if (dict != NULL && dict->ma_keys->dk_kind != DICT_KEYS_GENERAL) {
        Py_hash_t hash = ((PyASCIIObject *)name)->hash;
        if (hash == -1) {
            hash = PyObject_Hash(name);
        }
        return _PyDict_GetItem_KnownHash((PyObject *)dict, name, hash) == NULL;
    }
#endif
    return 0;
}

static PyObject *Nuitka_Attr_TryLoad(PyObject *obj, PyObject *name, Nuitka_AttrEntry *cache, int *error) {
    PyTypeObject *tp = Py_TYPE(obj);
    switch (cache->kind) {
#if NUITKA_ATTR_VALUES
    case NUITKA_ATTR_INSTANCE_VALUE: {
        PyDictValues *values = Nuitka_Attr_Values(obj);
        if (values != NULL && values->values[cache->index] != NULL) {
            return Py_NewRef(values->values[cache->index]);
        }
        return NULL;
    }
    case NUITKA_ATTR_DICT_HINT: {
        PyDictObject *dict = Nuitka_Attr_Dict(obj);
        PyObject *result = dict != NULL ? Nuitka_Attr_DictAt(dict, cache->index, name) : NULL;
        return result != NULL ? Py_NewRef(result) : NULL;
    }
#endif
    case NUITKA_ATTR_METHOD:
    case NUITKA_ATTR_TYPE_ATTR: {
        if (!Nuitka_Attr_InstanceLacksName(obj, cache, name)) {
            return NULL;
        }
        PyObject *descr = cache->descr;
        if (Py_TYPE(descr)->tp_descr_set != NULL) {
            return NULL; /* became a data descriptor */
        }
        descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
        if (get == NULL) {
            return Py_NewRef(descr);
        }
        /* The call may run code that drops the type's reference. */
        Py_INCREF(descr);
        PyObject *result = get(descr, obj, (PyObject *)tp);
        Py_DECREF(descr);
        *error = result == NULL;
        return result;
    }
    case NUITKA_ATTR_DATA_DESCR: {
        PyObject *descr = cache->descr;
        if (Py_TYPE(descr)->tp_descr_set == NULL || Py_TYPE(descr)->tp_descr_get == NULL) {
            return NULL;
        }
        Py_INCREF(descr);
        PyObject *result = Py_TYPE(descr)->tp_descr_get(descr, obj, (PyObject *)tp);
        Py_DECREF(descr);
        *error = result == NULL;
        return result;
    }
    case NUITKA_ATTR_CLASS_ATTR: {
        if (((PyTypeObject *)obj)->tp_version_tag != cache->class_version) {
            return NULL;
        }
        PyObject *attribute = cache->descr;
        descrgetfunc get = Py_TYPE(attribute)->tp_descr_get;
        if (get == NULL) {
            return Py_NewRef(attribute);
        }
        Py_INCREF(attribute);
        PyObject *result = get(attribute, NULL, obj);
        Py_DECREF(attribute);
        *error = result == NULL;
        return result;
    }
    case NUITKA_ATTR_SLOT: {
        PyObject *result = *(PyObject **)((char *)obj + cache->u.offset);
        return result != NULL ? Py_NewRef(result) : NULL;
    }
    case NUITKA_ATTR_MODULE:
        if (Nuitka_DictVersion(PyModule_GetDict(obj)) == cache->u.dict_version) {
            return Py_NewRef(cache->descr);
        }
        return NULL;
    default:
        return NULL;
    }
}

PyObject *Nuitka_GetAttrSlow(PyObject *obj, PyObject *name, Nuitka_AttrCache *site) {
#if NUITKA_ATTR_VALUES
    /* Polymorphic sites (a base class method used by several subclasses):
     * the instance value of another way's type, without the generic entry
     * search and switch below. */
    unsigned int version = Py_TYPE(obj)->tp_version_tag;
    for (int i = 1; i < NUITKA_ATTR_WAYS; i++) {
        Nuitka_AttrEntry *way = &site->entries[i];
        if (way->type_version == version && way->kind == NUITKA_ATTR_INSTANCE_VALUE) {
            PyDictValues *values = Nuitka_Attr_Values(obj);
            PyObject *result = values != NULL ? values->values[way->index] : NULL;
            if (likely(result != NULL)) {
                return Py_NewRef(result);
            }
            break;
        }
    }
#endif
    int error = 0;
    Nuitka_AttrEntry *entry = Nuitka_Attr_Find(obj, site);
    if (entry != NULL) {
        PyObject *result = Nuitka_Attr_TryLoad(obj, name, entry, &error);
        if (result != NULL || error) {
            return result;
        }
    }
    entry = Nuitka_Attr_Refill(obj, name, site, MODE_LOAD);
    if (entry != NULL) {
        PyObject *result = Nuitka_Attr_TryLoad(obj, name, entry, &error);
        if (result != NULL || error) {
            site->failures = 0;
            return result;
        }
        /* Not for this object (e.g. its dict was materialised): do not
         * refill at each access. */
        Nuitka_Attr_BackOff(site);
    }
    return PyObject_GetAttr(obj, name);
}

/* Method loads through an entry: 1/0/-1 as Nuitka_LoadMethodCached, -2
 * when the entry does not apply. */
static int Nuitka_Attr_TryMethod(PyObject *obj, PyObject *name, Nuitka_AttrEntry *entry, PyObject **method) {
    if (entry->kind == NUITKA_ATTR_METHOD) {
        if (Nuitka_Attr_InstanceLacksName(obj, entry, name)) {
            *method = Py_NewRef(entry->descr);
            return 1;
        }
        return -2;
    }
    int error = 0;
    PyObject *result = Nuitka_Attr_TryLoad(obj, name, entry, &error);
    *method = result;
    if (result != NULL) {
        return 0;
    }
    return error ? -1 : -2;
}

int Nuitka_LoadMethodSlow(PyObject *obj, PyObject *name, PyObject **method, Nuitka_AttrCache *site) {
    /* Polymorphic sites: a method of another way's type (see above). */
    unsigned int version = Py_TYPE(obj)->tp_version_tag;
    for (int i = 1; i < NUITKA_ATTR_WAYS; i++) {
        Nuitka_AttrEntry *way = &site->entries[i];
        if (way->type_version == version && way->kind == NUITKA_ATTR_METHOD) {
            if (likely(Nuitka_Attr_InstanceLacks(obj, way))) {
                *method = Py_NewRef(way->descr);
                return 1;
            }
            break;
        }
    }
    Nuitka_AttrEntry *entry = Nuitka_Attr_Find(obj, site);
    if (entry != NULL) {
        int res = Nuitka_Attr_TryMethod(obj, name, entry, method);
        if (res != -2) {
            return res;
        }
    }
    entry = Nuitka_Attr_Refill(obj, name, site, MODE_METHOD);
    if (entry != NULL) {
        int res = Nuitka_Attr_TryMethod(obj, name, entry, method);
        if (res != -2) {
            site->failures = 0;
            return res;
        }
        Nuitka_Attr_BackOff(site);
    }
    return Nuitka_LoadMethod(obj, name, method);
}

/* Stores that replace a value in an instance's own dict in place need a
 * new version tag for the dict (PEP 509: unique among all dicts, and
 * greater than every earlier one). 3.12+ keep the counter in the
 * interpreter state; 3.11 keeps it in libpython, unexported (making and
 * dropping a dict to draw a number costs more than the full store). */
#if PY_VERSION_HEX >= 0x030C0000 && !defined(Py_GIL_DISABLED)
#define NUITKA_DICT_HINT_STORES 1
#else
#define NUITKA_DICT_HINT_STORES 0
#endif

#if NUITKA_DICT_HINT_STORES
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" /* ma_version_tag */
#endif
/* obj.name = value into the instance's own dict where the name already is
 * at the entry's index (CPython's STORE_ATTR_WITH_HINT): replace the value
 * in place. 0 when done, -1 when that does not apply (nothing changed). */
static int Nuitka_Attr_StoreDictHint(PyObject *obj, Nuitka_AttrEntry *cache, PyObject *name, PyObject *value) {
    PyDictObject *dict = Nuitka_Attr_Dict(obj);
    if (dict == NULL) {
        return -1;
    }
    if ((dict->ma_version_tag & (DICT_VERSION_INCREMENT - 1)) != 0) {
        return -1; /* watched: the watchers must hear of the change */
    }
    PyDictKeysObject *keys = dict->ma_keys;
    if (keys->dk_kind == DICT_KEYS_GENERAL || cache->index >= keys->dk_nentries) {
        return -1;
    }
    PyDictUnicodeEntry *entry = DK_UNICODE_ENTRIES(keys) + cache->index;
    if (entry->me_key != name || entry->me_value == NULL) {
        return -1;
    }
    PyObject *old = entry->me_value;
    entry->me_value = Py_NewRef(value);
    dict->ma_version_tag = DICT_NEXT_VERSION(PyInterpreterState_Get());
    if (!Nuitka_GC_IsTracked((PyObject *)dict) && _PyObject_GC_MAY_BE_TRACKED(value)) {
        PyObject_GC_Track(dict);
    }
    Py_DECREF(old); /* last: may run code */
    return 0;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#endif

/* Stores through an entry: 0, -1 with an exception, -2 when the entry does
 * not apply. */
static int Nuitka_Attr_TryStore(PyObject *obj, PyObject *name, Nuitka_AttrEntry *entry, PyObject *value) {
    switch (entry->kind) {
    case NUITKA_ATTR_STORE_SLOT: {
        PyObject **addr = (PyObject **)((char *)obj + entry->u.offset);
        PyObject *old = *addr;
        *addr = Py_NewRef(value);
        Py_XDECREF(old);
        return 0;
    }
    case NUITKA_ATTR_STORE_DESCR: {
        if (Py_TYPE(entry->descr)->tp_descr_set == NULL) {
            return -2;
        }
        /* The setter may run code that drops the type's reference. */
        PyObject *descr = Py_NewRef(entry->descr);
        int res = Py_TYPE(descr)->tp_descr_set(descr, obj, value);
        Py_DECREF(descr);
        return res < 0 ? -1 : 0;
    }
#if NUITKA_ATTR_VALUES
    case NUITKA_ATTR_STORE_DICT: {
        /* What the generic store does with an instance dict. */
#if NUITKA_DICT_HINT_STORES
        if (entry->index >= 0 && Nuitka_Attr_StoreDictHint(obj, entry, name, value) == 0) {
            return 0;
        }
#endif
        PyDictObject *dict = Nuitka_Attr_Dict(obj);
        if (dict == NULL) {
            return -2;
        }
        return PyDict_SetItem((PyObject *)dict, name, value);
    }
    case NUITKA_ATTR_STORE_VALUE: {
        PyDictValues *values = Nuitka_Attr_ValuesForStore(obj);
        if (values == NULL) {
            return -2;
        }
        PyObject *old = values->values[entry->index];
        Py_INCREF(value);
        values->values[entry->index] = value;
        if (old == NULL) {
            _PyDictValues_AddToInsertionOrder(values, entry->index);
        } else {
            Py_DECREF(old);
        }
        return 0;
    }
#endif
    default:
        return -2;
    }
}

int Nuitka_SetAttrSlow(PyObject *obj, PyObject *name, PyObject *value, Nuitka_AttrCache *site) {
    Nuitka_AttrEntry *entry = Nuitka_Attr_Find(obj, site);
    if (entry != NULL) {
        int res = Nuitka_Attr_TryStore(obj, name, entry, value);
        if (res != -2) {
            return res;
        }
    }
    entry = Nuitka_Attr_Refill(obj, name, site, MODE_STORE);
    if (entry != NULL) {
        int res = Nuitka_Attr_TryStore(obj, name, entry, value);
        if (res != -2) {
            site->failures = 0;
            return res;
        }
        Nuitka_Attr_BackOff(site);
    }
    return PyObject_SetAttr(obj, name, value);
}

PyObject *Nuitka_GetAttrOther(PyObject *obj, PyObject *name, Nuitka_AttrCache *site) {
    return Nuitka_GetAttrCachedFull(obj, name, site);
}

int Nuitka_SetAttrOther(PyObject *obj, PyObject *name, PyObject *value, Nuitka_AttrCache *site) {
    return Nuitka_SetAttrCachedFull(obj, name, value, site);
}

int Nuitka_LoadMethodOther(PyObject *obj, PyObject *name, PyObject **method, Nuitka_AttrCache *site) {
    return Nuitka_LoadMethodCachedFull(obj, name, method, site);
}
