/* Compiled functions.
 *
 * A compiled function is a function object of exactly PyFunction_Type
 * (type(f) is types.FunctionType, PyFunction_Check() holds): it carries the
 * usual PyFunctionObject fields, so __name__, __qualname__, __defaults__,
 * __kwdefaults__, __dict__, __annotations__, __code__, method binding,
 * repr, pickling and inspect.signature behave as for any function. Its
 * vectorcall is Nuitka_Function_Vectorcall, which runs the generated C
 * code; the Nuitka_FunctionInfo pointer lives in memory allocated after
 * the PyFunctionObject (see Nuitka_Function_New). What keeps the
 * interpreter from running the code object's bytecode itself (its call
 * specialisations push a frame for a function's code without calling its
 * vectorcall) is described in function.c (above Nuitka_Function_UseEvaluator)
 * and doc/exact-function-checks.md.
 */
#ifndef NUITKA_FUNCTION_H
#define NUITKA_FUNCTION_H

struct Nuitka_FunctionInfo;

typedef PyObject *(*Nuitka_FunctionImpl)(PyThreadState *tstate, PyObject *func, PyFrameObject *frame,
                                         PyObject **fl);

#define NUITKA_FUNC_GENERATOR 1
#define NUITKA_FUNC_CLASS_BODY 2
#define NUITKA_FUNC_MODULE_BODY 4
#define NUITKA_FUNC_COROUTINE 8
#define NUITKA_FUNC_ASYNCGEN 16

/* Static information about one function definition site (one per code object). */
typedef struct Nuitka_FunctionInfo {
    Nuitka_FunctionImpl impl;
    PyCodeObject *code;      /* set at module load */
    Nuitka_ArgSpec argspec;  /* varnames set at module load */
    int nlocalsplus;
    int flags;               /* NUITKA_FUNC_* */
    const int *cell_slots;   /* slots that hold a cell created at function start */
    int ncell_slots;
    int free_start;          /* first slot of the free variables (from the closure) */
    int nfree;
    const int *arg_cell_copies; /* (before 3.11) pairs of (arg slot, cell slot) */
    int narg_cell_copies;
    size_t gen_state_size;   /* generators: size of the PyObject * part (at the start) of the
                                heap struct of temporaries */
    PyFrameObject *cached_frame; /* frames kept for the next calls, chained through f_back */
    size_t gen_state_alloc;  /* generators: full size of the heap struct (PyObject * part, then C ints) */
    struct Nuitka_FunctionInfo *next_cached; /* list of infos holding a cached frame */
    PyObject *qualname;      /* (3.10, whose code objects lack co_qualname) set at module load */
    int cached_count;        /* frames in the cached_frame list (see function.c) */
    PyObject *frame_func;    /* (3.11+) function object shared by this code's frames (function.c) */
    void *cached_state;      /* generators: a zeroed heap struct of temporaries for the next one */
    void *fast;              /* Nuitka_FastEntry of a plain function, or NULL (function_fast.h); set at module load */
} Nuitka_FunctionInfo;

typedef struct {
    PyFunctionObject base;
    Nuitka_FunctionInfo *info;
} Nuitka_FunctionObject;

extern PyObject *Nuitka_Function_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                            PyObject *kwnames);

/* A compiled function of this runtime (those of another compiled extension
 * module have that module's vectorcall and are called through it). */
#define Nuitka_Function_Check(op)                                                                                      \
    (Py_IS_TYPE((op), &PyFunction_Type) && ((PyFunctionObject *)(op))->vectorcall == Nuitka_Function_Vectorcall)

/* Create a function object. Steals references to defaults, kwdefaults,
 * annotations and closure (each may be NULL). */
extern PyObject *Nuitka_Function_New(Nuitka_FunctionInfo *info, PyObject *globals, PyObject *defaults,
                                     PyObject *kwdefaults, PyObject *annotations, PyObject *closure);

/* Whether the function object `func` has another vectorcall than the
 * interpreter's: a compiled function of any compiled module. */
extern int Nuitka_Function_HasOwnVectorcall(PyObject *func);

/* Call a compiled function (the type must be checked by the caller):
 * vectorcall without going through PyObject_Vectorcall. `nargs` is the
 * plain count. */
/* A generator's frame it lets go (finished or deallocated): kept for the
 * next call of the function when nobody else holds it, else released. */
extern void Nuitka_Function_ReleaseFrame(Nuitka_FunctionInfo *info, PyFrameObject *frame);
#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
/* 3.11 (function.c, inline_entry.c): see there. */
extern PyObject *Nuitka_Function_CallBound(PyThreadState *tstate, PyObject *callable, PyObject **bound,
                                           int with_cells);
extern void Nuitka_Function_UseEvaluator(void);
extern int Nuitka_Code_InstallInlineEntry(PyObject *code);
#endif
extern int Nuitka_InlineEntry_Init(void);
/* Whether `code` is `own` with only its flags or names changed (function.c). */
extern int Nuitka_Function_SameCodeBody(PyCodeObject *code, PyCodeObject *own);

extern PyObject *Nuitka_Function_CallDirect(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames);

/* Run a class body over the namespace `ns`; returns the __class__ cell or None. */
extern PyObject *Nuitka_Function_CallClassBody(PyObject *func, PyObject *ns);

/* Run a module body with globals as locals. */
extern PyObject *Nuitka_Module_RunBody(Nuitka_FunctionInfo *info, PyObject *globals);

/* Set up cells and free variables of a fresh frame (shared by generators). */
extern int Nuitka_Function_SetupCells(Nuitka_FunctionInfo *info, PyObject *func, PyObject **fl);
/* The same with the free variables' cells given (borrowed; none read when the code has no free variables). */
extern int Nuitka_Function_SetupCellsFrom(Nuitka_FunctionInfo *info, PyObject *const *free_cells, PyObject **fl);

extern int Nuitka_Runtime_Init(void);

#endif
