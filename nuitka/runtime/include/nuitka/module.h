/* Compiled modules: creation, constants, execution. */
#ifndef NUITKA_MODULE_H
#define NUITKA_MODULE_H

/* Unmarshal a module's constants blob (a tuple) into `out[0..count)`
 * (new references, kept forever). */
extern int Nuitka_LoadConstants(const unsigned char *blob, Py_ssize_t size, PyObject **out, Py_ssize_t count);

/* Point the code objects among the constants at the module's __file__ (as
 * CPython does for a .pyc loaded from another place). */
extern int Nuitka_FixCodeFilenames(PyObject *module, PyObject **consts, Py_ssize_t count);

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

#endif
