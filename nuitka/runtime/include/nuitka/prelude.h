/* Common prelude of the C runtime and of all generated modules. */
#ifndef NUITKA_PRELUDE_H
#define NUITKA_PRELUDE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

#ifndef Py_BUILD_CORE
#define Py_BUILD_CORE 1
#endif
#if PY_VERSION_HEX >= 0x030B0000
#include "internal/pycore_frame.h"
#include "internal/pycore_code.h"
#endif
#include <string.h>
#include <stddef.h> /* offsetof (3.10's Python.h does not include it) */

#if defined(__GNUC__)
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define NUITKA_NOINLINE __attribute__((noinline))
#define NUITKA_MAY_BE_UNUSED __attribute__((unused))
#else
#define likely(x) (x)
#define unlikely(x) (x)
#define NUITKA_NOINLINE
#define NUITKA_MAY_BE_UNUSED
#endif

/* 3.10 and 3.11 declare Py_DECREF and Py_XDECREF plain `static inline`: in
 * big generated functions gcc stops inlining them and calls an out-of-line
 * copy for each release (3.12+ declare them always inline). Same code,
 * always inlined; Py_CLEAR, Py_SETREF and Py_XSETREF are macros and use
 * these. */
#if PY_VERSION_HEX < 0x030C0000 && !defined(Py_REF_DEBUG) && defined(__GNUC__)
static inline __attribute__((always_inline)) void Nuitka_DecRef(PyObject *op) {
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
}
static inline __attribute__((always_inline)) void Nuitka_XDecRef(PyObject *op) {
    if (op != NULL) {
        Nuitka_DecRef(op);
    }
}
#undef Py_DECREF
#define Py_DECREF(op) Nuitka_DecRef(_PyObject_CAST(op))
#undef Py_XDECREF
#define Py_XDECREF(op) Nuitka_XDecRef(_PyObject_CAST(op))
#endif

#include "nuitka/compat.h"
#include "nuitka/args.h"
#include "nuitka/frames.h"
#include "nuitka/profiling.h"
#include "nuitka/function.h"
#include "nuitka/function_fast.h"
#include "nuitka/helpers.h"
#include "nuitka/fastpaths.h"
#include "nuitka/attributes.h"
#include "nuitka/numbers.h"
#include "nuitka/shaped_numbers.h"
#include "nuitka/unboxed.h"
#include "nuitka/generator.h"
#include "nuitka/coroutine.h"
#include "nuitka/module.h"
#include "nuitka/loader.h"
#include "nuitka/exception_groups.h"
#include "nuitka/matching.h"
#include "nuitka/type_params.h"
#include "nuitka/python_flags.h"
#include "nuitka/self_execution.h"
#include "nuitka/unpacking.h"
#include "nuitka/slices.h"
#include "nuitka/builtins_direct.h"
#include "nuitka/genexpr_sink.h"

#endif
