/* Fast paths for numbers, comparisons, truth tests, subscripts and loop
 * iteration in generated code.
 *
 * CPython 3.11+ specialises these in its interpreter (BINARY_OP_ADD_INT,
 * BINARY_OP_ADD_FLOAT, COMPARE_OP_INT_JUMP, BINARY_SUBSCR_LIST_INT,
 * FOR_ITER_RANGE, ...). Here every operation site calls a static inline
 * function whose first branches handle exact ints that fit one digit
 * ("compact": |v| < 2**30), exact floats, exact lists/tuples/dicts; any
 * other case, and every case that would raise (zero division, index out of
 * range, missing key...), goes to the generic C-API call, which gives
 * CPython's exact semantics and messages for that version. Subclasses of
 * int/float (bool included) never take a fast path: the checks are exact
 * type checks.
 *
 * The arithmetic mirrors Objects/longobject.c and Objects/floatobject.c:
 * - ints: results of one-digit operands fit a C long long, so there is no
 *   overflow; PyLong_FromLongLong builds (or returns the cached small) int.
 * - floats: the same IEEE double operations as float_add & co.; % and //
 *   follow float_rem and _float_div_mod (signs of zero results included).
 * - int with float: float_add & co. convert the int with PyLong_AsDouble,
 *   exact for a compact int, so (double)i gives the same value.
 * - int / int: long_true_divide divides exactly representable operands as
 *   doubles, as done here.
 */
#ifndef NUITKA_NUMBERS_H
#define NUITKA_NUMBERS_H

#include <math.h>

#if PY_VERSION_HEX >= 0x030C0000
#include "internal/pycore_range.h" /* _PyRangeIterObject */
#include "internal/pycore_list.h"  /* _PyListIterObject */
#include "internal/pycore_tuple.h" /* _PyTupleIterObject */
#endif

/* ---- int layout -----------------------------------------------------------
 * 3.12 replaced ob_size (sign * number of digits) by long_value.lv_tag;
 * both have "compact" ints of at most one 30-bit digit. */
#if PY_VERSION_HEX >= 0x030C0000
static inline int Nuitka_Long_IsCompact(PyObject *v) { return _PyLong_IsCompact((PyLongObject *)v); }
static inline long Nuitka_Long_CompactValue(PyObject *v) { return (long)_PyLong_CompactValue((PyLongObject *)v); }
#else
static inline int Nuitka_Long_IsCompact(PyObject *v) { return (size_t)(Py_SIZE(v) + 1) < 3; }
static inline long Nuitka_Long_CompactValue(PyObject *v) {
    return (long)Py_SIZE(v) * (long)((PyLongObject *)v)->ob_digit[0];
}
#endif

/* An int made from a C value: the small ints (-5..256) straight from
 * CPython's cache, as PyLong_FromLongLong would return them, without the
 * call; any other through PyLong_FromLongLong. */
#include "internal/pycore_long.h"
static inline PyObject *Nuitka_Long_FromLongLong(long long v) {
    if ((unsigned long long)(v + _PY_NSMALLNEGINTS) < (unsigned long long)(_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS)) {
#if PY_VERSION_HEX >= 0x030B0000
        return Py_NewRef((PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + v]);
#else
        return Py_NewRef(__PyLong_GetSmallInt_internal((int)v));
#endif
    }
    return PyLong_FromLongLong(v);
}

/* An exact int that is compact. */
static inline int Nuitka_Long_IsSmall(PyObject *v) { return PyLong_CheckExact(v) && Nuitka_Long_IsCompact(v); }

/* Exact float, or exact compact int (exactly representable as a double):
 * *d gets the value float arithmetic would use. */
static inline int Nuitka_AsFastDouble(PyObject *v, double *d) {
    if (PyFloat_CheckExact(v)) {
        *d = PyFloat_AS_DOUBLE(v);
        return 1;
    }
    if (Nuitka_Long_IsSmall(v)) {
        *d = (double)Nuitka_Long_CompactValue(v);
        return 1;
    }
    return 0;
}

