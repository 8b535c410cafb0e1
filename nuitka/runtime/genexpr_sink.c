/* The sinks of generator expressions consumed by builtins
 * (include/nuitka/genexpr_sink.h). Each step is what the builtin does with
 * one item it got from the generator (bltinmodule.c, listobject.c,
 * setobject.c of the running CPython version). */

#include "nuitka/prelude.h"

/* PyObject_LengthHint's default in list_extend. */
#define LIST_GUESS 8

/* list_extend's final cut-back (list_resize to the size) of a list of ours
 * (list(), sorted() show it through sys.getsizeof). */
static int list_cut_back(PyListObject *list) {
    Py_ssize_t size = Py_SIZE(list);
    Py_ssize_t allocated = list->allocated;
    if (allocated >= size && size >= (allocated >> 1)) {
        return 0;
    }
    size_t new_allocated = size == 0 ? 0 : (((size_t)size + (size >> 3) + 6) & ~(size_t)3);
    PyObject **items = PyMem_Realloc(list->ob_item, new_allocated * sizeof(PyObject *));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    list->ob_item = items;
    list->allocated = (Py_ssize_t)new_allocated;
    return 0;
}

int Nuitka_Sink_Init(Nuitka_Sink *sink, int kind, PyObject *start, PyObject *extra) {
    sink->kind = kind;
    sink->failed = 0;
    sink->sum_mode = 2;
    sink->result = NULL;
    sink->extra = extra;
    sink->i_result = 0;
    sink->f_result = 0.0;
    sink->c = 0.0;
    switch (kind) {
    case NUITKA_SINK_LIST:
    case NUITKA_SINK_TUPLE:
    case NUITKA_SINK_SORTED:
    case NUITKA_SINK_JOIN:
        sink->result = PyList_New(0);
        if (sink->result == NULL) {
            return -1;
        }
        /* As list_extend of a generator: room for its length hint's default. */
        ((PyListObject *)sink->result)->ob_item = PyMem_Malloc(LIST_GUESS * sizeof(PyObject *));
        if (((PyListObject *)sink->result)->ob_item == NULL) {
            Py_CLEAR(sink->result);
            PyErr_NoMemory();
            return -1;
        }
        ((PyListObject *)sink->result)->allocated = LIST_GUESS;
        return 0;
    case NUITKA_SINK_SET:
    case NUITKA_SINK_FROZENSET:
        sink->result = PySet_New(NULL);
        return sink->result == NULL ? -1 : 0;
    case NUITKA_SINK_ANY:
        sink->result = Py_False;
        return 0;
    case NUITKA_SINK_ALL:
        sink->result = Py_True;
        return 0;
    case NUITKA_SINK_MIN:
    case NUITKA_SINK_MAX:
        return 0;
    case NUITKA_SINK_SUM:
        if (start == NULL) {
            sink->sum_mode = 0;
            return 0;
        }
        if (PyUnicode_Check(start) || PyBytes_Check(start) || PyByteArray_Check(start)) {
            /* The builtin's own error for such a start. */
            PyObject *args[2] = {NULL, start};
            args[0] = PyTuple_New(0);
            if (args[0] == NULL) {
                return -1;
            }
            PyObject *result = PyObject_Vectorcall(extra, args, 2, NULL);
            Py_DECREF(args[0]);
            Py_XDECREF(result);
            if (result != NULL) {
                PyErr_SetString(PyExc_SystemError, "sum() accepted a str start");
            }
            return -1;
        }
        if (PyLong_CheckExact(start)) {
            int overflow;
            long value = PyLong_AsLongAndOverflow(start, &overflow);
            if (overflow == 0) {
                sink->i_result = value;
                sink->sum_mode = 0;
                return 0;
            }
        }
        if (PyFloat_CheckExact(start)) {
            sink->f_result = PyFloat_AS_DOUBLE(start);
            sink->sum_mode = 1;
            return 0;
        }
        sink->result = Py_NewRef(start);
        return 0;
    }
    PyErr_SetString(PyExc_SystemError, "unknown genexpr sink");
    return -1;
}

void Nuitka_Sink_Clear(Nuitka_Sink *sink) {
    if (sink->kind != NUITKA_SINK_ANY && sink->kind != NUITKA_SINK_ALL) {
        Py_CLEAR(sink->result);
    }
    sink->result = NULL;
}

/* The float sum's result so far (3.12+: with its compensation). */
static double sum_float_value(Nuitka_Sink *sink) {
    double f_result = sink->f_result;
#if PY_VERSION_HEX >= 0x030C0000
    double c = sink->c;
    if (c && Py_IS_FINITE(c)) {
        f_result += c;
    }
#endif
    return f_result;
}

