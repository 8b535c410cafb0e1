/* Entry point of compiled programs: initialise the interpreter like
 * `python prog.py` does, run the compiled __main__ module, exit like CPython. */
#include "nuitka/prelude.h"
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Standalone: the folder of the binary (realpath of /proc/self/exe), where
 * the runtime, the standard library archive and the extension modules are;
 * also what relative file names are relative to (nuitka_relative_files). */
static char dist_dir[PATH_MAX];
static char exe_path[PATH_MAX];

/* Name of the bytecode archive of the standard library in the dist folder
 * (nuitka/standalone/stdlib_bytecode.py writes it). */
#define NUITKA_STDLIB_ARCHIVE "__stdlib__.zip"

static int find_dist_dir(void) {
    if (realpath("/proc/self/exe", exe_path) == NULL) {
        perror("cannot find the program's own folder (/proc/self/exe)");
        return -1;
    }
    strcpy(dist_dir, exe_path);
    char *slash = strrchr(dist_dir, '/');
    if (slash == dist_dir) {
        slash[1] = 0;
    } else if (slash != NULL) {
        *slash = 0;
    }
    return 0;
}

/* Onefile: the bootstrap that started us (NUITKA_ONEFILE_PARENT is its pid,
 * our parent; or our own pid when a cached extraction exec'ed us). */
static const char *onefile_binary(void) {
    const char *parent = getenv("NUITKA_ONEFILE_PARENT");
    const char *binary = getenv("NUITKA_ONEFILE_BINARY");
    if (parent == NULL || binary == NULL || binary[0] != '/') {
        return NULL;
    }
    char *end;
    long pid = strtol(parent, &end, 10);
    if (*end != 0 || end == parent || (pid != (long)getppid() && pid != (long)getpid())) {
        return NULL;
    }
    return binary;
}

static PyStatus append_path(PyConfig *config, const char *dir, const char *name) {
    char path[PATH_MAX + 64];
    snprintf(path, sizeof(path), "%s%s%s", dir, name ? "/" : "", name ? name : "");
    wchar_t *wide = Py_DecodeLocale(path, NULL);
    if (wide == NULL) {
        return PyStatus_NoMemory();
    }
    PyStatus status = PyWideStringList_Append(&config->module_search_paths, wide);
    PyMem_RawFree(wide);
    return status;
}

/* Nothing of the compiling machine's Python is used: prefixes, sys.path
 * (the standard library archive, then the folder itself for extension
 * modules) and sys.executable all point into the dist folder; PYTHONPATH,
 * PYTHONHOME and the user site folder have no effect. */
static PyStatus standalone_config(PyConfig *config) {
    PyStatus status;
    status = PyConfig_SetBytesString(config, &config->program_name, exe_path);
    if (PyStatus_Exception(status)) return status;
    status = PyConfig_SetBytesString(config, &config->executable, exe_path);
    if (PyStatus_Exception(status)) return status;
    status = PyConfig_SetBytesString(config, &config->base_executable, exe_path);
    if (PyStatus_Exception(status)) return status;
    status = PyConfig_SetBytesString(config, &config->home, dist_dir);
    if (PyStatus_Exception(status)) return status;
    status = PyConfig_SetBytesString(config, &config->prefix, dist_dir);
    if (PyStatus_Exception(status)) return status;
    status = PyConfig_SetBytesString(config, &config->exec_prefix, dist_dir);
    if (PyStatus_Exception(status)) return status;
    status = PyConfig_SetBytesString(config, &config->base_prefix, dist_dir);
    if (PyStatus_Exception(status)) return status;
    status = PyConfig_SetBytesString(config, &config->base_exec_prefix, dist_dir);
    if (PyStatus_Exception(status)) return status;
    config->module_search_paths_set = 1;
    status = append_path(config, dist_dir, NUITKA_STDLIB_ARCHIVE);
    if (PyStatus_Exception(status)) return status;
    status = append_path(config, dist_dir, NULL);
    if (PyStatus_Exception(status)) return status;
    config->user_site_directory = 0;
    return PyStatus_Ok();
}

static int fatal_status(PyStatus status) {
    if (PyStatus_IsExit(status)) {
        return status.exitcode;
    }
    Py_ExitStatusException(status);
    return 1;
}

/* Nuitka_CompiledInfo is defined in loader.c (extension modules need it
 * without this file). */

/* The module attribute __compiled__ (as in Nuitka): compiler version,
 * deployment mode and the folder of the program. */
static int make_compiled_info(void) {
    PyObject *os_path = Nuitka_ImportModuleInternal("os.path");
    if (os_path == NULL) {
        return -1;
    }
    const char *onefile = nuitka_standalone ? onefile_binary() : NULL;
    Nuitka_CompiledStandalone = nuitka_standalone;
    Nuitka_CompiledOnefile = onefile != NULL;
    /* Onefile: the folder of the onefile executable, not of the extraction. */
    PyObject *exe = onefile ? PyUnicode_DecodeFSDefault(onefile)
                            : PyObject_CallMethod(os_path, "realpath", "s", "/proc/self/exe");
    PyObject *dir = exe ? PyObject_CallMethod(os_path, "dirname", "O", exe) : NULL;
    PyObject *argv = PySys_GetObject("argv");
    PyObject *argv0 = (argv && PyList_Check(argv) && PyList_GET_SIZE(argv) > 0) ? PyList_GET_ITEM(argv, 0) : Py_None;
    PyObject *main = dir ? PyUnicode_FromString(nuitka_main_module_name) : NULL;
    int res = main ? Nuitka_MakeCompiledInfo(dir, argv0, main) : -1;
    Py_XDECREF(main);
    Py_XDECREF(dir);
    Py_XDECREF(exe);
    Py_DECREF(os_path);
    return res;
}

