/* Unboxed arithmetic trees (nuitka/codegen/unboxed.py).
 *
 * An expression like `1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)` whose
 * leaves are local variables and number constants is computed in C: each
 * leaf variable is peeked (no reference taken) and, when every one is an
 * exact float or an exact compact int, the operations run on C values and
 * only the root's result is boxed. Any other case (a subclass, a big int,
 * an unbound variable, an overflow, a zero divisor, a pow result CPython
 * would reject) makes the generated code take the generic path, which
 * evaluates the expression as before: the fast path has no side effects,
 * so nothing is done twice.
 *
 * A Nuitka_Num is an int (a C long long, always exact: every operation
 * checks for overflow) or a float (a C double). Each operation gives
 * CPython's value for exact ints and floats:
 * - int op int: exact integer arithmetic (// and % floor as Python's);
 *   int / int is long_true_divide's fast path (both below 2**53: one
 *   correctly rounded division of the doubles);
 * - a float with an int: float_* convert the int with PyLong_AsDouble,
 *   exact for |i| <= 2**53 (larger ones take the generic path);
 * - pow: int ** non-negative int by repeated squaring with overflow
 *   checks; float pow only for a positive finite base and finite exponent
 *   whose result is a normal double (float_pow is then libm's pow).
 * Each function returns 1 with *r set, or 0: "take the generic path". */
#ifndef NUITKA_UNBOXED_H
#define NUITKA_UNBOXED_H

typedef struct {
    int is_float;
    long long i;
    double d;
} Nuitka_Num;

#define NUITKA_NUM_EXACT_DOUBLE_LIMIT (1LL << 53)

/* A peeked local variable (NULL: unbound). */
static NUITKA_FORCE_INLINE int Nuitka_Num_Load(PyObject *v, Nuitka_Num *n) {
    if (v == NULL) {
        return 0;
    }
    if (PyFloat_CheckExact(v)) {
        n->is_float = 1;
        n->d = PyFloat_AS_DOUBLE(v);
        return 1;
    }
    if (PyLong_CheckExact(v) && Nuitka_Long_IsCompact(v)) {
        n->is_float = 0;
        n->i = Nuitka_Long_CompactValue(v);
        return 1;
    }
    return 0;
}

static NUITKA_FORCE_INLINE Nuitka_Num Nuitka_Num_Int(long long i) {
    Nuitka_Num n;
    n.is_float = 0;
    n.i = i;
    n.d = 0.0;
    return n;
}

