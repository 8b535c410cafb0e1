/* Compiled generators: resumable C functions whose locals live in a frame
 * owned by the generator and whose temporaries live in a heap struct. */
#ifndef NUITKA_GENERATOR_H
#define NUITKA_GENERATOR_H

struct Nuitka_GeneratorObject;

/* The generated body: called on each resume. `sent` is the value sent in
 * (borrowed; None for next()), or NULL when an exception is thrown in (it is
 * set as the current error). Returns a new reference to the yielded value
 * (with gen->resume_point > 0), or to the return value (resume_point == -1),
 * or NULL with an exception set (resume_point == -1). */
typedef PyObject *(*Nuitka_GeneratorBody)(PyThreadState *tstate, struct Nuitka_GeneratorObject *gen,
                                          PyObject **fl, PyObject *sent);

typedef struct Nuitka_GeneratorObject {
    PyObject_HEAD
    PyObject *name;
    PyObject *qualname;
    PyFrameObject *frame;       /* owned; NULL once finished */
    Nuitka_FunctionInfo *info;
    int resume_point;           /* 0: not started, >0: suspended at yield N, -1: finished */
    int running;
    void *state;                /* heap struct of temporaries, zeroed at creation */
    PyObject *yieldfrom;        /* the iterator of the current `yield from`, or NULL */
    _PyErr_StackItem exc_state;
    PyObject *weakreflist;
} Nuitka_GeneratorObject;

extern PyTypeObject Nuitka_Generator_Type;

/* Create a generator taking ownership of `frame` (its locals are set up). */
extern PyObject *Nuitka_Generator_New(Nuitka_FunctionObject *func, PyFrameObject *frame);

/* `yield from value` in a generator body: get the iterator (as
 * GET_YIELD_FROM_ITER) and send None into it. Returns 1 if it yielded
 * (*out: the value to yield; gen->yieldfrom holds the iterator, which the
 * runtime then drives on each resume), 0 if it returned at once (*out: its
 * return value), -1 on error. */
extern int Nuitka_YieldFromBegin(PyThreadState *tstate, Nuitka_GeneratorObject *gen, PyObject *value,
                                 PyObject **out);

#endif
