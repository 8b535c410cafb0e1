/* Compiled coroutines and async generators, and the operations behind
 * `await`, `async for` and `async with`.
 *
 * Both are Nuitka_GeneratorObject (nuitka/generator.h) with another type:
 * the resumable body, send/throw/close, `yield from`-style delegation (used
 * by `await`) and finalisation are the generator's code, which picks
 * CPython's message for the kind where they differ. The types here are
 * C-level subtypes of PyCoro_Type / PyAsyncGen_Type (so isinstance with
 * types.CoroutineType / AsyncGeneratorType, inspect and asyncio predicates
 * hold) that override every slot, member and getset of their base.
 */
#ifndef NUITKA_COROUTINE_H
#define NUITKA_COROUTINE_H

extern PyTypeObject Nuitka_Coroutine_Type;
extern PyTypeObject Nuitka_AsyncGen_Type;

extern int Nuitka_Coroutines_Init(void);

/* Coroutine creation: cr_origin as sys.set_coroutine_origin_tracking_depth asks. */
extern int Nuitka_Coroutine_SetOrigin(Nuitka_GeneratorObject *gen);

/* Finalisation of a never started coroutine: "coroutine ... was never awaited". */
extern void Nuitka_Coroutine_WarnUnawaited(PyObject *coro);

/* Finalisation of an async generator with a finalizer hook (asyncio's). */
extern void Nuitka_AsyncGen_CallFinalizer(Nuitka_GeneratorObject *gen);

/* Kinds of await, for GET_AWAITABLE's error messages. */
#define NUITKA_AWAIT_PLAIN 0
#define NUITKA_AWAIT_AENTER 1
#define NUITKA_AWAIT_AEXIT 2
#define NUITKA_AWAIT_ANEXT 3 /* value is already the awaitable iterator (GET_ANEXT made it) */

/* `await value` in a coroutine or async generator body: GET_AWAITABLE, then
 * send None into it. Returns 1 if it yielded (*out: the value to pass up;
 * gen->yieldfrom holds the iterator, which the runtime drives on each
 * resume), 0 if it finished at once (*out: its result), -1 on error. */
extern int Nuitka_AwaitBegin(PyThreadState *tstate, Nuitka_GeneratorObject *gen, PyObject *value, int kind,
                             PyObject **out);

/* GET_AITER and GET_ANEXT (the latter returns the awaitable iterator). */
extern PyObject *Nuitka_AsyncIter(PyObject *iterable);
extern PyObject *Nuitka_AsyncNext(PyObject *aiter);

/* BEFORE_ASYNC_WITH: look up __aenter__/__aexit__, store the bound
 * __aexit__ in *exit_out and return __aenter__()'s (not awaited) result. */
extern PyObject *Nuitka_AsyncWithEnter(PyObject *manager, PyObject **exit_out);

#endif