/* At least one float, the other a float or compact int. */
static inline int Nuitka_BothFastDoubles(PyObject *a, PyObject *b, double *x, double *y) {
    if (!PyFloat_CheckExact(a) && !PyFloat_CheckExact(b)) {
        return 0;
    }
    return Nuitka_AsFastDouble(a, x) && Nuitka_AsFastDouble(b, y);
}

/* float_rem's result for y != 0. */
static inline double Nuitka_Float_Mod(double x, double y) {
    double mod = fmod(x, y);
    if (mod) {
        /* the remainder takes the sign of the divisor */
        if ((y < 0) != (mod < 0)) {
            mod += y;
        }
    } else {
        /* zero remainder: fmod's zero sign differs across platforms */
        mod = copysign(0.0, y);
    }
    return mod;
}

/* _float_div_mod's floor quotient for y != 0. */
static inline double Nuitka_Float_FloorDiv(double x, double y) {
    double mod = fmod(x, y);
    /* x - mod is an exact multiple of y mathematically, but not in floating
     * point: snap the quotient to the nearest integral value. */
    double div = (x - mod) / y;
    if (mod) {
        if ((y < 0) != (mod < 0)) {
            div -= 1.0;
        }
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        /* zero quotient: the sign of the true quotient */
        floordiv = copysign(0.0, x / y);
    }
    return floordiv;
}

/* Python's floor division and modulo of C longs (b != 0). */
static inline long Nuitka_Long_FloorDiv(long a, long b) {
    long q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
    }
    return q;
}

static inline long Nuitka_Long_Mod(long a, long b) {
    long r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
    }
    return r;
}

/* A float result of `a op b`. When an operand is an exact float that only
 * the caller's temporary holds (an intermediate result, as in `x * y + z`),
 * nothing else can see it: it is reused for the result instead of
 * allocating a new float (as CPython 3.12's BINARY_OP_*_FLOAT do). The
 * caller still releases both operands, so the reused one gets a reference
 * for the result. */
static inline PyObject *Nuitka_Float_Result(PyObject *a, PyObject *b, double value) {
    if (Py_REFCNT(a) == 1 && PyFloat_CheckExact(a)) {
        ((PyFloatObject *)a)->ob_fval = value;
        return Py_NewRef(a);
    }
    if (Py_REFCNT(b) == 1 && PyFloat_CheckExact(b)) {
        ((PyFloatObject *)b)->ob_fval = value;
        return Py_NewRef(b);
    }
    return PyFloat_FromDouble(value);
}

/* ---- binary and in-place operations --------------------------------------
 * Nuitka_Binary_<OP>(a, b) / Nuitka_Inplace_<OP>(a, b): new reference or
 * NULL with an exception. Exact ints and floats have no in-place slots, so
 * the fast paths are the same for both. */

#if defined(__GNUC__)
#define NUITKA_FORCE_INLINE __attribute__((always_inline)) inline
#define NUITKA_NOINLINE __attribute__((noinline))
#else
#define NUITKA_FORCE_INLINE inline
#define NUITKA_NOINLINE
#endif

#define NUITKA_NUMBER_OP(NAME, GENERIC, INPLACE_GENERIC, ...)                                                          \
    static inline PyObject *Nuitka_Binary_##NAME(PyObject *a, PyObject *b) {                                           \
        __VA_ARGS__                                                                                                    \
        return GENERIC(a, b);                                                                                          \
    }                                                                                                                  \
    static inline PyObject *Nuitka_Inplace_##NAME(PyObject *a, PyObject *b) {                                          \
        __VA_ARGS__                                                                                                    \
        return INPLACE_GENERIC(a, b);                                                                                  \
    }

