/* --python-flag: the interpreter configuration a compiled program starts
 * with (python_flags.c). The compile-time effects (asserts, __debug__,
 * docstrings) are in the generated code; see nuitka/python_flags.py. */
#ifndef NUITKA_PYTHON_FLAGS_H
#define NUITKA_PYTHON_FLAGS_H

/* Bits of nuitka_python_flags; the same numbers as RUNTIME_FLAG_BITS in
 * nuitka/python_flags.py. */
#define NUITKA_FLAG_NO_ASSERTS 1u
#define NUITKA_FLAG_NO_DOCSTRINGS 2u
#define NUITKA_FLAG_NO_SITE 4u
#define NUITKA_FLAG_UNBUFFERED 8u
#define NUITKA_FLAG_ISOLATED 16u
#define NUITKA_FLAG_SAFE_PATH 32u
#define NUITKA_FLAG_NO_WARNINGS 64u
#define NUITKA_FLAG_STATIC_HASHES 128u

/* Generated in __program.c (programs only). */
extern const unsigned int nuitka_python_flags;

/* Set the fields of `config` (before Py_InitializeFromConfig) as the
 * interpreter's command line flags would: -O/-OO, -S, -u, -I, -P,
 * -W ignore, PYTHONHASHSEED=0. */
extern PyStatus Nuitka_PythonFlags_Apply(PyConfig *config);

/* After initialisation: whether sys.path[0] stays without the script's
 * folder (-P, -I, or PYTHONSAFEPATH on 3.11+). */
extern int Nuitka_PythonFlags_SafePath(void);

#endif
