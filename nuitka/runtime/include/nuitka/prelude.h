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

#include "nuitka/compat.h"
#include "nuitka/args.h"
#include "nuitka/frames.h"
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
#include "nuitka/builtins_direct.h"
#include "nuitka/genexpr_sink.h"

#endif