/* Out of line: see NUITKA_FLOAT_OP_INLINE. */
static inline NUITKA_NOINLINE PyObject *Nuitka_Binary_ADD_Rest(PyObject *a, PyObject *b);
static inline NUITKA_NOINLINE PyObject *Nuitka_Inplace_ADD_Rest(PyObject *a, PyObject *b);
static inline NUITKA_NOINLINE PyObject *Nuitka_Binary_SUB_Rest(PyObject *a, PyObject *b);
static inline NUITKA_NOINLINE PyObject *Nuitka_Inplace_SUB_Rest(PyObject *a, PyObject *b);
static inline NUITKA_NOINLINE PyObject *Nuitka_Binary_MUL_Rest(PyObject *a, PyObject *b);
static inline NUITKA_NOINLINE PyObject *Nuitka_Inplace_MUL_Rest(PyObject *a, PyObject *b);
static inline NUITKA_NOINLINE PyObject *Nuitka_Binary_TRUEDIV_Rest(PyObject *a, PyObject *b);
static inline NUITKA_NOINLINE PyObject *Nuitka_Inplace_TRUEDIV_Rest(PyObject *a, PyObject *b);

/* a, b compact ints: x, y are their values. */
#define NUITKA_IF_SMALL_INTS                                                                                           \
    if (PyLong_CheckExact(a) && PyLong_CheckExact(b) && Nuitka_Long_IsCompact(a) && Nuitka_Long_IsCompact(b))
#define NUITKA_INT_VALUES                                                                                              \
    long x = Nuitka_Long_CompactValue(a);                                                                              \
    long y = Nuitka_Long_CompactValue(b);

NUITKA_NUMBER_OP(ADD_Rest, PyNumber_Add, PyNumber_InPlaceAdd, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        return Nuitka_Long_FromLongLong(x + y);
    }
    double x, y;
    if (Nuitka_BothFastDoubles(a, b, &x, &y)) {
        return Nuitka_Float_Result(a, b, x + y);
    }
})

NUITKA_NUMBER_OP(SUB_Rest, PyNumber_Subtract, PyNumber_InPlaceSubtract, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        return Nuitka_Long_FromLongLong(x - y);
    }
    double x, y;
    if (Nuitka_BothFastDoubles(a, b, &x, &y)) {
        return Nuitka_Float_Result(a, b, x - y);
    }
})

NUITKA_NUMBER_OP(MUL_Rest, PyNumber_Multiply, PyNumber_InPlaceMultiply, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        /* |x|, |y| < 2**30: the product fits 61 bits */
        return PyLong_FromLongLong((long long)x * (long long)y);
    }
    double x, y;
    if (Nuitka_BothFastDoubles(a, b, &x, &y)) {
        return Nuitka_Float_Result(a, b, x * y);
    }
})

NUITKA_NUMBER_OP(TRUEDIV_Rest, PyNumber_TrueDivide, PyNumber_InPlaceTrueDivide, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        /* long_true_divide's path for operands exactly representable as
         * doubles */
        if (y != 0) {
            return PyFloat_FromDouble((double)x / (double)y);
        }
    }
    else {
        double x, y;
        if (Nuitka_BothFastDoubles(a, b, &x, &y) && y != 0.0) {
            return Nuitka_Float_Result(a, b, x / y);
        }
    }
})

/* The two-exact-floats case of the most frequent float operations is
 * inline at the site (the rest, ints included, is one call away, which the
 * C compiler keeps out of line anyway). */
#define NUITKA_FLOAT_OP_INLINE(NAME, OP, CHECK)                                                                        \
    static NUITKA_FORCE_INLINE PyObject *Nuitka_Binary_##NAME(PyObject *a, PyObject *b) {                             \
        if (Py_IS_TYPE(a, &PyFloat_Type) && Py_IS_TYPE(b, &PyFloat_Type) && (CHECK)) {                                  \
            return Nuitka_Float_Result(a, b, PyFloat_AS_DOUBLE(a) OP PyFloat_AS_DOUBLE(b));                             \
        }                                                                                                              \
        return Nuitka_Binary_##NAME##_Rest(a, b);                                                                      \
    }                                                                                                                  \
    static NUITKA_FORCE_INLINE PyObject *Nuitka_Inplace_##NAME(PyObject *a, PyObject *b) {                            \
        if (Py_IS_TYPE(a, &PyFloat_Type) && Py_IS_TYPE(b, &PyFloat_Type) && (CHECK)) {                                  \
            return Nuitka_Float_Result(a, b, PyFloat_AS_DOUBLE(a) OP PyFloat_AS_DOUBLE(b));                             \
        }                                                                                                              \
        return Nuitka_Inplace_##NAME##_Rest(a, b);                                                                     \
    }

