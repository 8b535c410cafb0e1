/* Modules excluded with --nofollow-import-to: importing them raises
 * ModuleNotFoundError at run time (as in Nuitka), instead of loading them
 * from source.  A meta path finder placed first in sys.meta_path matches
 * the name being imported against the patterns the program was compiled
 * with; the matching rules are those of nuitka/modules/graph.py
 * (pattern_matches): a pattern (fnmatch rules) matching the module's name
 * or one of its parent packages' names excludes it.  Compiled modules
 * (explicitly included ones win over the patterns) are left to the loader. */
#include "nuitka/prelude.h"
#include <fnmatch.h>

typedef struct {
    PyObject_HEAD
    const char *const *patterns;
    const Nuitka_ModuleEntry *compiled;
} Nuitka_NofollowFinder;

/* Python's fnmatch.fnmatchcase: '*' also matches '.', no escapes. */
static int name_matches(const char *name, const char *const *patterns) {
    size_t len = strlen(name);
    char *prefix = PyMem_Malloc(len + 1);
    if (prefix == NULL) {
        return 0;
    }
    int found = 0;
    for (size_t end = 0; end <= len && !found; end++) {
        if (name[end] != '.' && name[end] != '\0') {
            continue;
        }
        memcpy(prefix, name, end);
        prefix[end] = '\0';
        for (const char *const *pattern = patterns; *pattern != NULL && !found; pattern++) {
            found = strcmp(prefix, *pattern) == 0 || fnmatch(*pattern, prefix, FNM_NOESCAPE) == 0;
        }
    }
    PyMem_Free(prefix);
    return found;
}

/* find_spec(fullname, path=None, target=None) */
static PyObject *nofollow_find_spec(PyObject *self_obj, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    Nuitka_NofollowFinder *self = (Nuitka_NofollowFinder *)self_obj;
    if (nargs < 1 || !PyUnicode_Check(args[0])) {
        Py_RETURN_NONE;
    }
    (void)kwnames;
    PyObject *fullname = args[0];
    const char *name = PyUnicode_AsUTF8(fullname);
    if (name == NULL) {
        return NULL;
    }
    for (const Nuitka_ModuleEntry *entry = self->compiled; entry != NULL && entry->name != NULL; entry++) {
        if (strcmp(entry->name, name) == 0) {
            Py_RETURN_NONE;
        }
    }
    if (!name_matches(name, self->patterns)) {
        Py_RETURN_NONE;
    }
    /* The exception the import system raises for a missing module. */
    PyObject *msg = PyUnicode_FromFormat("No module named %R", fullname);
    if (msg == NULL) {
        return NULL;
    }
    PyErr_SetImportErrorSubclass(PyExc_ModuleNotFoundError, msg, fullname, NULL);
    Py_DECREF(msg);
    return NULL;
}

static PyObject *nofollow_invalidate_caches(PyObject *self, PyObject *unused) {
    Py_RETURN_NONE;
}

static PyObject *nofollow_repr(PyObject *self) {
    return PyUnicode_FromString("<nuitka nofollow finder>");
}

static PyMethodDef nofollow_methods[] = {
    {"find_spec", (PyCFunction)(void (*)(void))nofollow_find_spec, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"invalidate_caches", nofollow_invalidate_caches, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Nuitka_NofollowFinder_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "nuitka_nofollow_finder", /* tp_name */
    sizeof(Nuitka_NofollowFinder),                             /* tp_basicsize */
};

int Nuitka_Nofollow_Install(const char *const *patterns, const Nuitka_ModuleEntry *compiled) {
    if (patterns == NULL || patterns[0] == NULL) {
        return 0;
    }
    if (!(Nuitka_NofollowFinder_Type.tp_flags & Py_TPFLAGS_READY)) {
        Nuitka_NofollowFinder_Type.tp_flags = Py_TPFLAGS_DEFAULT;
        Nuitka_NofollowFinder_Type.tp_repr = nofollow_repr;
        Nuitka_NofollowFinder_Type.tp_methods = nofollow_methods;
        if (PyType_Ready(&Nuitka_NofollowFinder_Type) < 0) {
            return -1;
        }
    }
    PyObject *meta_path = PySys_GetObject("meta_path"); /* borrowed */
    if (meta_path == NULL || !PyList_Check(meta_path)) {
        PyErr_SetString(PyExc_RuntimeError, "sys.meta_path is not a list");
        return -1;
    }
    Nuitka_NofollowFinder *finder = PyObject_New(Nuitka_NofollowFinder, &Nuitka_NofollowFinder_Type);
    if (finder == NULL) {
        return -1;
    }
    finder->patterns = patterns;
    finder->compiled = compiled;
    int res = PyList_Insert(meta_path, 0, (PyObject *)finder);
    Py_DECREF(finder);
    return res;
}