/* Whether relative file names are relative to the binary's folder. */
static int relative_files(void) {
    return nuitka_standalone || nuitka_relative_files;
}

/* __main__.__file__ (new reference). */
static PyObject *main_script_file(void) {
    if (!relative_files()) {
        return PyUnicode_DecodeFSDefault(nuitka_main_script_path);
    }
    PyObject *base_dir = PyUnicode_DecodeFSDefault(dist_dir);
    if (base_dir == NULL) {
        return NULL;
    }
    PyObject *file = Nuitka_Loader_ResolvePath(nuitka_main_script_path, base_dir);
    Py_DECREF(base_dir);
    return file;
}

static int run_main_module(void) {
    if (make_compiled_info() < 0) {
        return -1;
    }
    PyObject *main_module = PyImport_AddModule("__main__"); /* borrowed */
    if (main_module == NULL) {
        return -1;
    }
    PyObject *dict = PyModule_GetDict(main_module);
    PyObject *file = main_script_file();
    if (file == NULL || PyDict_SetItemString(dict, "__file__", file) < 0 ||
        PyDict_SetItemString(dict, "__cached__", Py_None) < 0) {
        Py_XDECREF(file);
        return -1;
    }
    Py_DECREF(file);
    /* The compiled modules are served by the loader (nuitka/loader.h). */
    /* Standalone: the modules' filenames are relative to the dist folder. */
    PyObject *base_dir = NULL;
    if (relative_files() && (base_dir = PyUnicode_DecodeFSDefault(dist_dir)) == NULL) {
        return -1;
    }
    int installed = Nuitka_Loader_Install(nuitka_modules, base_dir, NULL);
    Py_XDECREF(base_dir);
    if (installed < 0) {
        return -1;
    }
    if (Nuitka_Nofollow_Install(nuitka_nofollow_patterns, nuitka_modules) < 0) {
        return -1;
    }
    if (nuitka_main_exec == NULL) {
        PyErr_SetString(PyExc_SystemError, "compiled __main__ module missing");
        return -1;
    }
    /* multiprocessing children and the fork bomb guard (self_execution.c). */
    int handled = Nuitka_SelfExecution_Start(main_module);
    if (handled != 0) {
        return handled < 0 ? -1 : 0;
    }
    return nuitka_main_exec(main_module);
}

static int set_script_path(void) {
    /* sys.path[0] is the directory of the script, as for `python prog.py`. */
    PyObject *path = PySys_GetObject("path");
    if (path == NULL || nuitka_standalone || Nuitka_PythonFlags_SafePath()) {
        /* Standalone: sys.path is the dist folder only (see standalone_config);
         * -P, -I: no script folder either. */
        return 0;
    }
    PyObject *script = main_script_file();
    if (script == NULL) {
        return -1;
    }
    PyObject *os_path = Nuitka_ImportModuleInternal("os.path");
    if (os_path == NULL) {
        Py_DECREF(script);
        return -1;
    }
    PyObject *dir = PyObject_CallMethod(os_path, "dirname", "O", script);
    Py_DECREF(os_path);
    Py_DECREF(script);
    if (dir == NULL) {
        return -1;
    }
    int res = PyList_Insert(path, 0, dir);
    Py_DECREF(dir);
    return res;
}

/* Called by main() in main_stack.c, on a thread with a big stack. */
int Nuitka_ProgramMain(int argc, char **argv) {
    /* Several programs in one binary (multidist): pick one by argv[0]. */
    if (Nuitka_SelectMain(argc > 0 ? argv[0] : NULL) < 0) {
        return 1;
    }
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.parse_argv = 0;
    PyStatus status;
    if (nuitka_standalone) {
        if (find_dist_dir() < 0) {
            PyConfig_Clear(&config);
            return 1;
        }
        status = standalone_config(&config);
        if (PyStatus_Exception(status)) {
            goto fail;
        }
    } else {
        if (nuitka_relative_files && find_dist_dir() < 0) {
            PyConfig_Clear(&config);
            return 1;
        }
        /* The program is found where the Python it was compiled for lives. */
        status = PyConfig_SetBytesString(&config, &config.program_name, nuitka_python_executable);
        if (PyStatus_Exception(status)) {
            goto fail;
        }
        status = PyConfig_SetBytesString(&config, &config.executable, nuitka_python_executable);
        if (PyStatus_Exception(status)) {
            goto fail;
        }
    }
    status = PyConfig_SetBytesArgv(&config, argc, argv);
    if (PyStatus_Exception(status)) {
        goto fail;
    }
    status = Nuitka_PythonFlags_Apply(&config); /* --python-flag */
    if (PyStatus_Exception(status)) {
        goto fail;
    }
    status = Py_InitializeFromConfig(&config);
    if (PyStatus_Exception(status)) {
        goto fail;
    }
    PyConfig_Clear(&config);

    int exitcode = 0;
    int interrupted = 0;
    if (Nuitka_Helpers_Init() < 0 || Nuitka_Runtime_Init() < 0 || Nuitka_FunctionCompat_Init() < 0 ||
        set_script_path() < 0 || run_main_module() < 0) {
        interrupted = PyErr_ExceptionMatches(PyExc_KeyboardInterrupt);
        /* Prints the traceback; for SystemExit it exits like CPython. */
        PyErr_Print();
        exitcode = 1;
    }
    if (Py_FinalizeEx() < 0) {
        exitcode = 120;
    }
    if (interrupted) {
        /* Like CPython: die of SIGINT so the parent sees the interruption. */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return exitcode;

fail:
    PyConfig_Clear(&config);
    return fatal_status(status);
}
