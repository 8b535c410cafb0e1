/* Structural pattern matching (PEP 634): the primitives of CPython's
 * MATCH_MAPPING, MATCH_SEQUENCE, GET_LEN, MATCH_KEYS and MATCH_CLASS
 * opcodes, and the copy used for a mapping pattern's "**rest". */
#ifndef NUITKA_MATCHING_H
#define NUITKA_MATCHING_H

/* MATCH_MAPPING / MATCH_SEQUENCE only look at the type's flags (which is
 * why str, bytes and bytearray are not sequences here, and why a
 * collections.abc registration sets the flag). */
static inline int Nuitka_MatchIsMapping(PyObject *subject) {
    return (Py_TYPE(subject)->tp_flags & Py_TPFLAGS_MAPPING) != 0;
}

static inline int Nuitka_MatchIsSequence(PyObject *subject) {
    return (Py_TYPE(subject)->tp_flags & Py_TPFLAGS_SEQUENCE) != 0;
}

/* GET_LEN: len(subject) as an int object (new reference), NULL on error. */
extern PyObject *Nuitka_MatchLen(PyObject *subject);

/* MATCH_KEYS: a tuple of the values for `keys` (a tuple), a new reference
 * to Py_None when a key is missing, NULL on error. */
extern PyObject *Nuitka_MatchKeys(PyObject *subject, PyObject *keys);

/* MATCH_CLASS: a tuple of `nargs` positional then the keyword attributes
 * (`kwnames` a tuple of str), a new reference to Py_None when the subject
 * does not match, NULL on error. */
extern PyObject *Nuitka_MatchClass(PyObject *subject, PyObject *type, Py_ssize_t nargs, PyObject *kwnames);

/* "**rest": dict(subject) without the matched `keys` (a tuple). */
extern PyObject *Nuitka_MatchRest(PyObject *subject, PyObject *keys);

#endif
