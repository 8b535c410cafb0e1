/* Out-of-line parts of the fast paths in nuitka/numbers.h. */
#include "nuitka/prelude.h"

/* KeyError(key) as dict_subscript raises it (_PyErr_SetKeyError): the key
 * is wrapped in a tuple so that a tuple key is not taken as the args. */
void Nuitka_RaiseKeyError(PyObject *key) {
    PyObject *args = PyTuple_Pack(1, key);
    if (args == NULL) {
        return;
    }
    PyErr_SetObject(PyExc_KeyError, args);
    Py_DECREF(args);
}
