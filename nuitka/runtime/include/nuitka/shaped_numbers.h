/* Operations on values the optimizer proved to be exact ints or exact
 * floats (nuitka/optimization/shapes.py, specialised_operation): the code
 * generator calls these instead of the Nuitka_Binary_* / Nuitka_Compare*
 * fast paths of numbers.h, which first test the types. Results are the
 * same: a case a fast path cannot do (a big int, a zero divisor) goes to
 * the generic C-API call, which gives CPython's exact result and error. */
#ifndef NUITKA_SHAPED_NUMBERS_H
#define NUITKA_SHAPED_NUMBERS_H

/* ---- two exact floats ---------------------------------------------------- */
#define NUITKA_FLOAT_SHAPED(NAME, GENERIC, BODY)                                                                       \
    static inline PyObject *Nuitka_FloatShaped_##NAME(PyObject *a, PyObject *b) {                                     \
        assert(PyFloat_CheckExact(a) && PyFloat_CheckExact(b));                                                        \
        double x = PyFloat_AS_DOUBLE(a);                                                                               \
        double y = PyFloat_AS_DOUBLE(b);                                                                               \
        BODY                                                                                                           \
        return GENERIC(a, b);                                                                                          \
    }

NUITKA_FLOAT_SHAPED(ADD, PyNumber_Add, { return Nuitka_Float_Result(a, b, x + y); })
NUITKA_FLOAT_SHAPED(SUB, PyNumber_Subtract, { return Nuitka_Float_Result(a, b, x - y); })
NUITKA_FLOAT_SHAPED(MUL, PyNumber_Multiply, { return Nuitka_Float_Result(a, b, x * y); })
/* a zero divisor: the generic call raises ZeroDivisionError as float does */
NUITKA_FLOAT_SHAPED(TRUEDIV, PyNumber_TrueDivide, {
    if (y != 0.0) {
        return Nuitka_Float_Result(a, b, x / y);
    }
})
NUITKA_FLOAT_SHAPED(FLOORDIV, PyNumber_FloorDivide, {
    if (y != 0.0) {
        return Nuitka_Float_Result(a, b, Nuitka_Float_FloorDiv(x, y));
    }
})
NUITKA_FLOAT_SHAPED(MOD, PyNumber_Remainder, {
    if (y != 0.0) {
        return Nuitka_Float_Result(a, b, Nuitka_Float_Mod(x, y));
    }
})

/* float_richcompare of two floats is the C comparison (NaN: only != true). */
static inline int Nuitka_FloatShaped_CompareCondition(PyObject *a, PyObject *b, int op) {
    assert(PyFloat_CheckExact(a) && PyFloat_CheckExact(b));
    return Nuitka_CompareDoubles(PyFloat_AS_DOUBLE(a), PyFloat_AS_DOUBLE(b), op);
}

static inline PyObject *Nuitka_FloatShaped_Compare(PyObject *a, PyObject *b, int op) {
    return Py_NewRef(Nuitka_FloatShaped_CompareCondition(a, b, op) ? Py_True : Py_False);
}

/* ---- two exact ints ---------------------------------------------------------
 * Compact ones (|v| < 2**30) in C longs, as numbers.h; others generic (big
 * results, overflow to big ints included, come from longobject.c). */
#define NUITKA_INT_SHAPED(NAME, GENERIC, BODY)                                                                         \
    static inline PyObject *Nuitka_IntShaped_##NAME(PyObject *a, PyObject *b) {                                       \
        assert(PyLong_CheckExact(a) && PyLong_CheckExact(b));                                                          \
        if (Nuitka_Long_IsCompact(a) && Nuitka_Long_IsCompact(b)) {                                                    \
            long x = Nuitka_Long_CompactValue(a);                                                                      \
            long y = Nuitka_Long_CompactValue(b);                                                                      \
            BODY                                                                                                       \
        }                                                                                                              \
        return GENERIC(a, b);                                                                                          \
    }

NUITKA_INT_SHAPED(ADD, PyNumber_Add, { return PyLong_FromLong(x + y); })
NUITKA_INT_SHAPED(SUB, PyNumber_Subtract, { return PyLong_FromLong(x - y); })
NUITKA_INT_SHAPED(MUL, PyNumber_Multiply, { return PyLong_FromLongLong((long long)x * (long long)y); })
NUITKA_INT_SHAPED(FLOORDIV, PyNumber_FloorDivide, {
    if (y != 0) {
        return PyLong_FromLong(Nuitka_Long_FloorDiv(x, y));
    }
})
NUITKA_INT_SHAPED(MOD, PyNumber_Remainder, {
    if (y != 0) {
        return PyLong_FromLong(Nuitka_Long_Mod(x, y));
    }
})
NUITKA_INT_SHAPED(AND, PyNumber_And, { return PyLong_FromLong(x & y); })
NUITKA_INT_SHAPED(OR, PyNumber_Or, { return PyLong_FromLong(x | y); })
NUITKA_INT_SHAPED(XOR, PyNumber_Xor, { return PyLong_FromLong(x ^ y); })

/* 0/1, or -1 with an exception (only memory errors can happen). */
static inline int Nuitka_IntShaped_CompareCondition(PyObject *a, PyObject *b, int op) {
    assert(PyLong_CheckExact(a) && PyLong_CheckExact(b));
    if (Nuitka_Long_IsCompact(a) && Nuitka_Long_IsCompact(b)) {
        return Nuitka_CompareLongs(Nuitka_Long_CompactValue(a), Nuitka_Long_CompactValue(b), op);
    }
    return PyObject_RichCompareBool(a, b, op);
}

static inline PyObject *Nuitka_IntShaped_Compare(PyObject *a, PyObject *b, int op) {
    if (Nuitka_Long_IsCompact(a) && Nuitka_Long_IsCompact(b)) {
        return Py_NewRef(Nuitka_CompareLongs(Nuitka_Long_CompactValue(a), Nuitka_Long_CompactValue(b), op) ? Py_True
                                                                                                            : Py_False);
    }
    return PyObject_RichCompare(a, b, op);
}

/* ---- truth of an exact int (zero is compact) --------------------------------- */
static inline int Nuitka_IntShaped_IsTrue(PyObject *v) {
    assert(PyLong_CheckExact(v));
    return !Nuitka_Long_IsCompact(v) || Nuitka_Long_CompactValue(v) != 0;
}

#endif