NUITKA_FLOAT_OP_INLINE(ADD, +, 1)
NUITKA_FLOAT_OP_INLINE(SUB, -, 1)
NUITKA_FLOAT_OP_INLINE(MUL, *, 1)
NUITKA_FLOAT_OP_INLINE(TRUEDIV, /, PyFloat_AS_DOUBLE(b) != 0.0)

NUITKA_NUMBER_OP(FLOORDIV, PyNumber_FloorDivide, PyNumber_InPlaceFloorDivide, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        if (y != 0) {
            return Nuitka_Long_FromLongLong(Nuitka_Long_FloorDiv(x, y));
        }
    }
    else {
        double x, y;
        if (Nuitka_BothFastDoubles(a, b, &x, &y) && y != 0.0) {
            return Nuitka_Float_Result(a, b, Nuitka_Float_FloorDiv(x, y));
        }
    }
})

NUITKA_NUMBER_OP(MOD, PyNumber_Remainder, PyNumber_InPlaceRemainder, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        if (y != 0) {
            return Nuitka_Long_FromLongLong(Nuitka_Long_Mod(x, y));
        }
    }
    else {
        double x, y;
        if (Nuitka_BothFastDoubles(a, b, &x, &y) && y != 0.0) {
            return Nuitka_Float_Result(a, b, Nuitka_Float_Mod(x, y));
        }
    }
})

NUITKA_NUMBER_OP(AND, PyNumber_And, PyNumber_InPlaceAnd, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        return Nuitka_Long_FromLongLong(x & y);
    }
})

NUITKA_NUMBER_OP(OR, PyNumber_Or, PyNumber_InPlaceOr, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        return Nuitka_Long_FromLongLong(x | y);
    }
})

NUITKA_NUMBER_OP(XOR, PyNumber_Xor, PyNumber_InPlaceXor, {
    NUITKA_IF_SMALL_INTS {
        NUITKA_INT_VALUES
        return Nuitka_Long_FromLongLong(x ^ y);
    }
})

/* ---- comparisons ---------------------------------------------------------
 * op is a constant at every site, so the switches fold away. */

#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int Nuitka_CompareLongs(long x, long y, int op) {
    switch (op) {
    case Py_LT: return x < y;
    case Py_LE: return x <= y;
    case Py_EQ: return x == y;
    case Py_NE: return x != y;
    case Py_GT: return x > y;
    default: return x >= y;
    }
}

/* C comparisons of doubles are float_richcompare's for two floats (NaN:
 * only != is true), and for a float with an exactly representable int. */
static inline int Nuitka_CompareDoubles(double x, double y, int op) {
    switch (op) {
    case Py_LT: return x < y;
    case Py_LE: return x <= y;
    case Py_EQ: return x == y;
    case Py_NE: return x != y;
    case Py_GT: return x > y;
    default: return x >= y;
    }
}

/* Equality of two exact strs, as unicode_compare_eq (COMPARE_OP_STR_JUMP);
 * -1 for strings not in canonical form (3.10/3.11 legacy strings). */
static inline int Nuitka_StringsEqual(PyObject *a, PyObject *b) {
    if (a == b) {
        return 1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (unlikely(!PyUnicode_IS_READY(a) || !PyUnicode_IS_READY(b))) {
        return -1;
    }
#endif
    Py_ssize_t length = PyUnicode_GET_LENGTH(a);
    if (PyUnicode_GET_LENGTH(b) != length || PyUnicode_KIND(a) != PyUnicode_KIND(b)) {
        return 0;
    }
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)length * PyUnicode_KIND(a)) == 0;
}