static NUITKA_FORCE_INLINE Nuitka_Num Nuitka_Num_Float(double d) {
    Nuitka_Num n;
    n.is_float = 1;
    n.i = 0;
    n.d = d;
    return n;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_AsDouble(const Nuitka_Num *n, double *d) {
    if (n->is_float) {
        *d = n->d;
        return 1;
    }
    if (n->i > NUITKA_NUM_EXACT_DOUBLE_LIMIT || n->i < -NUITKA_NUM_EXACT_DOUBLE_LIMIT) {
        return 0;
    }
    *d = (double)n->i;
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_Doubles(const Nuitka_Num *a, const Nuitka_Num *b, double *x, double *y) {
    return Nuitka_Num_AsDouble(a, x) && Nuitka_Num_AsDouble(b, y);
}

static NUITKA_FORCE_INLINE int Nuitka_Num_ADD(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    double x, y;
    if (!a.is_float && !b.is_float) {
        long long v;
        if (__builtin_add_overflow(a.i, b.i, &v)) {
            return 0;
        }
        *r = Nuitka_Num_Int(v);
        return 1;
    }
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y)) {
        return 0;
    }
    *r = Nuitka_Num_Float(x + y);
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_SUB(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    double x, y;
    if (!a.is_float && !b.is_float) {
        long long v;
        if (__builtin_sub_overflow(a.i, b.i, &v)) {
            return 0;
        }
        *r = Nuitka_Num_Int(v);
        return 1;
    }
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y)) {
        return 0;
    }
    *r = Nuitka_Num_Float(x - y);
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_MUL(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    double x, y;
    if (!a.is_float && !b.is_float) {
        long long v;
        if (__builtin_mul_overflow(a.i, b.i, &v)) {
            return 0;
        }
        *r = Nuitka_Num_Int(v);
        return 1;
    }
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y)) {
        return 0;
    }
    *r = Nuitka_Num_Float(x * y);
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_TRUEDIV(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    double x, y;
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y) || y == 0.0) {
        return 0;
    }
    *r = Nuitka_Num_Float(x / y);
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_FLOORDIV(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    double x, y;
    if (!a.is_float && !b.is_float) {
        if (b.i == 0 || (b.i == -1 && a.i == LLONG_MIN)) {
            return 0;
        }
        long long q = a.i / b.i, m = a.i % b.i;
        if (m != 0 && ((m < 0) != (b.i < 0))) {
            q -= 1;
        }
        *r = Nuitka_Num_Int(q);
        return 1;
    }
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y) || y == 0.0) {
        return 0;
    }
    *r = Nuitka_Num_Float(Nuitka_Float_FloorDiv(x, y));
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_MOD(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    double x, y;
    if (!a.is_float && !b.is_float) {
        if (b.i == 0 || b.i == -1) {
            /* x % -1 is 0; LLONG_MIN % -1 traps in C */
            if (b.i == 0) {
                return 0;
            }
            *r = Nuitka_Num_Int(0);
            return 1;
        }
        long long m = a.i % b.i;
        if (m != 0 && ((m < 0) != (b.i < 0))) {
            m += b.i;
        }
        *r = Nuitka_Num_Int(m);
        return 1;
    }
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y) || y == 0.0) {
        return 0;
    }
    *r = Nuitka_Num_Float(Nuitka_Float_Mod(x, y));
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_POW(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    double x, y;
    if (!a.is_float && !b.is_float) {
        if (b.i < 0 || b.i > 64) {
            return 0;
        }
        long long result = 1, base = a.i, e = b.i;
        while (e) {
            if (e & 1) {
                if (__builtin_mul_overflow(result, base, &result)) {
                    return 0;
                }
            }
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) {
                return 0;
            }
        }
        *r = Nuitka_Num_Int(result);
        return 1;
    }
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y) || !(x > 0.0) || !isfinite(x) || !isfinite(y)) {
        return 0;
    }
    double v = pow(x, y);
    if (!isnormal(v)) {
        return 0;
    }
    *r = Nuitka_Num_Float(v);
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_NEG(Nuitka_Num a, Nuitka_Num *r) {
    if (!a.is_float) {
        if (a.i == LLONG_MIN) {
            return 0;
        }
        *r = Nuitka_Num_Int(-a.i);
        return 1;
    }
    *r = Nuitka_Num_Float(-a.d);
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_POS(Nuitka_Num a, Nuitka_Num *r) {
    *r = a;
    return 1;
}

/* Bitwise operations and shifts: ints only (floats raise TypeError on the
 * generic path). Negative shift counts (ValueError) and left shifts that
 * overflow take the generic path; right shifts floor as Python's. */
#define NUITKA_NUM_BITWISE(NAME, OP)                                                                                   \
    static NUITKA_FORCE_INLINE int Nuitka_Num_##NAME(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {                     \
        if (a.is_float || b.is_float) {                                                                                \
            return 0;                                                                                                  \
        }                                                                                                              \
        *r = Nuitka_Num_Int(a.i OP b.i);                                                                               \
        return 1;                                                                                                      \
    }
NUITKA_NUM_BITWISE(AND, &)
NUITKA_NUM_BITWISE(OR, |)
NUITKA_NUM_BITWISE(XOR, ^)

