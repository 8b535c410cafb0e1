/* Compiled programs started like a Python interpreter: the children of
 * multiprocessing (spawn, forkserver, resource tracker) re-enter the
 * compiled program, and other `-c`/`-m` starts stop with the fork bomb
 * error (deployment mode, see doc/user-manual.rst). The logic is Python,
 * nuitka/runtime/self_execution.py, embedded by the code generator
 * (nuitka_self_execution_source) and compiled only when needed: at start
 * there is just a C meta path finder that waits for multiprocessing.spawn,
 * and a scan of argv for "-c", "-m" and "--multiprocessing-fork". */
#include "nuitka/prelude.h"
#include "nuitka/self_execution.h"
#include <unistd.h>

static PyObject *helper = NULL;    /* the helper's namespace (a dict) */
static PyObject *finder = NULL;    /* our entry of sys.meta_path */
static PyObject *program = NULL;   /* argv[0], absolute if it had a '/' */
static PyObject *script = NULL;    /* __main__.__file__ */

static PyObject *exec_main(PyObject *self, PyObject *module) {
    (void)self;
    if (!PyModule_Check(module)) {
        PyErr_SetString(PyExc_TypeError, "a module is needed");
        return NULL;
    }
    if (nuitka_main_exec(module) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef exec_main_def = {"_exec_main", exec_main, METH_O, NULL};

static PyObject *load_helper(void) {
    if (helper != NULL) {
        return helper;
    }
    PyObject *ns = PyDict_New();
    PyObject *run = PyCFunction_New(&exec_main_def, NULL);
    PyObject *guard = PyBool_FromLong(nuitka_self_execution_guard);
    PyObject *name = PyUnicode_FromString("__nuitka_self_execution__");
    int res = (ns && run && guard && name) ? 0 : -1;
    if (res == 0) {
        res = (PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins()) < 0 ||
               PyDict_SetItemString(ns, "__name__", name) < 0 ||
               PyDict_SetItemString(ns, "_finder", finder ? finder : Py_None) < 0 ||
               PyDict_SetItemString(ns, "_program", program ? program : Py_None) < 0 ||
               PyDict_SetItemString(ns, "_script", script ? script : Py_None) < 0 || PyDict_SetItemString(ns, "_exec_main", run) < 0 ||
               PyDict_SetItemString(ns, "_guard", guard) < 0)
                  ? -1
                  : 0;
    }
    Py_XDECREF(name);
    Py_XDECREF(run);
    Py_XDECREF(guard);
    if (res == 0) {
        PyObject *code = Py_CompileString(nuitka_self_execution_source, "<nuitka self_execution>", Py_file_input);
        PyObject *result = code ? PyEval_EvalCode(code, ns, ns) : NULL;
        Py_XDECREF(code);
        res = result ? 0 : -1;
        Py_XDECREF(result);
    }
    if (res < 0) {
        Py_XDECREF(ns);
        return NULL;
    }
    helper = ns;
    return helper;
}

/* finder.find_spec(name, path, target=None): only multiprocessing.spawn. */
static PyObject *find_spec(PyObject *self, PyObject *args, PyObject *kwargs) {
    (void)self;
    if (PyTuple_GET_SIZE(args) < 1 || !PyUnicode_Check(PyTuple_GET_ITEM(args, 0)) ||
        !PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(args, 0), "multiprocessing.spawn") == 0) {
        Py_RETURN_NONE;
    }
    PyObject *ns = load_helper();
    PyObject *func = ns ? PyDict_GetItemString(ns, "find_spec") : NULL; /* borrowed */
    if (func == NULL) {
        return NULL;
    }
    return PyObject_Call(func, args, kwargs);
}

static PyMethodDef find_spec_def = {"find_spec", (PyCFunction)(void (*)(void))find_spec, METH_VARARGS | METH_KEYWORDS,
                                    NULL};

