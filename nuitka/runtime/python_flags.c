/* --python-flag at run time: the PyConfig fields that CPython's own command
 * line options set (see nuitka/python_flags.py for the compile-time part). */
#include "nuitka/prelude.h"
#include "nuitka/python_flags.h"

PyStatus Nuitka_PythonFlags_Apply(PyConfig *config) {
    unsigned int flags = nuitka_python_flags;
    if (flags & NUITKA_FLAG_NO_ASSERTS) {
        /* -O; -OO when docstrings go too (no_docstrings alone only affects
         * the compiled code). */
        config->optimization_level = (flags & NUITKA_FLAG_NO_DOCSTRINGS) ? 2 : 1;
    }
    if (flags & NUITKA_FLAG_NO_SITE) {
        config->site_import = 0;
    }
    if (flags & NUITKA_FLAG_UNBUFFERED) {
        config->buffered_stdio = 0;
    }
    if (flags & NUITKA_FLAG_ISOLATED) {
        /* Also no user site, no PYTHON* variables, safe path (3.11+). */
        config->isolated = 1;
    }
#if PY_VERSION_HEX >= 0x030B0000
    if (flags & NUITKA_FLAG_SAFE_PATH) {
        config->safe_path = 1;
    }
#endif
    if (flags & NUITKA_FLAG_STATIC_HASHES) {
        config->use_hash_seed = 1;
        config->hash_seed = 0;
    }
    if (flags & NUITKA_FLAG_NO_WARNINGS) {
        PyStatus status = PyWideStringList_Append(&config->warnoptions, L"ignore");
        if (PyStatus_Exception(status)) {
            return status;
        }
    }
    return PyStatus_Ok();
}

int Nuitka_PythonFlags_SafePath(void) {
    if (nuitka_python_flags & (NUITKA_FLAG_SAFE_PATH | NUITKA_FLAG_ISOLATED)) {
        return 1;
    }
#if PY_VERSION_HEX >= 0x030B0000
    /* PYTHONSAFEPATH (read by the interpreter into sys.flags.safe_path). */
    PyObject *flags = PySys_GetObject("flags"); /* borrowed */
    if (flags != NULL) {
        PyObject *value = PyObject_GetAttrString(flags, "safe_path");
        if (value == NULL) {
            PyErr_Clear();
            return 0;
        }
        int result = PyObject_IsTrue(value) > 0;
        Py_DECREF(value);
        return result;
    }
#endif
    return 0;
}
