/* Entry point of compiled programs: initialise the interpreter like
 * `python prog.py` does, run the compiled __main__ module, exit like CPython. */
#include "nuitka/prelude.h"
#include <signal.h>
#include <unistd.h>

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
    PyObject *os_path = PyImport_ImportModule("os.path");
    if (os_path == NULL) {
        return -1;
    }
    PyObject *exe = PyObject_CallMethod(os_path, "realpath", "s", "/proc/self/exe");
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

static int run_main_module(void) {
    if (make_compiled_info() < 0) {
        return -1;
    }
    PyObject *main_module = PyImport_AddModule("__main__"); /* borrowed */
    if (main_module == NULL) {
        return -1;
    }
    PyObject *dict = PyModule_GetDict(main_module);
    PyObject *file = PyUnicode_DecodeFSDefault(nuitka_main_script_path);
    if (file == NULL || PyDict_SetItemString(dict, "__file__", file) < 0 ||
        PyDict_SetItemString(dict, "__cached__", Py_None) < 0) {
        Py_XDECREF(file);
        return -1;
    }
    Py_DECREF(file);
    /* The compiled modules are served by the loader (nuitka/loader.h). */
    if (Nuitka_Loader_Install(nuitka_modules, NULL) < 0) {
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
    if (path == NULL || Nuitka_PythonFlags_SafePath()) {
        return 0;
    }
    PyObject *script = PyUnicode_DecodeFSDefault(nuitka_main_script_path);
    if (script == NULL) {
        return -1;
    }
    PyObject *os_path = PyImport_ImportModule("os.path");
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
    /* The program is found where the Python it was compiled for lives. */
    PyStatus status = PyConfig_SetBytesString(&config, &config.program_name, nuitka_python_executable);
    if (PyStatus_Exception(status)) {
        goto fail;
    }
    status = PyConfig_SetBytesString(&config, &config.executable, nuitka_python_executable);
    if (PyStatus_Exception(status)) {
        goto fail;
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