static int sum_step(Nuitka_Sink *sink, PyObject *item) {
    if (sink->sum_mode == 0) {
        if (PyLong_CheckExact(item) || PyBool_Check(item)) {
            int overflow = 0;
            long b = PyLong_AsLongAndOverflow(item, &overflow);
            long i_result = sink->i_result;
            if (overflow == 0 && (i_result >= 0 ? (b <= LONG_MAX - i_result) : (b >= LONG_MIN - i_result))) {
                sink->i_result = i_result + b;
                Py_DECREF(item);
                return 0;
            }
        }
        /* Overflowed or not an int: on with objects, then (as CPython's
         * next loop) with C doubles if that made a float. */
        PyObject *result = PyLong_FromLong(sink->i_result);
        if (result == NULL) {
            Py_DECREF(item);
            return -1;
        }
        PyObject *temp = PyNumber_Add(result, item);
        Py_DECREF(result);
        Py_DECREF(item);
        if (temp == NULL) {
            return -1;
        }
        if (PyFloat_CheckExact(temp)) {
            sink->f_result = PyFloat_AS_DOUBLE(temp);
            sink->c = 0.0;
            sink->sum_mode = 1;
            Py_DECREF(temp);
        } else {
            sink->result = temp;
            sink->sum_mode = 2;
        }
        return 0;
    }
    if (sink->sum_mode == 1) {
        if (PyFloat_CheckExact(item)) {
            double x = PyFloat_AS_DOUBLE(item);
#if PY_VERSION_HEX >= 0x030C0000
            /* Neumaier's compensated sum, as CPython 3.12+. */
            double f_result = sink->f_result;
            double t = f_result + x;
            if (fabs(f_result) >= fabs(x)) {
                sink->c += (f_result - t) + x;
            } else {
                sink->c += (x - t) + f_result;
            }
            sink->f_result = t;
#else
            sink->f_result += x;
#endif
            Py_DECREF(item);
            return 0;
        }
        if (PyLong_Check(item)) {
            int overflow;
            long value = PyLong_AsLongAndOverflow(item, &overflow);
            if (!overflow) {
                sink->f_result += (double)value;
                Py_DECREF(item);
                return 0;
            }
        }
        PyObject *result = PyFloat_FromDouble(sum_float_value(sink));
        if (result == NULL) {
            Py_DECREF(item);
            return -1;
        }
        PyObject *temp = PyNumber_Add(result, item);
        Py_DECREF(result);
        Py_DECREF(item);
        if (temp == NULL) {
            return -1;
        }
        sink->result = temp;
        sink->sum_mode = 2;
        return 0;
    }
    PyObject *temp = PyNumber_Add(sink->result, item);
    Py_DECREF(item);
    if (temp == NULL) {
        return -1;
    }
    Py_SETREF(sink->result, temp);
    return 0;
}

static int feed_slow(Nuitka_Sink *sink, PyObject *value);

int Nuitka_Sink_FeedSlow(Nuitka_Sink *sink, PyObject *value) {
    int status = feed_slow(sink, value);
    sink->failed = status < 0;
    return status;
}

static int feed_slow(Nuitka_Sink *sink, PyObject *value) {
    int status;
    switch (sink->kind) {
    case NUITKA_SINK_SET:
    case NUITKA_SINK_FROZENSET:
        status = PySet_Add(sink->result, value);
        Py_DECREF(value);
        return status;
    case NUITKA_SINK_SUM:
        return sum_step(sink, value);
    case NUITKA_SINK_ANY:
    case NUITKA_SINK_ALL:
        status = PyObject_IsTrue(value);
        Py_DECREF(value);
        if (status < 0) {
            return -1;
        }
        if (sink->kind == NUITKA_SINK_ANY ? status > 0 : status == 0) {
            sink->result = sink->kind == NUITKA_SINK_ANY ? Py_True : Py_False;
            return 1;
        }
        return 0;
    case NUITKA_SINK_MIN:
    case NUITKA_SINK_MAX:
        if (sink->result == NULL) {
            sink->result = value;
            return 0;
        }
        status = PyObject_RichCompareBool(value, sink->result, sink->kind == NUITKA_SINK_MIN ? Py_LT : Py_GT);
        if (status > 0) {
            Py_SETREF(sink->result, value);
            return 0;
        }
        Py_DECREF(value);
        return status;
    default:
        return Nuitka_Sink_Feed(sink, value);
    }
}

PyObject *Nuitka_Sink_Finish(Nuitka_Sink *sink) {
    PyObject *list = sink->result;
    PyObject *result;
    switch (sink->kind) {
    case NUITKA_SINK_SET:
        return list;
    case NUITKA_SINK_LIST:
        if (list_cut_back((PyListObject *)list) < 0) {
            Py_DECREF(list);
            return NULL;
        }
        return list;
    case NUITKA_SINK_TUPLE:
        result = PyList_AsTuple(list);
        Py_DECREF(list);
        return result;
    case NUITKA_SINK_SORTED:
        if (list_cut_back((PyListObject *)list) < 0 || PyList_Sort(list) < 0) {
            Py_DECREF(list);
            return NULL;
        }
        return list;
    case NUITKA_SINK_JOIN:
        result = PyUnicode_Join(sink->extra, list);
        Py_DECREF(list);
        return result;
    case NUITKA_SINK_FROZENSET:
        result = PyFrozenSet_New(list);
        Py_DECREF(list);
        return result;
    case NUITKA_SINK_ANY:
    case NUITKA_SINK_ALL:
        return Py_NewRef(list);
    case NUITKA_SINK_MIN:
    case NUITKA_SINK_MAX:
        if (list == NULL) {
            /* Empty: the builtin's own error. */
            PyObject *empty = PyTuple_New(0);
            if (empty == NULL) {
                return NULL;
            }
            result = PyObject_CallOneArg(sink->extra, empty);
            Py_DECREF(empty);
            if (result != NULL) {
                Py_DECREF(result);
                PyErr_SetString(PyExc_SystemError, "min()/max() of nothing gave a result");
            }
            return NULL;
        }
        return list;
    case NUITKA_SINK_SUM:
        if (sink->sum_mode == 0) {
            return PyLong_FromLong(sink->i_result);
        }
        if (sink->sum_mode == 1) {
            return PyFloat_FromDouble(sum_float_value(sink));
        }
        return list;
    }
    PyErr_SetString(PyExc_SystemError, "unknown genexpr sink");
    return NULL;
}