/* 1/0 when a fast path decided `a op b` (op one of Py_LT..Py_GE), -1 when
 * the generic comparison is needed. */
static inline int Nuitka_CompareFast(PyObject *a, PyObject *b, int op) {
    NUITKA_IF_SMALL_INTS { return Nuitka_CompareLongs(Nuitka_Long_CompactValue(a), Nuitka_Long_CompactValue(b), op); }
    double x, y;
    if (Nuitka_BothFastDoubles(a, b, &x, &y)) {
        return Nuitka_CompareDoubles(x, y, op);
    }
    if ((op == Py_EQ || op == Py_NE) && PyUnicode_CheckExact(a) && PyUnicode_CheckExact(b)) {
        int r = Nuitka_StringsEqual(a, b);
        if (r >= 0) {
            return op == Py_EQ ? r : !r;
        }
    }
    return -1;
}

/* Truth value as PyObject_IsTrue, inline for the frequent exact types. */
static inline int Nuitka_IsTrue(PyObject *v) {
    if (v == Py_True) {
        return 1;
    }
    if (v == Py_False || v == Py_None) {
        return 0;
    }
    PyTypeObject *type = Py_TYPE(v);
    if (type == &PyLong_Type) {
        /* zero is compact; a non-compact int is never zero */
        return !Nuitka_Long_IsCompact(v) || Nuitka_Long_CompactValue(v) != 0;
    }
    if (type == &PyList_Type) {
        return PyList_GET_SIZE(v) != 0;
    }
    if (type == &PyTuple_Type) {
        return PyTuple_GET_SIZE(v) != 0;
    }
    if (type == &PyUnicode_Type) {
        return PyUnicode_GET_LENGTH(v) != 0;
    }
    if (type == &PyDict_Type) {
        return PyDict_GET_SIZE(v) != 0;
    }
    if (type == &PyFloat_Type) {
        return PyFloat_AS_DOUBLE(v) != 0.0;
    }
    return PyObject_IsTrue(v);
}

/* `a op b` as an object (Nuitka_Compare's ops). */
static inline PyObject *Nuitka_CompareObject(PyObject *a, PyObject *b, int op) {
    if (op <= Py_GE) {
        int r = Nuitka_CompareFast(a, b, op);
        if (r >= 0) {
            return Py_NewRef(r ? Py_True : Py_False);
        }
        return PyObject_RichCompare(a, b, op);
    }
    return Nuitka_Compare(a, b, op);
}

/* Nuitka_CompareCondition past its inline cases. */
static inline int Nuitka_CompareConditionRest(PyObject *a, PyObject *b, int op, PyObject **result) {
    switch (op) {
    case NUITKA_CMP_IS: return a == b;
    case NUITKA_CMP_IS_NOT: return a != b;
    case NUITKA_CMP_IN: return PySequence_Contains(b, a);
    case NUITKA_CMP_NOT_IN: {
        int r = PySequence_Contains(b, a);
        return r < 0 ? r : !r;
    }
    default: break;
    }
    int r = Nuitka_CompareFast(a, b, op);
    if (r >= 0) {
        return r;
    }
    *result = PyObject_RichCompare(a, b, op);
    return *result == NULL ? -1 : 2;
}

/* `a op b` as a condition: 0/1, or -1 with an exception; when 2 is
 * returned, *result holds the (new) object a rich comparison returned and
 * the caller takes its truth value after releasing the operands (as
 * COMPARE_OP + POP_JUMP_IF do), with Nuitka_TakeTruth. Forced inline: op
 * is a constant at every site, so identity tests and the comparison of two
 * compact ints become a few instructions there (the compiler would keep one
 * out-of-line copy switching on op). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int Nuitka_CompareCondition(PyObject *a, PyObject *b, int op, PyObject **result) {
    if (op == NUITKA_CMP_IS) {
        return a == b;
    }
    if (op == NUITKA_CMP_IS_NOT) {
        return a != b;
    }
    if (op <= Py_GE) {
        NUITKA_IF_SMALL_INTS {
            return Nuitka_CompareLongs(Nuitka_Long_CompactValue(a), Nuitka_Long_CompactValue(b), op);
        }
    }
    return Nuitka_CompareConditionRest(a, b, op, result);
}

/* Truth value of `value` (stolen). */
static inline int Nuitka_TakeTruth(PyObject *value) {
    int r = Nuitka_IsTrue(value);
    Py_DECREF(value);
    return r;
}

