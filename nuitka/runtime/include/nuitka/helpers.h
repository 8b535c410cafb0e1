/* Helpers used by generated code: the operations of CPython's bytecode
 * interpreter that are more than one C-API call, with its exact errors. */
#ifndef NUITKA_HELPERS_H
#define NUITKA_HELPERS_H

/* Interned strings created at start-up. */
extern PyObject *Nuitka_String_name;      /* "__name__" */
extern PyObject *Nuitka_String_builtins;  /* "__builtins__" */
extern PyObject *Nuitka_String_import;    /* "__import__" */
extern PyObject *Nuitka_String_empty;     /* "" */

extern int Nuitka_Helpers_Init(void);

/* Variables */
extern PyObject *Nuitka_LoadGlobal(PyObject *globals, PyObject *builtins, PyObject *name);
extern PyObject *Nuitka_LoadBuiltin(PyObject *builtins, PyObject *name);
extern PyObject *Nuitka_LoadName(PyObject *ns, PyObject *globals, PyObject *builtins, PyObject *name);
extern PyObject *Nuitka_LoadClassFree(PyObject *ns, PyObject *cell, PyObject *name);
extern int Nuitka_StoreName(PyObject *ns, PyObject *name, PyObject *value);
extern int Nuitka_SetupAnnotations(PyObject *ns); /* annotations.c */
extern int Nuitka_DelName(PyObject *ns, PyObject *name);
extern int Nuitka_DelGlobal(PyObject *globals, PyObject *name);
extern void Nuitka_RaiseUnboundLocal(PyObject *name);
extern void Nuitka_RaiseUnboundFree(PyObject *name);

/* Operations */
extern PyObject *Nuitka_BinaryOp(PyObject *a, PyObject *b, int op);
extern PyObject *Nuitka_InplaceOp(PyObject *a, PyObject *b, int op);
extern PyObject *Nuitka_Compare(PyObject *a, PyObject *b, int op);
extern PyObject *Nuitka_MakeSlice(PyObject *lower, PyObject *upper, PyObject *step);

enum {
    NUITKA_OP_ADD, NUITKA_OP_SUB, NUITKA_OP_MUL, NUITKA_OP_MATMUL, NUITKA_OP_TRUEDIV, NUITKA_OP_FLOORDIV,
    NUITKA_OP_MOD, NUITKA_OP_POW, NUITKA_OP_LSHIFT, NUITKA_OP_RSHIFT, NUITKA_OP_OR, NUITKA_OP_XOR, NUITKA_OP_AND
};
enum {
    NUITKA_CMP_LT = Py_LT, NUITKA_CMP_LE = Py_LE, NUITKA_CMP_EQ = Py_EQ, NUITKA_CMP_NE = Py_NE,
    NUITKA_CMP_GT = Py_GT, NUITKA_CMP_GE = Py_GE, NUITKA_CMP_IS = 10, NUITKA_CMP_IS_NOT, NUITKA_CMP_IN,
    NUITKA_CMP_NOT_IN
};

/* Calls */
extern PyObject *Nuitka_CallWithStar(PyObject *func, PyObject *pos_list, PyObject *kw_dict);
extern PyObject *Nuitka_CallWithStarTuple(PyObject *func, PyObject *star, PyObject *kw_dict);
extern int Nuitka_ExtendCallArgs(PyObject *func, PyObject *list, PyObject *iterable);
extern int Nuitka_MergeCallKwargs(PyObject *func, PyObject *dict, PyObject *mapping);

/* Displays */
extern int Nuitka_ListExtend(PyObject *list, PyObject *iterable);
extern int Nuitka_SetUpdate(PyObject *set, PyObject *iterable);
extern int Nuitka_DictUpdate(PyObject *dict, PyObject *mapping);
extern PyObject *Nuitka_FormatValue(PyObject *value, int conversion, PyObject *spec);
extern PyObject *Nuitka_JoinStrings(PyObject **items, Py_ssize_t count);

/* Iteration and unpacking */
extern PyObject *Nuitka_IterNext(PyObject *iterator); /* NULL without error at the end */
extern PyObject *Nuitka_Unpack(PyObject *value, Py_ssize_t count, Py_ssize_t star_index);

/* Exceptions */
extern void Nuitka_Raise(PyThreadState *tstate, PyObject *exc, PyObject *cause);
extern int Nuitka_Reraise(PyThreadState *tstate); /* bare raise; returns -1 */
extern PyObject *Nuitka_FetchException(PyThreadState *tstate);
extern void Nuitka_RestoreException(PyThreadState *tstate, PyObject *exc); /* steals */
/* Re-raise `exc` (stolen) caught by the innermost handler (bare `raise`). */
extern void Nuitka_RestoreCaughtException(PyThreadState *tstate, PyObject *exc);
extern PyObject *Nuitka_GetHandledException(PyThreadState *tstate);
extern void Nuitka_SetHandledException(PyThreadState *tstate, PyObject *exc); /* steals, may be NULL */
extern int Nuitka_ExceptionMatch(PyObject *exc, PyObject *exc_type);

/* with */
/* A special method looked up on the type and bound (NULL, no error: missing). */
extern PyObject *Nuitka_LookupSpecial(PyObject *self, PyObject *name);
extern PyObject *Nuitka_ContextEnter(PyObject *manager, PyObject *enter_name, PyObject *exit_name,
                                     const char *no_enter_msg, const char *no_exit_msg, PyObject **exit_out);
extern PyObject *Nuitka_WithEnter(PyObject *manager, PyObject **exit_out);
extern PyObject *Nuitka_WithExit(PyThreadState *tstate, PyObject *exit_func, PyObject *exc);

/* Imports */
extern PyObject *Nuitka_ImportName(PyObject *globals, PyObject *locals, PyObject *builtins, PyObject *name,
                                   PyObject *fromlist, int level);
extern PyObject *Nuitka_ImportFrom(PyObject *module, PyObject *name);
extern int Nuitka_ImportStar(PyObject *module, PyObject *ns);

/* Classes */
extern PyObject *Nuitka_BuildClass(PyObject *body_func, PyObject *name, PyObject *bases, PyObject *kwargs);
/* build_class.c: LOAD_BUILD_CLASS (new reference) and the call of what it
 * loaded (Nuitka_BuildClass when it is the original builtin). */
extern PyObject *Nuitka_LoadBuildClass(PyObject *builtins);
extern PyObject *Nuitka_CallBuildClass(PyObject *bc, PyObject *func, PyObject *name, PyObject *bases, PyObject *kw);

#endif
