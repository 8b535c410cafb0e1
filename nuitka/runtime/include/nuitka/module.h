/* Compiled modules: creation, constants, execution. */
#ifndef NUITKA_MODULE_H
#define NUITKA_MODULE_H

/* Unmarshal a module's constants blob (a tuple) into `out[0..count)`
 * (new references, kept forever). `recipes` holds `recipe_count` pairs
 * (index, kind) of constants built from the tuples in `recipe_blob`, in
 * that order; the main blob has None at their index. */
#define NUITKA_CONST_FROZENSET 1
#define NUITKA_CONST_SLICE 2
/* A frozenset with a string the module has as an identifier. */
#define NUITKA_CONST_FROZENSET_REINTERNED 3
extern int Nuitka_LoadConstants(const unsigned char *blob, Py_ssize_t size, PyObject **out, Py_ssize_t count,
                                const unsigned char *recipe_blob, Py_ssize_t recipe_size, const int *recipes,
                                Py_ssize_t recipe_count);

/* Displays built from constant tuples (see codegen/displays.py). */
extern int Nuitka_AddConstItems(PyObject *container, PyObject *items);
extern int Nuitka_DictAddConstItems(PyObject *dict, PyObject *keys, PyObject *values);
extern PyObject *Nuitka_DictFromItems(PyObject *const_keys, PyObject *const *items, Py_ssize_t n, PyObject **template);

/* Point the code objects among the constants at the module's __file__ (as
 * CPython does for a .pyc loaded from another place). */
extern int Nuitka_FixCodeFilenames(PyObject *module, PyObject **consts, Py_ssize_t count);
extern int Nuitka_Code_ShowOriginal(PyObject *code, Py_ssize_t units);

/* The runtime's own import of a standard module (dotted names give the
 * submodule), not through builtins.__import__. */
extern PyObject *Nuitka_ImportModuleInternal(const char *name);

/* Description of a compiled module, generated per module. */
typedef struct Nuitka_ModuleEntry {
    const char *name;
    /* Executes the module body in the given module object. */
    int (*exec)(PyObject *module);
    int is_package;
    /* Where its source is (__file__, spec.origin): absolute, or relative
     * to the extension module's folder (see nuitka/loader.h). */
    const char *filename;
} Nuitka_ModuleEntry;

/* The module attribute __compiled__ (set up at program start). */
extern PyObject *Nuitka_CompiledInfo;

/* Generated in __program.c */
extern const Nuitka_ModuleEntry nuitka_modules[];
extern const char *nuitka_main_module_name;
extern const char *nuitka_python_executable;
extern const char *nuitka_main_script_path;
/* 1 for --standalone/--onefile programs: the Python runtime, the standard
 * library archive and the extension modules are in the binary's folder
 * (see main.c); module filenames are relative to that folder. */
extern const int nuitka_standalone;
/* 1 for accelerated programs built with --file-reference-choice=runtime:
 * relative module and script filenames are relative to the binary's folder
 * (reproducible builds: no build path in the binary). */
extern const int nuitka_relative_files;

#endif