static NUITKA_FORCE_INLINE int Nuitka_Num_LSHIFT(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    long long v;
    if (a.is_float || b.is_float || b.i < 0 || b.i > 62 || __builtin_mul_overflow(a.i, 1LL << b.i, &v)) {
        return 0;
    }
    *r = Nuitka_Num_Int(v);
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_RSHIFT(Nuitka_Num a, Nuitka_Num b, Nuitka_Num *r) {
    if (a.is_float || b.is_float || b.i < 0) {
        return 0;
    }
    *r = Nuitka_Num_Int(b.i > 63 ? (a.i < 0 ? -1 : 0) : (a.i >> b.i));
    return 1;
}

static NUITKA_FORCE_INLINE int Nuitka_Num_INVERT(Nuitka_Num a, Nuitka_Num *r) {
    if (a.is_float) {
        return 0;
    }
    *r = Nuitka_Num_Int(~a.i);
    return 1;
}

/* The comparison of two numbers as CPython (ints exactly; a float with an
 * int up to 2**53 exactly as a double; NaN: only != true); 0/1, or -1 for
 * "take the generic path". */
static NUITKA_FORCE_INLINE int Nuitka_Num_Compare(Nuitka_Num a, Nuitka_Num b, int op) {
    double x, y;
    if (!a.is_float && !b.is_float) {
        long long p = a.i, q = b.i;
        switch (op) {
        case Py_LT: return p < q;
        case Py_LE: return p <= q;
        case Py_EQ: return p == q;
        case Py_NE: return p != q;
        case Py_GT: return p > q;
        default: return p >= q;
        }
    }
    if (!Nuitka_Num_Doubles(&a, &b, &x, &y)) {
        return -1;
    }
    return Nuitka_CompareDoubles(x, y, op);
}

/* New reference (NULL: MemoryError). */
static inline PyObject *Nuitka_Num_Box(Nuitka_Num n) {
    return n.is_float ? PyFloat_FromDouble(n.d) : Nuitka_Long_FromLongLong(n.i);
}

/* ---- subscripts with a C index ---------------------------------------------
 * source[i] / source[i] = value where i is an int computed on C values (or
 * an int constant). Exact lists and tuples are indexed directly (negative
 * indices from the end, as list_subscript); anything else gets the int
 * object: `index` (the constant CPython would pass) or a new one. */
static NUITKA_NOINLINE PyObject *Nuitka_GetItemIndexRest(PyObject *source, long long i, PyObject *index) {
    if (index != NULL) {
        return Nuitka_GetItem(source, index);
    }
    index = PyLong_FromLongLong(i);
    if (index == NULL) {
        return NULL;
    }
    PyObject *result = Nuitka_GetItem(source, index);
    Py_DECREF(index);
    return result;
}

static NUITKA_FORCE_INLINE PyObject *Nuitka_GetItemIndex(PyObject *source, long long i, PyObject *index) {
    PyTypeObject *type = Py_TYPE(source);
    if (type == &PyList_Type) {
        Py_ssize_t size = PyList_GET_SIZE(source);
        long long j = i < 0 ? i + size : i;
        if ((unsigned long long)j < (unsigned long long)size) {
            return Py_NewRef(PyList_GET_ITEM(source, j));
        }
    } else if (type == &PyTuple_Type) {
        Py_ssize_t size = PyTuple_GET_SIZE(source);
        long long j = i < 0 ? i + size : i;
        if ((unsigned long long)j < (unsigned long long)size) {
            return Py_NewRef(PyTuple_GET_ITEM(source, j));
        }
    }
    return Nuitka_GetItemIndexRest(source, i, index);
}

static NUITKA_NOINLINE int Nuitka_SetItemIndexRest(PyObject *target, long long i, PyObject *index, PyObject *value) {
    if (index != NULL) {
        return Nuitka_SetItem(target, index, value);
    }
    index = PyLong_FromLongLong(i);
    if (index == NULL) {
        return -1;
    }
    int result = Nuitka_SetItem(target, index, value);
    Py_DECREF(index);
    return result;
}

static NUITKA_FORCE_INLINE int Nuitka_SetItemIndex(PyObject *target, long long i, PyObject *index, PyObject *value) {
    if (Py_IS_TYPE(target, &PyList_Type)) {
        Py_ssize_t size = PyList_GET_SIZE(target);
        long long j = i < 0 ? i + size : i;
        if ((unsigned long long)j < (unsigned long long)size) {
            PyObject *old = PyList_GET_ITEM(target, j);
            PyList_SET_ITEM(target, j, Py_NewRef(value));
            Py_DECREF(old);
            return 0;
        }
    }
    return Nuitka_SetItemIndexRest(target, i, index, value);
}

#endif