/* ---- subscripts ------------------------------------------------------------
 * BINARY_SUBSCR_LIST_INT/TUPLE_INT/DICT and STORE_SUBSCR_LIST_INT/DICT. An
 * index out of range and a missing key go the generic way for the error. */

extern void Nuitka_RaiseKeyError(PyObject *key); /* numbers.c */

static inline NUITKA_NOINLINE PyObject *Nuitka_GetItemRest(PyObject *source, PyObject *index) {
    PyTypeObject *type = Py_TYPE(source);
    if (type == &PyList_Type) {
        if (Nuitka_Long_IsSmall(index)) {
            Py_ssize_t i = Nuitka_Long_CompactValue(index);
            Py_ssize_t size = PyList_GET_SIZE(source);
            if (i < 0) {
                i += size;
            }
            if ((size_t)i < (size_t)size) {
                return Py_NewRef(PyList_GET_ITEM(source, i));
            }
        }
    } else if (type == &PyTuple_Type) {
        if (Nuitka_Long_IsSmall(index)) {
            Py_ssize_t i = Nuitka_Long_CompactValue(index);
            Py_ssize_t size = PyTuple_GET_SIZE(source);
            if (i < 0) {
                i += size;
            }
            if ((size_t)i < (size_t)size) {
                return Py_NewRef(PyTuple_GET_ITEM(source, i));
            }
        }
    } else if (type == &PyDict_Type) {
        /* dict_subscript without __missing__ (exact dict): hash and compare
         * the key only once, also when it is missing. */
        PyObject *value = PyDict_GetItemWithError(source, index);
        if (value != NULL) {
            return Py_NewRef(value);
        }
        if (!PyErr_Occurred()) {
            Nuitka_RaiseKeyError(index);
        }
        return NULL;
    }
    return PyObject_GetItem(source, index);
}

static inline NUITKA_NOINLINE int Nuitka_SetItemRest(PyObject *target, PyObject *index, PyObject *value) {
    PyTypeObject *type = Py_TYPE(target);
    if (type == &PyList_Type) {
        if (Nuitka_Long_IsSmall(index)) {
            Py_ssize_t i = Nuitka_Long_CompactValue(index);
            Py_ssize_t size = PyList_GET_SIZE(target);
            if (i < 0) {
                i += size;
            }
            if ((size_t)i < (size_t)size) {
                PyObject *old = PyList_GET_ITEM(target, i);
                PyList_SET_ITEM(target, i, Py_NewRef(value));
                Py_DECREF(old);
                return 0;
            }
        }
    } else if (type == &PyDict_Type) {
        return PyDict_SetItem(target, index, value);
    }
    return PyObject_SetItem(target, index, value);
}

/* A list indexed by an in-range compact int inline at the site. */
static NUITKA_FORCE_INLINE PyObject *Nuitka_GetItem(PyObject *source, PyObject *index) {
    if (Py_IS_TYPE(source, &PyList_Type) && Py_IS_TYPE(index, &PyLong_Type) && Nuitka_Long_IsCompact(index)) {
        Py_ssize_t i = Nuitka_Long_CompactValue(index);
        if ((size_t)i < (size_t)PyList_GET_SIZE(source)) {
            return Py_NewRef(PyList_GET_ITEM(source, i));
        }
    }
    return Nuitka_GetItemRest(source, index);
}

