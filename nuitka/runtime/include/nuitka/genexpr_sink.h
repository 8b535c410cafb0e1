/* Generator expressions consumed by a builtin without a generator object
 * (nuitka/optimization/genexprs.py, nuitka/codegen/genexpr_calls.py).
 *
 * `tuple(x for x in it)` with `tuple` still the builtin runs the genexpr's
 * body as a plain call of its code (own frame from the function's pool,
 * `.0` bound to the iterator of the first iterable) in which each value
 * that the generator would yield is fed to a sink: a list append, a set
 * add, a step of `sum`, the truth test of `any`/`all` (which may stop the
 * loop), a comparison of `min`/`max`. The builtin's result comes from the
 * sink when the body has finished (Nuitka_Sink_Finish). Every step does
 * what the builtin does with the item it got from the generator, in the
 * same order, so results and errors are the builtin's; an error of the
 * sink (unhashable item, `0 + "a"`) leaves the genexpr's frame without a
 * traceback entry, as it comes from the builtin in the caller's frame.
 */
#ifndef NUITKA_GENEXPR_SINK_H
#define NUITKA_GENEXPR_SINK_H

enum {
    NUITKA_SINK_LIST,      /* list(), also tuple(), sorted(), str.join() */
    NUITKA_SINK_TUPLE,
    NUITKA_SINK_SORTED,
    NUITKA_SINK_JOIN,
    NUITKA_SINK_SET,       /* set(), frozenset() */
    NUITKA_SINK_FROZENSET,
    NUITKA_SINK_SUM,
    NUITKA_SINK_ANY,
    NUITKA_SINK_ALL,
    NUITKA_SINK_MIN,
    NUITKA_SINK_MAX,
};

typedef struct {
    int kind;
    int failed;        /* an error came from the sink, not from the genexpr's body */
    int sum_mode;      /* sum: 0 C long, 1 C double, 2 objects (as CPython's sum loops) */
    PyObject *result;  /* list, set, sum so far (objects mode), min/max item so far, any/all result */
    PyObject *extra;   /* join: the separator; min/max: the builtin (for its empty-argument error) */
    long i_result;
    double f_result;
    double c;          /* 3.12+: the compensation of the float sum */
} Nuitka_Sink;

/* The consume entry of a genexpr body (generated): runs the loop in the
 * genexpr's frame, feeding the sink; steals `iterator`; -1 on error. */
typedef int (*Nuitka_SinkEntry)(PyThreadState *tstate, PyObject *func, PyObject *iterator, Nuitka_Sink *sink);

/* Prepare `sink` for the builtin `kind`; `start` is sum's start (NULL:
 * 0), `extra` as above. -1 on error (sum's start is a str: the builtin's
 * error). */
extern int Nuitka_Sink_Init(Nuitka_Sink *sink, int kind, PyObject *start, PyObject *extra);
/* The builtin's result (new reference) or NULL; releases the sink. */
extern PyObject *Nuitka_Sink_Finish(Nuitka_Sink *sink);
/* Drop what the sink holds (after an error). */
extern void Nuitka_Sink_Clear(Nuitka_Sink *sink);
/* Feed a step that is not a list append (steals value): -1 error, 0 go on, 1 stop. */
extern int Nuitka_Sink_FeedSlow(Nuitka_Sink *sink, PyObject *value);

/* Feed one value (stolen): -1 error, 0 go on, 1 stop (any/all decided). */
static inline int Nuitka_Sink_Feed(Nuitka_Sink *sink, PyObject *value) {
    if (likely(sink->kind <= NUITKA_SINK_JOIN)) {
        PyListObject *list = (PyListObject *)sink->result;
        Py_ssize_t size = Py_SIZE(list);
        if (likely(list->allocated > size)) {
            PyList_SET_ITEM(list, size, value);
            Py_SET_SIZE(list, size + 1);
            return 0;
        }
        int status = PyList_Append((PyObject *)list, value);
        Py_DECREF(value);
        sink->failed = status < 0;
        return status;
    }
    return Nuitka_Sink_FeedSlow(sink, value);
}

/* After the consume body failed: an exception of the body itself is one
 * that left a generator: StopIteration becomes RuntimeError (PEP 479). */
static inline void Nuitka_Sink_BodyFailed(Nuitka_Sink *sink) {
    if (!sink->failed && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", "generator raised StopIteration");
    }
}

/* Run a genexpr's consume body: take a frame of `info`'s pool, bind `.0`
 * and the cells, run `impl` with the sink (see Nuitka_Fast_Run). */
typedef PyObject *(*Nuitka_SinkImpl)(PyThreadState *tstate, PyObject *func, PyFrameObject *frame, PyObject **fl,
                                     Nuitka_Sink *sink);

#endif
