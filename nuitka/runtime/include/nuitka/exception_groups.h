/* Exception groups (PEP 654): the runtime side of ``try``/``except*``. */
#ifndef NUITKA_EXCEPTION_GROUPS_H
#define NUITKA_EXCEPTION_GROUPS_H

/* Start-up fix-ups of the interpreter for compiled functions
 * (function_compat.c). */
extern int Nuitka_FunctionCompat_Init(void);

#if PY_VERSION_HEX >= 0x030B0000
/* CHECK_EG_MATCH: validates ``match_type`` like CPython, then splits the
 * exception in ``*rest`` (owned, may be None). On a (partial) match,
 * ``*match`` is the matching group, ``*rest`` is replaced by the rest (or
 * None) and the handled exception (sys.exc_info) becomes the match;
 * otherwise ``*match`` is None and ``*rest`` is unchanged. Returns -1 with
 * an exception set on error. */
extern int Nuitka_ExceptionGroupMatch(PyThreadState *tstate, PyObject **rest, PyObject *match_type,
                                      PyObject **match);

/* PREP_RERAISE_STAR: appends ``rest`` (the unhandled part, may be None) to
 * ``raised`` (the list of exceptions raised or re-raised by the clauses)
 * and combines them against ``orig``; returns what to re-raise, or None. */
extern PyObject *Nuitka_PrepReraiseStar(PyObject *orig, PyObject *raised, PyObject *rest);
#endif

#endif
