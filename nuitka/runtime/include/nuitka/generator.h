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
    /* Coroutines and async generators share this object and its protocol
     * (see nuitka/coroutine.h); `kind` picks the type's messages. */
    int kind;                   /* NUITKA_GEN_KIND_* */
    PyObject *origin_or_finalizer; /* coroutine: cr_origin; async generator: finalizer hook */
    char ag_hooks_inited;
    char ag_closed;
    char ag_running_async;
    /* gi_code/cr_code: the function's __code__ when it was called (owned);
     * types.coroutine sets CO_ITERABLE_COROUTINE in it (see below). */
    PyCodeObject *code;
    /* The frame escaped and is in generator_frames.c's map (frame.clear()). */
    char frame_registered;
    /* The next resume ends a `yield from`/`await` (set by throw() when the
     * sub-iterator finished): no eval breaker check then (generator.c). */
    char resume_after_delegation;
    /* While the body runs: the error it starts with came from that check. */
    char raised_on_resume;
} Nuitka_GeneratorObject;

#define NUITKA_GEN_KIND_GENERATOR 0
#define NUITKA_GEN_KIND_COROUTINE 1
#define NUITKA_GEN_KIND_ASYNCGEN 2

extern PyTypeObject Nuitka_Generator_Type;
/* Gives a compiled generator/coroutine/async generator type its metatype
 * (before PyType_Ready; generator.c). */
extern int Nuitka_Resumable_SetMetatype(PyTypeObject *type);

/* Generators of a function whose __code__ has CO_ITERABLE_COROUTINE
 * (types.coroutine): the same "generator" with am_await returning itself,
 * so that CPython's await (which only accepts exact generators with that
 * flag) and ours accept them; a subtype because every other generator must
 * not look awaitable (collections.abc.Awaitable checks __await__). */
extern PyTypeObject Nuitka_IterableCoroutine_Type;

/* frame.clear() of generator frames (generator_frames.c): register a frame
 * that escaped (gi_frame read, still referenced at a suspension); forget it
 * when the generator lets the frame go; install the method at start-up. */
extern int Nuitka_GeneratorFrame_Register(Nuitka_GeneratorObject *gen);
extern void Nuitka_GeneratorFrame_Unregister(Nuitka_GeneratorObject *gen, PyFrameObject *frame);
extern int Nuitka_GeneratorFrames_Init(void);


/* A compiled generator (either type above), not a coroutine. */
#define Nuitka_Generator_CheckAny(o)                                                                                   \
    (Py_TYPE(o) == &Nuitka_Generator_Type || Py_TYPE(o) == &Nuitka_IterableCoroutine_Type)

/* The protocol core shared with coroutines and async generators (as
 * gen_send_ex2, gen_send_ex, _gen_throw, gen_close of genobject.c);
 * `closing`: called from close(), which is silent on finished coroutines. */
extern PySendResult Nuitka_Generator_SendEx2(Nuitka_GeneratorObject *gen, PyObject *arg, int exc, int closing,
                                             PyObject **presult);
extern PyObject *Nuitka_Generator_SendEx(Nuitka_GeneratorObject *gen, PyObject *arg, int exc, int closing);
extern PyObject *Nuitka_Generator_ThrowImpl(Nuitka_GeneratorObject *gen, int close_on_genexit, PyObject *typ,
                                            PyObject *val, PyObject *tb);
extern PyObject *Nuitka_Generator_Throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
extern PyObject *Nuitka_Generator_Close(PyObject *self, PyObject *unused);
extern PyObject *Nuitka_Generator_Sizeof(PyObject *self, PyObject *unused);

/* Create a generator taking ownership of `frame` (its locals are set up). */
extern PyObject *Nuitka_Generator_New(Nuitka_FunctionObject *func, PyFrameObject *frame);

/* `yield from value` in a generator body: get the iterator (as
 * GET_YIELD_FROM_ITER) and send None into it. Returns 1 if it yielded
 * (*out: the value to yield; gen->yieldfrom holds the iterator, which the
 * runtime then drives on each resume), 0 if it returned at once (*out: its
 * return value), -1 on error. */
extern int Nuitka_YieldFromBegin(PyThreadState *tstate, Nuitka_GeneratorObject *gen, PyObject *value,
                                 PyObject **out);

/* Attribute getters/setters shared by generators, coroutines and async
 * generators (__name__, __qualname__, gi_frame/cr_frame/ag_frame). */
extern PyObject *Nuitka_Generator_GetName(PyObject *self, void *closure);
extern int Nuitka_Generator_SetName(PyObject *self, PyObject *value, void *closure);
extern PyObject *Nuitka_Generator_GetQualname(PyObject *self, void *closure);
extern int Nuitka_Generator_SetQualname(PyObject *self, PyObject *value, void *closure);
extern PyObject *Nuitka_Generator_GetFrame(PyObject *self, void *closure);
/* __class__: the CPython type given as closure (generator.c). */
extern PyObject *Nuitka_Generator_GetClass(PyObject *self, void *closure);
extern int Nuitka_Generator_SetClass(PyObject *self, PyObject *value, void *closure);
/* gi_yieldfrom/cr_await/ag_await: None while running. */
extern PyObject *Nuitka_Generator_GetYieldFrom(PyObject *self, void *closure);
/* First SEND of `yield from`/`await`: 1 with *out to yield (gen delegates
 * to iter from now on), 0 with *out the result, -1 on error; iter consumed. */
extern int Nuitka_Generator_Delegate(Nuitka_GeneratorObject *gen, PyObject *iter, PyObject **out);

#endif