static NUITKA_FORCE_INLINE int Nuitka_SetItem(PyObject *target, PyObject *index, PyObject *value) {
    if (Py_IS_TYPE(target, &PyList_Type) && Py_IS_TYPE(index, &PyLong_Type) && Nuitka_Long_IsCompact(index)) {
        Py_ssize_t i = Nuitka_Long_CompactValue(index);
        if ((size_t)i < (size_t)PyList_GET_SIZE(target)) {
            PyObject *old = PyList_GET_ITEM(target, i);
            PyList_SET_ITEM(target, i, Py_NewRef(value));
            Py_DECREF(old);
            return 0;
        }
    }
    return Nuitka_SetItemRest(target, index, value);
}

/* ---- for loops ----------------------------------------------------------
 * FOR_ITER_RANGE/LIST/TUPLE: the next value of the common iterators without
 * the indirect call; NULL without an exception at the end (as
 * Nuitka_IterNext). Before 3.12 the structs are private to their .c files:
 * same layouts here. */
#if PY_VERSION_HEX >= 0x030C0000
typedef _PyRangeIterObject Nuitka_RangeIterObject;
#else
typedef struct {
    PyObject_HEAD long index;
    long start;
    long step;
    long len;
} Nuitka_RangeIterObject;
#endif
#if PY_VERSION_HEX >= 0x030C0000
typedef _PyListIterObject Nuitka_ListIterObject;
typedef _PyTupleIterObject Nuitka_TupleIterObject;
#else
typedef struct {
    PyObject_HEAD Py_ssize_t it_index;
    PyListObject *it_seq;
} Nuitka_ListIterObject;
typedef struct {
    PyObject_HEAD Py_ssize_t it_index;
    PyTupleObject *it_seq;
} Nuitka_TupleIterObject;
#endif

static inline PyObject *Nuitka_IterNextFast(PyObject *iterator) {
    PyTypeObject *type = Py_TYPE(iterator);
    if (type == &PyRangeIter_Type) {
        Nuitka_RangeIterObject *r = (Nuitka_RangeIterObject *)iterator;
#if PY_VERSION_HEX >= 0x030C0000
        if (r->len > 0) {
            long result = r->start;
            r->start = (long)((unsigned long)result + (unsigned long)r->step);
            r->len--;
            return Nuitka_Long_FromLongLong(result);
        }
#else
        if (r->index < r->len) {
            return Nuitka_Long_FromLongLong((long)(r->start + (unsigned long)(r->index++) * r->step));
        }
#endif
        return NULL;
    }
    if (type == &PyListIter_Type) {
        /* the list may change while iterated: its size is read each time */
        Nuitka_ListIterObject *it = (Nuitka_ListIterObject *)iterator;
#if PY_VERSION_HEX >= 0x030D0000
        /* 3.13: an exhausted iterator has index -1 (and no list) */
        Py_ssize_t index = it->it_index;
        if (index < 0) {
            return NULL;
        }
        PyListObject *seq = it->it_seq;
        if (index < PyList_GET_SIZE(seq)) {
            it->it_index = index + 1;
            return Py_NewRef(PyList_GET_ITEM(seq, index));
        }
        it->it_index = -1;
#else
        PyListObject *seq = it->it_seq;
        if (seq == NULL) {
            return NULL;
        }
        if (it->it_index < PyList_GET_SIZE(seq)) {
            return Py_NewRef(PyList_GET_ITEM(seq, it->it_index++));
        }
#endif
        it->it_seq = NULL;
        Py_DECREF(seq);
        return NULL;
    }
    if (type == &PyTupleIter_Type) {
        Nuitka_TupleIterObject *it = (Nuitka_TupleIterObject *)iterator;
        PyTupleObject *seq = it->it_seq;
        if (seq == NULL) {
            return NULL;
        }
        if (it->it_index < PyTuple_GET_SIZE(seq)) {
            return Py_NewRef(PyTuple_GET_ITEM(seq, it->it_index++));
        }
        it->it_seq = NULL;
        Py_DECREF(seq);
        return NULL;
    }
    return Nuitka_IterNext(iterator);
}

#endif