static int install_finder(void) {
    PyObject *meta_path = PySys_GetObject("meta_path"); /* borrowed */
    if (meta_path == NULL || !PyList_Check(meta_path)) {
        return 0;
    }
    finder = PyModule_New("__nuitka_multiprocessing_finder__");
    PyObject *func = finder ? PyCFunction_New(&find_spec_def, NULL) : NULL;
    int res = (func == NULL || PyObject_SetAttrString(finder, "find_spec", func) < 0) ? -1 : 0;
    Py_XDECREF(func);
    if (res == 0) {
        res = PyList_Insert(meta_path, 0, finder);
    }
    return res;
}

static int make_program_path(PyObject *argv0) {
    if (Nuitka_CompiledOnefile) {
        /* The unpacked program (sys.executable), not the onefile that
         * would unpack itself again for every child. */
        PyObject *executable = PySys_GetObject("executable"); /* borrowed */
        if (executable != NULL && PyUnicode_Check(executable) && PyUnicode_GET_LENGTH(executable) > 0) {
            program = Py_NewRef(executable);
            return 0;
        }
    }
    if (argv0 == NULL || !PyUnicode_Check(argv0)) {
        program = PyUnicode_FromString("/proc/self/exe");
        return program ? 0 : -1;
    }
    Py_ssize_t slash = PyUnicode_FindChar(argv0, '/', 0, PyUnicode_GET_LENGTH(argv0), 1);
    if (slash == -2) {
        return -1;
    }
    if (slash >= 0 && PyUnicode_READ_CHAR(argv0, 0) != '/') {
        /* Relative to the directory the program was started in. */
        char cwd[4096];
        if (getcwd(cwd, sizeof(cwd)) != NULL) {
            PyObject *dir = PyUnicode_DecodeFSDefault(cwd);
            program = dir ? PyUnicode_FromFormat("%U/%U", dir, argv0) : NULL;
            Py_XDECREF(dir);
            return program ? 0 : -1;
        }
    }
    program = Py_NewRef(argv0);
    return 0;
}

static int wants_helper(PyObject *argv) {
    Py_ssize_t n = PyList_GET_SIZE(argv);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *arg = PyList_GET_ITEM(argv, i);
        if (!PyUnicode_Check(arg)) {
            continue;
        }
        if (PyUnicode_CompareWithASCIIString(arg, "-c") == 0 || PyUnicode_CompareWithASCIIString(arg, "-m") == 0 ||
            (i == 1 && PyUnicode_CompareWithASCIIString(arg, "--multiprocessing-fork") == 0)) {
            return 1;
        }
    }
    return 0;
}

int Nuitka_SelfExecution_Start(PyObject *main_module) {
    PyObject *argv = PySys_GetObject("argv"); /* borrowed */
    if (argv == NULL || !PyList_Check(argv)) {
        return 0;
    }
    /* Standalone: __file__ is in the dist folder, not nuitka_main_script_path. */
    script = PyDict_GetItemString(PyModule_GetDict(main_module), "__file__");
    Py_XINCREF(script);
    if (make_program_path(PyList_GET_SIZE(argv) > 0 ? PyList_GET_ITEM(argv, 0) : NULL) < 0 ||
        install_finder() < 0) {
        return -1;
    }
    if (!wants_helper(argv)) {
        return 0;
    }
    PyObject *ns = load_helper();
    PyObject *func = ns ? PyDict_GetItemString(ns, "self_execution") : NULL; /* borrowed */
    if (func == NULL) {
        return -1;
    }
    PyObject *argv_copy = PyList_GetSlice(argv, 0, PyList_GET_SIZE(argv));
    PyObject *result = argv_copy ? PyObject_CallFunction(func, "OOi", argv_copy, PyModule_GetDict(main_module),
                                                         Nuitka_PythonFlags_SafePath())
                                 : NULL;
    Py_XDECREF(argv_copy);
    if (result == NULL) {
        return -1;
    }
    int handled = PyObject_IsTrue(result);
    Py_DECREF(result);
    return handled;
}
