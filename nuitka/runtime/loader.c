/* The finder and loader of embedded (compiled) modules.
 *
 * Compiled modules are not files the import system could find: one object of
 * type `nuitka_module_loader` (the "finder", entry == NULL) sits first in
 * sys.meta_path and answers find_spec() for the names in its table with a
 * ModuleSpec whose loader is a per-module `nuitka_module_loader` object.
 * Everything else (sys.modules insertion before execution, so circular
 * imports work; __name__/__file__/__spec__/__loader__/__package__/__path__
 * from the spec; importlib.reload; importlib.util.find_spec) is done by
 * importlib itself, like for source modules.
 *
 * The spec's origin is where the module's source is (program: the source file
 * it was compiled from; extension module: next to the .so file), with
 * has_location set, so __file__ is a path and a package's __path__ is its
 * source folder: data files, importlib.resources (through FileReader, as
 * SourceFileLoader does) and pkgutil.iter_modules (through the ordinary path
 * finder on __path__) work as for uncompiled code. */
#include "nuitka/prelude.h"
#include "structmember.h"

/* The module attribute __compiled__ (set up at program / module start). */
PyObject *Nuitka_CompiledInfo = NULL;
int Nuitka_CompiledStandalone = 0;
int Nuitka_CompiledOnefile = 0;

typedef struct {
    PyObject_HEAD
    /* The module served by this loader; NULL for the finder. */
    const Nuitka_ModuleEntry *entry;
    const Nuitka_ModuleEntry *table;
    /* Folder that relative entry filenames are relative to, or NULL. */
    PyObject *base_dir;
    /* FileLoader-like attributes: module name and source path (or None). */
    PyObject *name;
    PyObject *path;
    /* Path entry finders (see path_hook): the package folder they serve,
     * and the finder the other path hooks give for it (or NULL). */
    PyObject *pkg_dir;
    PyObject *fallback;
    /* An extension module imported under another full name than it was
     * compiled as ("test_json" imported as "test.test_json"): what comes
     * before its compiled name ("test."), or NULL. Its embedded modules
     * are then found under that prefix too ("test.test_json.test_decode"),
     * as the submodules of a relocated source package would be. */
    PyObject *prefix;
} Nuitka_LoaderObject;

static PyTypeObject Nuitka_Loader_Type;
static int install_path_hook(PyObject *meta_finder);

static const Nuitka_ModuleEntry *find_entry(const Nuitka_ModuleEntry *table, PyObject *name) {
    if (table == NULL || !PyUnicode_Check(name)) {
        return NULL;
    }
    const char *text = PyUnicode_AsUTF8(name);
    if (text == NULL) {
        PyErr_Clear();
        return NULL;
    }
    for (const Nuitka_ModuleEntry *entry = table; entry->name != NULL; entry++) {
        if (strcmp(entry->name, text) == 0) {
            return entry;
        }
    }
    return NULL;
}

/* find_entry, also for `name` under the loader's import prefix. */
static const Nuitka_ModuleEntry *find_entry_as(Nuitka_LoaderObject *self, PyObject *name) {
    const Nuitka_ModuleEntry *entry = find_entry(self->table, name);
    if (entry == NULL && self->prefix != NULL && PyUnicode_Check(name)) {
        Py_ssize_t prefix_length = PyUnicode_GET_LENGTH(self->prefix);
        int starts = PyUnicode_Tailmatch(name, self->prefix, 0, prefix_length, -1);
        if (starts < 0) {
            PyErr_Clear();
        } else if (starts && PyUnicode_GET_LENGTH(name) > prefix_length) {
            PyObject *rest = PyUnicode_Substring(name, prefix_length, PyUnicode_GET_LENGTH(name));
            if (rest == NULL) {
                PyErr_Clear();
            } else {
                entry = find_entry(self->table, rest);
                Py_DECREF(rest);
            }
        }
    }
    return entry;
}

