/* Embedded (compiled) modules: a meta path finder/loader serving them to
 * the import system, and the choice of the main program (multidist). */
#ifndef NUITKA_LOADER_H
#define NUITKA_LOADER_H

/* Flags of Nuitka_ModuleEntry.is_package (bit 0: package). */
#define NUITKA_MODULE_PACKAGE 1

/* Put a finder for the compiled modules of `table` (ending with a NULL
 * name) first in sys.meta_path.  `base_dir` NULL: the entries' filenames
 * are absolute; otherwise relative ones are relative to it (extension
 * modules: the folder of the .so file; programs: the binary's folder).
 * Installing the same table twice does nothing. */
extern int Nuitka_Loader_Install(const Nuitka_ModuleEntry *table, PyObject *base_dir, PyObject *prefix);

/* A file name of the compiled result made absolute: an absolute one as it
 * is, a relative one joined to `base_dir` (leading "../" go up a folder
 * each); `base_dir` NULL: as it is.  New reference, NULL on error. */
extern PyObject *Nuitka_Loader_ResolvePath(const char *filename, PyObject *base_dir);

/* The __compiled__ value: `containing_dir` is the folder of the program or
 * of the extension module's .so file; `original_argv0` and `main` are None
 * for extension modules. Sets Nuitka_CompiledInfo once. */
/* __compiled__.standalone / .onefile (set by main.c before it is made). */
extern int Nuitka_CompiledStandalone;
extern int Nuitka_CompiledOnefile;
extern int Nuitka_MakeCompiledInfo(PyObject *containing_dir, PyObject *original_argv0, PyObject *main);

/* Execute a compiled package/module made by `--module` in the module object
 * the import system created for the extension module: sets __path__ for a
 * package, installs the finder for the embedded submodules, runs the body. */
extern int Nuitka_Loader_ExecExtensionModule(PyObject *module, const Nuitka_ModuleEntry *self_entry,
                                             const Nuitka_ModuleEntry *table);

/* --nofollow-import-to patterns of a program (NULL-terminated, generated
 * in __program.c); Nuitka_Nofollow_Install puts a finder first in
 * sys.meta_path that makes importing a matching module (not one of the
 * compiled ones) raise ModuleNotFoundError (nofollow.c). */
extern const char *const nuitka_nofollow_patterns[];
extern int Nuitka_Nofollow_Install(const char *const *patterns, const Nuitka_ModuleEntry *compiled);

/* A main program of the binary (several with multidist). */
typedef struct Nuitka_MainEntry {
    /* Name it is started by: the main file's name without ".py". */
    const char *entry_point;
    int (*exec)(PyObject *module);
    /* The main file: __main__.__file__, folder for sys.path[0]. */
    const char *script_path;
} Nuitka_MainEntry;

/* Generated in __program.c for programs. */
extern const Nuitka_MainEntry nuitka_mains[];

/* Chosen by Nuitka_SelectMain from argv[0] (multidist). */
extern int (*nuitka_main_exec)(PyObject *module);

/* Choose the main program by the base name of argv[0] (sets
 * nuitka_main_exec and nuitka_main_script_path); prints an error and
 * returns -1 when none matches. Runs before Python is initialised. */
extern int Nuitka_SelectMain(const char *argv0);

#endif