static PyObject *dirname_of(PyObject *path) {
    PyObject *os_path = Nuitka_ImportModuleInternal("os.path");
    if (os_path == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallMethod(os_path, "dirname", "O", path);
    Py_DECREF(os_path);
    return result;
}

PyObject *Nuitka_Loader_ResolvePath(const char *filename, PyObject *base_dir) {
    if (base_dir == NULL || filename[0] == '/') {
        return PyUnicode_DecodeFSDefault(filename);
    }
    /* Relative names never have ".." but at the start (os.path.relpath). */
    PyObject *base = Py_NewRef(base_dir);
    while (strncmp(filename, "../", 3) == 0) {
        PyObject *up = dirname_of(base);
        Py_DECREF(base);
        if (up == NULL) {
            return NULL;
        }
        base = up;
        filename += 3;
    }
    PyObject *relative = PyUnicode_DecodeFSDefault(filename);
    PyObject *result = NULL;
    if (relative != NULL) {
        int root = PyUnicode_GET_LENGTH(base) == 1; /* "/" */
        result = root ? PyUnicode_FromFormat("/%U", relative) : PyUnicode_FromFormat("%U/%U", base, relative);
        Py_DECREF(relative);
    }
    Py_DECREF(base);
    return result;
}

static PyObject *entry_filename(const Nuitka_ModuleEntry *entry, PyObject *base_dir) {
    if (entry->filename == NULL) {
        Py_RETURN_NONE;
    }
    return Nuitka_Loader_ResolvePath(entry->filename, base_dir);
}

/* Whether `entry` is a module directly inside the folder `dir` (for a
 * package: its folder is). -1 on error. */
static int entry_in_dir(const Nuitka_ModuleEntry *entry, PyObject *base_dir, PyObject *dir) {
    PyObject *filename = entry_filename(entry, base_dir);
    if (filename == NULL || filename == Py_None) {
        Py_XDECREF(filename);
        return filename ? 0 : -1;
    }
    PyObject *container = dirname_of(filename);
    Py_DECREF(filename);
    if (container != NULL && (entry->is_package & NUITKA_MODULE_PACKAGE)) {
        Py_SETREF(container, dirname_of(container));
    }
    if (container == NULL) {
        return -1;
    }
    int res = PyUnicode_Compare(container, dir) == 0;
    Py_DECREF(container);
    return res;
}

static Nuitka_LoaderObject *new_loader(const Nuitka_ModuleEntry *entry, const Nuitka_ModuleEntry *table,
                                       PyObject *base_dir) {
    Nuitka_LoaderObject *self = PyObject_New(Nuitka_LoaderObject, &Nuitka_Loader_Type);
    if (self == NULL) {
        return NULL;
    }
    self->entry = entry;
    self->table = table;
    self->base_dir = Py_XNewRef(base_dir);
    self->pkg_dir = NULL;
    self->fallback = NULL;
    self->prefix = NULL;
    if (entry != NULL) {
        self->name = PyUnicode_FromString(entry->name);
        self->path = entry_filename(entry, base_dir);
    } else {
        self->name = Py_NewRef(Py_None);
        self->path = Py_NewRef(Py_None);
    }
    if (self->name == NULL || self->path == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static void loader_dealloc(Nuitka_LoaderObject *self) {
    Py_XDECREF(self->base_dir);
    Py_XDECREF(self->name);
    Py_XDECREF(self->path);
    Py_XDECREF(self->pkg_dir);
    Py_XDECREF(self->fallback);
    Py_XDECREF(self->prefix);
    PyObject_Free(self);
}

static PyObject *loader_repr(Nuitka_LoaderObject *self) {
    if (self->entry == NULL) {
        return PyUnicode_FromString("<nuitka_module_loader>");
    }
    return PyUnicode_FromFormat("<nuitka_module_loader for %R>", self->name);
}

/* The loader's module, or NULL (with an ImportError) for another name. */
static const Nuitka_ModuleEntry *loader_entry_for(Nuitka_LoaderObject *self, PyObject *fullname) {
    const Nuitka_ModuleEntry *entry = self->entry;
    if (fullname != NULL && fullname != Py_None) {
        /* (self->name: the name the module was imported as, which for an
         * extension module may differ from the name it was compiled as,
         * e.g. compiled as "mod", imported as "pkg.mod".) */
        if (entry == NULL || !PyUnicode_Check(fullname) ||
            (PyUnicode_CompareWithASCIIString(fullname, entry->name) != 0 &&
             !(PyUnicode_Check(self->name) && PyUnicode_Compare(fullname, self->name) == 0))) {
            entry = find_entry_as(self, fullname);
        }
    }
    if (entry == NULL) {
        PyErr_Format(PyExc_ImportError, "loader for %R cannot handle %R", self->name,
                     fullname ? fullname : Py_None);
    }
    return entry;
}

static PyObject *loader_find_spec(Nuitka_LoaderObject *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"fullname", "path", "target", NULL};
    PyObject *fullname, *path = Py_None, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:find_spec", kwlist, &fullname, &path, &target)) {
        return NULL;
    }
    const Nuitka_ModuleEntry *entry = find_entry_as(self, fullname);
    if (self->pkg_dir != NULL) {
        /* As a path entry finder: PathFinder calls find_spec(name, target). */
        int inside = entry ? entry_in_dir(entry, self->base_dir, self->pkg_dir) : 0;
        if (inside < 0) {
            return NULL;
        }
        if (!inside) {
            if (self->fallback == NULL) {
                Py_RETURN_NONE;
            }
            return PyObject_CallMethod(self->fallback, "find_spec", "O", fullname);
        }
    }
    if (entry == NULL) {
        Py_RETURN_NONE;
    }
    Nuitka_LoaderObject *loader = new_loader(entry, self->table, self->base_dir);
    if (loader == NULL) {
        return NULL;
    }
    /* Its name is the one it is imported as (see prefix). */
    loader->prefix = Py_XNewRef(self->prefix);
    Py_SETREF(loader->name, Py_NewRef(fullname));
    PyObject *spec = NULL, *kw = NULL, *locations = NULL;
    PyObject *bootstrap = Nuitka_ImportModuleInternal("_frozen_importlib");
    PyObject *spec_type = bootstrap ? PyObject_GetAttrString(bootstrap, "ModuleSpec") : NULL;
    int is_package = (entry->is_package & NUITKA_MODULE_PACKAGE) != 0;
    if (spec_type == NULL) {
        goto done;
    }
    kw = Py_BuildValue("{s:O,s:O}", "origin", loader->path, "is_package", is_package ? Py_True : Py_False);
    if (kw == NULL) {
        goto done;
    }
    PyObject *call_args = PyTuple_Pack(2, fullname, (PyObject *)loader);
    if (call_args == NULL) {
        goto done;
    }
    spec = PyObject_Call(spec_type, call_args, kw);
    Py_DECREF(call_args);
    if (spec == NULL) {
        goto done;
    }
    if (loader->path != Py_None) {
        /* Like a file based spec: __file__ gets set from the origin. */
        if (PyObject_SetAttrString(spec, "has_location", Py_True) < 0) {
            Py_CLEAR(spec);
            goto done;
        }
        if (is_package) {
            PyObject *dir = dirname_of(loader->path);
            locations = dir ? PyList_New(1) : NULL;
            if (locations == NULL) {
                Py_XDECREF(dir);
                Py_CLEAR(spec);
                goto done;
            }
            PyList_SET_ITEM(locations, 0, dir);
            if (PyObject_SetAttrString(spec, "submodule_search_locations", locations) < 0) {
                Py_CLEAR(spec);
                goto done;
            }
        }
    }
done:
    Py_XDECREF(locations);
    Py_XDECREF(kw);
    Py_XDECREF(spec_type);
    Py_XDECREF(bootstrap);
    Py_DECREF(loader);
    return spec;
}

static PyObject *loader_create_module(Nuitka_LoaderObject *self, PyObject *spec) {
    /* The default module creation. */
    Py_RETURN_NONE;
}

static PyObject *loader_exec_module(Nuitka_LoaderObject *self, PyObject *module) {
    const Nuitka_ModuleEntry *entry = self->entry;
    if (entry == NULL) {
        PyObject *name = PyObject_GetAttrString(module, "__name__");
        if (name == NULL) {
            return NULL;
        }
        entry = loader_entry_for(self, name);
        Py_DECREF(name);
        if (entry == NULL) {
            return NULL;
        }
    }
    if (entry->exec(module) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *loader_is_package(Nuitka_LoaderObject *self, PyObject *fullname) {
    const Nuitka_ModuleEntry *entry = loader_entry_for(self, fullname);
    if (entry == NULL) {
        return NULL;
    }
    return PyBool_FromLong(entry->is_package & NUITKA_MODULE_PACKAGE);
}

static PyObject *loader_get_filename(Nuitka_LoaderObject *self, PyObject *args) {
    PyObject *fullname = Py_None;
    if (!PyArg_ParseTuple(args, "|O:get_filename", &fullname)) {
        return NULL;
    }
    const Nuitka_ModuleEntry *entry = loader_entry_for(self, fullname);
    if (entry == NULL) {
        return NULL;
    }
    return entry_filename(entry, self->base_dir);
}

/* get_code (runpy: `python -m pkg.mod`, runpy.run_module): a compiled
 * module has no bytecode, so this is a one-line stub that runs the compiled
 * body in the namespace it is executed in, through `__loader__` (runpy puts
 * the spec's loader, this object, there): `_nuitka_run_in(globals())`. */
static PyObject *loader_get_code(Nuitka_LoaderObject *self, PyObject *args) {
    PyObject *fullname = Py_None;
    if (!PyArg_ParseTuple(args, "|O:get_code", &fullname)) {
        return NULL;
    }
    const Nuitka_ModuleEntry *entry = loader_entry_for(self, fullname);
    if (entry == NULL) {
        return NULL;
    }
    PyObject *filename = entry_filename(entry, self->base_dir);
    if (filename == Py_None) {
        Py_SETREF(filename, PyUnicode_FromFormat("<compiled %s>", entry->name));
    }
    if (filename == NULL) {
        return NULL;
    }
    PyObject *code = Py_CompileStringObject("__loader__._nuitka_run_in(globals())\n", filename, Py_file_input, NULL, -1);
    Py_DECREF(filename);
    return code;
}

/* The layout every CPython version starts its module objects with. */
typedef struct {
    PyObject_HEAD PyObject *md_dict;
} Nuitka_ModuleHead;

/* Run this loader's module body in `globals` (see get_code): in the module
 * whose namespace it is (runpy's __main__), else in a module object made
 * for it that uses that dict. */
static PyObject *loader_run_in(Nuitka_LoaderObject *self, PyObject *globals) {
    if (!PyDict_Check(globals)) {
        PyErr_SetString(PyExc_TypeError, "_nuitka_run_in() needs the namespace dict");
        return NULL;
    }
    if (self->entry == NULL) {
        PyErr_Format(PyExc_ImportError, "loader %R has no module to run", self->name);
        return NULL;
    }
    PyObject *module = NULL;
    PyObject *name = PyDict_GetItemString(globals, "__name__"); /* borrowed */
    if (name != NULL && PyUnicode_Check(name)) {
        PyObject *known = PyDict_GetItemWithError(PyImport_GetModuleDict(), name); /* borrowed */
        if (known != NULL && PyModule_Check(known) && PyModule_GetDict(known) == globals) {
            module = Py_NewRef(known);
        } else if (PyErr_Occurred()) {
            return NULL;
        }
    }
    if (module == NULL) {
        module = name != NULL && PyUnicode_Check(name) ? PyModule_NewObject(name) : PyModule_New("__main__");
        if (module == NULL) {
            return NULL;
        }
        Py_SETREF(((Nuitka_ModuleHead *)module)->md_dict, Py_NewRef(globals));
    }
    int res = self->entry->exec(module);
    Py_DECREF(module);
    if (res < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *loader_get_data(Nuitka_LoaderObject *self, PyObject *path);

static PyObject *loader_get_source(Nuitka_LoaderObject *self, PyObject *args) {
    /* As SourceLoader.get_source when the source file is there (next to the
     * extension, or where the program was compiled from): linecache's
     * lazycache, doctest and tracebacks of frames without a file read it
     * through the loader.  None when it is not there. */
    PyObject *filename = loader_get_filename(self, args);
    if (filename == NULL || filename == Py_None) {
        return filename;
    }
    PyObject *data = loader_get_data(self, filename);
    Py_DECREF(filename);
    if (data == NULL) {
        if (PyErr_ExceptionMatches(PyExc_OSError)) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        return NULL;
    }
    PyObject *external = Nuitka_ImportModuleInternal("importlib._bootstrap_external");
    PyObject *result = external ? PyObject_CallMethod(external, "decode_source", "O", data) : NULL;
    Py_XDECREF(external);
    Py_DECREF(data);
    return result;
}

static PyObject *loader_get_data(Nuitka_LoaderObject *self, PyObject *path) {
    /* As FileLoader.get_data: the bytes of a file (pkgutil.get_data). */
    PyObject *io = Nuitka_ImportModuleInternal("io");
    if (io == NULL) {
        return NULL;
    }
    PyObject *file = PyObject_CallMethod(io, "open_code", "O", path);
    Py_DECREF(io);
    if (file == NULL) {
        return NULL;
    }
    PyObject *data = PyObject_CallMethod(file, "read", NULL);
    PyObject *closed = PyObject_CallMethod(file, "close", NULL);
    Py_DECREF(file);
    if (closed == NULL) {
        Py_XDECREF(data);
        return NULL;
    }
    Py_DECREF(closed);
    return data;
}

static PyObject *loader_get_resource_reader(Nuitka_LoaderObject *self, PyObject *args) {
    /* As FileLoader.get_resource_reader: files next to the module's source
     * (importlib.resources.files(package)). */
    PyObject *fullname = Py_None;
    if (!PyArg_ParseTuple(args, "|O:get_resource_reader", &fullname)) {
        return NULL;
    }
    const Nuitka_ModuleEntry *entry = loader_entry_for(self, fullname);
    if (entry == NULL) {
        return NULL;
    }
    Nuitka_LoaderObject *loader = self;
    Py_INCREF(loader);
    if (entry != self->entry) {
        Py_DECREF(loader);
        loader = new_loader(entry, self->table, self->base_dir);
        if (loader == NULL) {
            return NULL;
        }
    }
    PyObject *result = NULL;
    if (loader->path == Py_None) {
        result = Py_NewRef(Py_None);
    } else {
        PyObject *readers = Nuitka_ImportModuleInternal("importlib.readers");
        if (readers != NULL) {
            result = PyObject_CallMethod(readers, "FileReader", "O", (PyObject *)loader);
            Py_DECREF(readers);
        }
    }
    Py_DECREF(loader);
    return result;
}

static PyObject *loader_invalidate_caches(Nuitka_LoaderObject *self, PyObject *args) {
    if (self->fallback != NULL && PyObject_HasAttrString(self->fallback, "invalidate_caches")) {
        return PyObject_CallMethod(self->fallback, "invalidate_caches", NULL);
    }
    Py_RETURN_NONE;
}

/* pkgutil.iter_modules(package.__path__) of a path entry finder: the
 * compiled modules in the folder, then what the fallback finder lists. */
static PyObject *loader_iter_modules(Nuitka_LoaderObject *self, PyObject *args) {
    PyObject *prefix = NULL;
    if (!PyArg_ParseTuple(args, "|U:iter_modules", &prefix)) {
        return NULL;
    }
    PyObject *result = PyList_New(0);
    PyObject *seen = PySet_New(NULL);
    if (result == NULL || seen == NULL || self->pkg_dir == NULL) {
        Py_XDECREF(seen);
        return result;
    }
    for (const Nuitka_ModuleEntry *entry = self->table; entry->name != NULL; entry++) {
        int inside = entry_in_dir(entry, self->base_dir, self->pkg_dir);
        if (inside < 0) {
            goto error;
        }
        if (!inside) {
            continue;
        }
        const char *last = strrchr(entry->name, '.');
        PyObject *name = PyUnicode_FromString(last ? last + 1 : entry->name);
        PyObject *full = name && prefix ? PyUnicode_Concat(prefix, name) : Py_XNewRef(name);
        PyObject *item = full ? Py_BuildValue("(OO)", full, (entry->is_package & NUITKA_MODULE_PACKAGE) ? Py_True : Py_False) : NULL;
        int ok = item != NULL && PySet_Add(seen, full) == 0 && PyList_Append(result, item) == 0;
        Py_XDECREF(item);
        Py_XDECREF(full);
        Py_XDECREF(name);
        if (!ok) {
            goto error;
        }
    }
    if (self->fallback != NULL) {
        PyObject *pkgutil = Nuitka_ImportModuleInternal("pkgutil");
        PyObject *more = pkgutil ? PyObject_CallMethod(pkgutil, "iter_importer_modules", "OO", self->fallback,
                                                       prefix ? prefix : Nuitka_String_empty)
                                 : NULL;
        Py_XDECREF(pkgutil);
        PyObject *iter = more ? PyObject_GetIter(more) : NULL;
        Py_XDECREF(more);
        if (iter == NULL) {
            goto error;
        }
        PyObject *item;
        while ((item = PyIter_Next(iter)) != NULL) {
            int known = PyTuple_Check(item) && PyTuple_GET_SIZE(item) == 2 ? PySet_Contains(seen, PyTuple_GET_ITEM(item, 0)) : 0;
            if (known < 0 || (!known && PyList_Append(result, item) < 0)) {
                Py_DECREF(item);
                Py_DECREF(iter);
                goto error;
            }
            Py_DECREF(item);
        }
        Py_DECREF(iter);
        if (PyErr_Occurred()) {
            goto error;
        }
    }
    Py_DECREF(seen);
    return result;
error:
    Py_DECREF(seen);
    Py_DECREF(result);
    return NULL;
}

static PyMethodDef loader_methods[] = {
    {"find_spec", (PyCFunction)(void (*)(void))loader_find_spec, METH_VARARGS | METH_KEYWORDS, NULL},
    {"create_module", (PyCFunction)loader_create_module, METH_O, NULL},
    {"exec_module", (PyCFunction)loader_exec_module, METH_O, NULL},
    {"is_package", (PyCFunction)loader_is_package, METH_O, NULL},
    {"get_filename", (PyCFunction)loader_get_filename, METH_VARARGS, NULL},
    {"get_code", (PyCFunction)loader_get_code, METH_VARARGS, NULL},
    {"_nuitka_run_in", (PyCFunction)loader_run_in, METH_O, NULL},
    {"get_source", (PyCFunction)loader_get_source, METH_VARARGS, NULL},
    {"get_data", (PyCFunction)loader_get_data, METH_O, NULL},
    {"get_resource_reader", (PyCFunction)loader_get_resource_reader, METH_VARARGS, NULL},
    {"invalidate_caches", (PyCFunction)loader_invalidate_caches, METH_NOARGS, NULL},
    {"iter_modules", (PyCFunction)loader_iter_modules, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef loader_members[] = {
    {"name", T_OBJECT, offsetof(Nuitka_LoaderObject, name), READONLY, NULL},
    {"path", T_OBJECT, offsetof(Nuitka_LoaderObject, path), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Nuitka_Loader_Type = {
    PyVarObject_HEAD_INIT(NULL, 0) "nuitka_module_loader", /* tp_name */
    sizeof(Nuitka_LoaderObject),                           /* tp_basicsize */
};

static int loader_type_ready(void) {
    if (Nuitka_Loader_Type.tp_flags & Py_TPFLAGS_READY) {
        return 0;
    }
    Nuitka_Loader_Type.tp_flags = Py_TPFLAGS_DEFAULT;
    Nuitka_Loader_Type.tp_dealloc = (destructor)loader_dealloc;
    Nuitka_Loader_Type.tp_repr = (reprfunc)loader_repr;
    Nuitka_Loader_Type.tp_methods = loader_methods;
    Nuitka_Loader_Type.tp_members = loader_members;
    return PyType_Ready(&Nuitka_Loader_Type);
}

int Nuitka_Loader_Install(const Nuitka_ModuleEntry *table, PyObject *base_dir, PyObject *prefix) {
    static const Nuitka_ModuleEntry *installed = NULL;
    if (table == NULL || table->name == NULL || installed == table) {
        return 0;
    }
    if (loader_type_ready() < 0) {
        return -1;
    }
    PyObject *meta_path = PySys_GetObject("meta_path"); /* borrowed */
    if (meta_path == NULL || !PyList_Check(meta_path)) {
        PyErr_SetString(PyExc_RuntimeError, "sys.meta_path is not a list");
        return -1;
    }
    Nuitka_LoaderObject *finder = new_loader(NULL, table, base_dir);
    if (finder == NULL) {
        return -1;
    }
    finder->prefix = Py_XNewRef(prefix);
    int res = PyList_Insert(meta_path, 0, (PyObject *)finder);
    if (res == 0 && base_dir != NULL) {
        res = install_path_hook((PyObject *)finder);
    }
    Py_DECREF(finder);
    if (res == 0) {
        installed = table;
    }
    return res;
}

/* sys.path_hooks entry (extension modules only: their package folders need
 * not exist): for the folder of a compiled package, a path entry finder that
 * knows its compiled modules (pkgutil.iter_modules) and hands everything
 * else to the finder the other hooks give for that folder. `self` is the
 * meta path finder. */
static PyObject *path_hook(PyObject *self_obj, PyObject *path) {
    Nuitka_LoaderObject *self = (Nuitka_LoaderObject *)self_obj;
    if (!PyUnicode_Check(path)) {
        PyErr_SetString(PyExc_ImportError, "not a compiled package folder");
        return NULL;
    }
    int found = 0;
    for (const Nuitka_ModuleEntry *entry = self->table; entry->name != NULL && !found; entry++) {
        found = entry_in_dir(entry, self->base_dir, path);
        if (found < 0) {
            return NULL;
        }
    }
    if (!found) {
        PyErr_SetString(PyExc_ImportError, "not a compiled package folder");
        return NULL;
    }
    Nuitka_LoaderObject *finder = new_loader(NULL, self->table, self->base_dir);
    if (finder == NULL) {
        return NULL;
    }
    finder->prefix = Py_XNewRef(self->prefix);
    finder->pkg_dir = Py_NewRef(path);
    PyObject *hooks = PySys_GetObject("path_hooks"); /* borrowed */
    if (hooks != NULL && PyList_Check(hooks)) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(hooks) && finder->fallback == NULL; i++) {
            PyObject *hook = PyList_GET_ITEM(hooks, i);
            if (PyCFunction_Check(hook) && PyCFunction_GET_SELF(hook) == self_obj) {
                continue;
            }
            Py_INCREF(hook);
            PyObject *other = PyObject_CallOneArg(hook, path);
            Py_DECREF(hook);
            if (other == NULL) {
                if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
                    Py_DECREF(finder);
                    return NULL;
                }
                PyErr_Clear();
            } else {
                finder->fallback = other;
            }
        }
    }
    return (PyObject *)finder;
}

static PyMethodDef path_hook_def = {"nuitka_path_hook", (PyCFunction)path_hook, METH_O, NULL};

static int install_path_hook(PyObject *meta_finder) {
    PyObject *hooks = PySys_GetObject("path_hooks"); /* borrowed */
    if (hooks == NULL || !PyList_Check(hooks)) {
        return 0;
    }
    PyObject *hook = PyCFunction_New(&path_hook_def, meta_finder);
    if (hook == NULL) {
        return -1;
    }
    int res = PyList_Insert(hooks, 0, hook);
    Py_DECREF(hook);
    return res;
}

#ifndef NUITKA_VERSION_MAJOR
#define NUITKA_VERSION_MAJOR 0
#define NUITKA_VERSION_MINOR 1
#define NUITKA_VERSION_MICRO 0
#endif

int Nuitka_MakeCompiledInfo(PyObject *containing_dir, PyObject *original_argv0, PyObject *main) {
    /* The attribute __compiled__ (as in Nuitka): compiler version,
     * deployment mode, the folder of the program or extension module. */
    if (Nuitka_CompiledInfo != NULL) {
        return 0;
    }
    PyObject *types = Nuitka_ImportModuleInternal("types");
    if (types == NULL) {
        return -1;
    }
    PyObject *kw = Py_BuildValue("{s:i,s:i,s:i,s:s,s:O,s:O,s:O,s:O,s:O}", "major", NUITKA_VERSION_MAJOR, "minor",
                                 NUITKA_VERSION_MINOR, "micro", NUITKA_VERSION_MICRO, "releaselevel", "release",
                                 "standalone", Nuitka_CompiledStandalone ? Py_True : Py_False, "onefile",
                                 Nuitka_CompiledOnefile ? Py_True : Py_False, "containing_dir", containing_dir,
                                 "original_argv0", original_argv0, "main", main);
    PyObject *ns_type = PyObject_GetAttrString(types, "SimpleNamespace");
    if (kw != NULL && ns_type != NULL) {
        PyObject *empty = PyTuple_New(0);
        Nuitka_CompiledInfo = empty ? PyObject_Call(ns_type, empty, kw) : NULL;
        Py_XDECREF(empty);
    }
    Py_XDECREF(ns_type);
    Py_XDECREF(kw);
    Py_DECREF(types);
    return Nuitka_CompiledInfo ? 0 : -1;
}

static int set_list_attr(PyObject *obj, const char *name, PyObject *item) {
    PyObject *list = PyList_New(1);
    if (list == NULL) {
        return -1;
    }
    PyList_SET_ITEM(list, 0, Py_NewRef(item));
    int res = PyObject_SetAttrString(obj, name, list);
    Py_DECREF(list);
    return res;
}

int Nuitka_Loader_ExecExtensionModule(PyObject *module, const Nuitka_ModuleEntry *self_entry,
                                      const Nuitka_ModuleEntry *table) {
    static int runtime_ready = 0;
    if (!runtime_ready) {
        /* FunctionCompat (also initialises exception groups) as for programs:
         * type() must turn compiled __init_subclass__ etc. into class methods
         * when a metaclass builds the class from a non-dict namespace. */
        if (Nuitka_Helpers_Init() < 0 || Nuitka_Runtime_Init() < 0 || Nuitka_FunctionCompat_Init() < 0) {
            return -1;
        }
        runtime_ready = 1;
    }
    PyObject *spec = PyObject_GetAttrString(module, "__spec__");
    if (spec == NULL) {
        return -1;
    }
    PyObject *origin = PyObject_GetAttrString(spec, "origin");
    PyObject *base_dir = origin ? dirname_of(origin) : NULL;
    Py_XDECREF(origin);
    PyObject *prefix = NULL;
    /* The name it is imported as: the compiled name, or that name inside
     * a package ("test_json" as "test.test_json"). */
    PyObject *spec_name = PyObject_GetAttrString(spec, "name");
    if (spec_name != NULL && !PyUnicode_Check(spec_name)) {
        Py_CLEAR(spec_name);
    }
    if (spec_name == NULL) {
        PyErr_Clear();
        spec_name = PyUnicode_FromString(self_entry->name);
    }
    if (spec_name == NULL || base_dir == NULL || Nuitka_MakeCompiledInfo(base_dir, Py_None, Py_None) < 0) {
        goto error;
    }
    {
        PyObject *suffix = PyUnicode_FromFormat(".%s", self_entry->name);
        if (suffix == NULL) {
            goto error;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(spec_name);
        int relocated = PyUnicode_Tailmatch(spec_name, suffix, 0, length, 1);
        Py_ssize_t keep = length - PyUnicode_GET_LENGTH(suffix) + 1;
        Py_DECREF(suffix);
        if (relocated < 0) {
            goto error;
        }
        if (relocated) {
            prefix = PyUnicode_Substring(spec_name, 0, keep);
            if (prefix == NULL) {
                goto error;
            }
        }
    }
    if (self_entry->is_package & NUITKA_MODULE_PACKAGE) {
        /* The package's folder is next to the .so file, named like it. */
        const char *last = strrchr(self_entry->name, '.');
        last = last ? last + 1 : self_entry->name;
        PyObject *pkg_dir = PyUnicode_FromFormat("%U/%s", base_dir, last);
        PyObject *name = Py_NewRef(spec_name);
        int res = pkg_dir == NULL ? -1 : 0;
        if (res == 0) {
            res = set_list_attr(spec, "submodule_search_locations", pkg_dir);
        }
        if (res == 0) {
            res = set_list_attr(module, "__path__", pkg_dir);
        }
        if (res == 0) {
            res = PyObject_SetAttrString(module, "__package__", name);
        }
        Py_XDECREF(pkg_dir);
        Py_XDECREF(name);
        if (res < 0) {
            goto error;
        }
    }
    {
        /* Our loader instead of ExtensionFileLoader: resources of a package
         * are in its folder, not next to the .so file, and get_source reads
         * the source next to it (linecache.lazycache, doctest). */
        Nuitka_LoaderObject *loader = loader_type_ready() < 0 ? NULL : new_loader(self_entry, table, base_dir);
        if (loader != NULL) {
            Py_SETREF(loader->name, Py_NewRef(spec_name));
            loader->prefix = Py_XNewRef(prefix);
        }
        int res = loader == NULL ? -1 : PyObject_SetAttrString(spec, "loader", (PyObject *)loader);
        if (res == 0) {
            res = PyObject_SetAttrString(module, "__loader__", (PyObject *)loader);
        }
        Py_XDECREF(loader);
        if (res < 0) {
            goto error;
        }
    }
    if (Nuitka_Loader_Install(table, base_dir, prefix) < 0) {
        goto error;
    }
    if (self_entry->filename != NULL) {
        /* __file__ is where the source would be, next to the extension
         * (name.py, or name/__init__.py for a package), as for the modules
         * embedded in it: code that opens __file__, looks at its suffix or
         * compares it with co_filename works as for the source module;
         * __spec__.origin still names the extension. */
        PyObject *file = entry_filename(self_entry, base_dir);
        int res = file ? PyObject_SetAttrString(module, "__file__", file) : -1;
        Py_XDECREF(file);
        if (res < 0) {
            goto error;
        }
    }
    Py_DECREF(base_dir);
    Py_DECREF(spec);
    Py_DECREF(spec_name);
    Py_XDECREF(prefix);
    return self_entry->exec(module);
error:
    Py_XDECREF(base_dir);
    Py_DECREF(spec);
    Py_XDECREF(spec_name);
    Py_XDECREF(prefix);
    return -1;
}
