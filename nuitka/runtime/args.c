/* Argument parsing for compiled functions: bind call arguments to parameters
 * exactly like CPython's frame initialisation (see nuitka/args.h).
 *
 * The logic and the error messages follow CPython's Python/ceval.c
 * (initialize_locals, missing_arguments, format_missing, too_many_positional,
 * positional_only_passed_as_keyword) of the running version; 3.13 adds
 * "Did you mean" suggestions for unexpected keyword arguments (computed like
 * Python/suggestions.c).
 */

#include "nuitka/args.h"

#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define NUITKA_ARGS_LIKELY(x) __builtin_expect(!!(x), 1)
#define NUITKA_ARGS_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define NUITKA_ARGS_NOINLINE __attribute__((noinline))
#define NUITKA_ARGS_COLD __attribute__((cold, noinline))
#else
#define NUITKA_ARGS_LIKELY(x) (x)
#define NUITKA_ARGS_UNLIKELY(x) (x)
#define NUITKA_ARGS_NOINLINE
#define NUITKA_ARGS_COLD
#endif

#if PY_VERSION_HEX < 0x030A0000
#error "Nuitka's argument parser needs Python 3.10 or later"
#endif

/* ------------------------------------------------------------------------ */
/* Error messages                                                           */
/* ------------------------------------------------------------------------ */

/* `names` is a list of at least one str (reprs of the parameter names). */
static NUITKA_ARGS_COLD void format_missing(const char *kind, PyObject *names, PyObject *qualname) {
    Py_ssize_t len = PyList_GET_SIZE(names);
    PyObject *name_str;

    if (len == 1) {
        name_str = Py_NewRef(PyList_GET_ITEM(names, 0));
    } else if (len == 2) {
        name_str = PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(names, 0), PyList_GET_ITEM(names, 1));
    } else {
        PyObject *tail =
            PyUnicode_FromFormat(", %U, and %U", PyList_GET_ITEM(names, len - 2), PyList_GET_ITEM(names, len - 1));
        if (tail == NULL) {
            return;
        }
        PyObject *head_items = PyList_GetSlice(names, 0, len - 2);
        if (head_items == NULL) {
            Py_DECREF(tail);
            return;
        }
        PyObject *comma = PyUnicode_FromString(", ");
        if (comma == NULL) {
            Py_DECREF(head_items);
            Py_DECREF(tail);
            return;
        }
        PyObject *head = PyUnicode_Join(comma, head_items);
        Py_DECREF(comma);
        Py_DECREF(head_items);
        if (head == NULL) {
            Py_DECREF(tail);
            return;
        }
        name_str = PyUnicode_Concat(head, tail);
        Py_DECREF(head);
        Py_DECREF(tail);
    }
    if (name_str == NULL) {
        return;
    }
    PyErr_Format(PyExc_TypeError, "%U() missing %zd required %s argument%s: %U", qualname, len, kind,
                 len == 1 ? "" : "s", name_str);
    Py_DECREF(name_str);
}

/* Report the unfilled parameters in [start, end) as missing. */
static NUITKA_ARGS_COLD void missing_arguments(const Nuitka_ArgSpec *spec, int positional, Py_ssize_t start,
                                               Py_ssize_t end, Py_ssize_t missing, PyObject *const *locals,
                                               PyObject *qualname) {
    PyObject *missing_names = PyList_New(missing);
    if (missing_names == NULL) {
        return;
    }
    Py_ssize_t j = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        if (locals[i] == NULL) {
            PyObject *name = PyObject_Repr(spec->varnames[i]);
            if (name == NULL) {
                Py_DECREF(missing_names);
                return;
            }
            PyList_SET_ITEM(missing_names, j++, name);
        }
    }
    assert(j == missing);
    format_missing(positional ? "positional" : "keyword-only", missing_names, qualname);
    Py_DECREF(missing_names);
}

static NUITKA_ARGS_COLD void too_many_positional(const Nuitka_ArgSpec *spec, Py_ssize_t given, PyObject *defaults,
                                                 PyObject *const *locals, PyObject *qualname) {
    const Py_ssize_t argcount = spec->argcount;
    Py_ssize_t kwonly_given = 0;

    assert((spec->flags & NUITKA_ARGS_VARARGS) == 0);
    for (Py_ssize_t i = argcount; i < argcount + spec->kwonlyargcount; i++) {
        if (locals[i] != NULL) {
            kwonly_given++;
        }
    }

    Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
    int plural;
    PyObject *sig;
    if (defcount) {
        plural = 1;
        sig = PyUnicode_FromFormat("from %zd to %zd", argcount - defcount, argcount);
    } else {
        plural = (argcount != 1);
        sig = PyUnicode_FromFormat("%zd", argcount);
    }
    if (sig == NULL) {
        return;
    }

    PyObject *kwonly_sig;
    if (kwonly_given) {
        kwonly_sig = PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                                          given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    } else {
        kwonly_sig = PyUnicode_FromString("");
    }
    if (kwonly_sig == NULL) {
        Py_DECREF(sig);
        return;
    }

    PyErr_Format(PyExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given", qualname, sig,
                 plural ? "s" : "", given, kwonly_sig, given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_DECREF(kwonly_sig);
}

/* Returns 1 with an exception set if some positional-only parameter was
 * passed by keyword (or a comparison failed), 0 otherwise. */
static NUITKA_ARGS_COLD int positional_only_passed_as_keyword(const Nuitka_ArgSpec *spec, PyObject *const *kwkeys,
                                                              Py_ssize_t kwcount, PyObject *qualname) {
    Py_ssize_t conflicts = 0;
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return 1;
    }

    for (Py_ssize_t k = 0; k < spec->posonlyargcount; k++) {
        PyObject *posonly_name = spec->varnames[k];

        for (Py_ssize_t k2 = 0; k2 < kwcount; k2++) {
            PyObject *kwname = kwkeys[k2];
            if (kwname == posonly_name) {
                if (PyList_Append(names, kwname) != 0) {
                    goto fail;
                }
                conflicts++;
                continue;
            }
            int cmp = PyObject_RichCompareBool(posonly_name, kwname, Py_EQ);
            if (cmp > 0) {
                if (PyList_Append(names, kwname) != 0) {
                    goto fail;
                }
                conflicts++;
            } else if (cmp < 0) {
                goto fail;
            }
        }
    }

    if (conflicts) {
        PyObject *comma = PyUnicode_FromString(", ");
        if (comma == NULL) {
            goto fail;
        }
        PyObject *error_names = PyUnicode_Join(comma, names);
        Py_DECREF(comma);
        if (error_names == NULL) {
            goto fail;
        }
        PyErr_Format(PyExc_TypeError,
                     "%U() got some positional-only arguments passed"
                     " as keyword arguments: '%U'",
                     qualname, error_names);
        Py_DECREF(error_names);
        goto fail;
    }

    Py_DECREF(names);
    return 0;

fail:
    Py_DECREF(names);
    return 1;
}

#if PY_VERSION_HEX >= 0x030D0000
/* "Did you mean" suggestions, as computed by CPython 3.13's
 * Python/suggestions.c (_Py_CalculateSuggestions), which is not exported. */

#define NUITKA_SUGGEST_MAX_CANDIDATE_ITEMS 750
#define NUITKA_SUGGEST_MAX_STRING_SIZE 40
#define NUITKA_SUGGEST_MOVE_COST 2
#define NUITKA_SUGGEST_CASE_COST 1

static inline size_t suggest_substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) {
        /* Not the same letter and not a case flip. */
        return NUITKA_SUGGEST_MOVE_COST;
    }
    if (a == b) {
        return 0;
    }
    if ('A' <= a && a <= 'Z') {
        a += ('a' - 'A');
    }
    if ('A' <= b && b <= 'Z') {
        b += ('a' - 'A');
    }
    return a == b ? NUITKA_SUGGEST_CASE_COST : NUITKA_SUGGEST_MOVE_COST;
}

/* Weighted Levenshtein distance of UTF-8 byte strings; anything above
 * max_cost is reported as max_cost + 1. */
static size_t suggest_distance(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost) {
    size_t row[NUITKA_SUGGEST_MAX_STRING_SIZE];

    if (a == b) {
        return 0;
    }
    /* Common prefix and suffix cost nothing. */
    while (a_size && b_size && a[0] == b[0]) {
        a++;
        a_size--;
        b++;
        b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
        a_size--;
        b_size--;
    }
    if (a_size == 0 || b_size == 0) {
        return (a_size + b_size) * NUITKA_SUGGEST_MOVE_COST;
    }
    if (a_size > NUITKA_SUGGEST_MAX_STRING_SIZE || b_size > NUITKA_SUGGEST_MAX_STRING_SIZE) {
        return max_cost + 1;
    }
    /* Let `a` be the shorter one, it is the row. */
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t t_size = a_size;
        a_size = b_size;
        b_size = t_size;
    }
    if ((b_size - a_size) * NUITKA_SUGGEST_MOVE_COST > max_cost) {
        return max_cost + 1;
    }

    size_t cost = NUITKA_SUGGEST_MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        row[i] = cost;
        cost += NUITKA_SUGGEST_MOVE_COST;
    }

    size_t result = 0;
    for (size_t b_index = 0; b_index < b_size; b_index++) {
        char code = b[b_index];
        size_t diagonal = result = b_index * NUITKA_SUGGEST_MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a_size; index++) {
            size_t substitute = diagonal + suggest_substitution_cost(code, a[index]);
            diagonal = row[index];
            size_t insert_delete = (result < diagonal ? result : diagonal) + NUITKA_SUGGEST_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[index] = result;
            if (result < minimum) {
                minimum = result;
            }
        }
        if (minimum > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

/* New reference to the closest candidate, or NULL (maybe with an exception set). */
static NUITKA_ARGS_COLD PyObject *calculate_suggestion(PyObject *const *candidates, Py_ssize_t count,
                                                       PyObject *name) {
    if (count >= NUITKA_SUGGEST_MAX_CANDIDATE_ITEMS) {
        return NULL;
    }
    Py_ssize_t name_size;
    const char *name_str = PyUnicode_AsUTF8AndSize(name, &name_size);
    if (name_str == NULL) {
        return NULL;
    }

    Py_ssize_t suggestion_distance = PY_SSIZE_T_MAX;
    PyObject *suggestion = NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = candidates[i];
        int cmp = PyUnicode_Compare(name, item);
        if (cmp == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (cmp == 0) {
            continue;
        }
        Py_ssize_t item_size;
        const char *item_str = PyUnicode_AsUTF8AndSize(item, &item_size);
        if (item_str == NULL) {
            return NULL;
        }
        /* No more than 1/3 of the involved characters should need changing,
           and never take matches already beaten. */
        Py_ssize_t max_distance = (name_size + item_size + 3) * NUITKA_SUGGEST_MOVE_COST / 6;
        if (suggestion_distance - 1 < max_distance) {
            max_distance = suggestion_distance - 1;
        }
        Py_ssize_t current_distance =
            (Py_ssize_t)suggest_distance(name_str, (size_t)name_size, item_str, (size_t)item_size, (size_t)max_distance);
        if (current_distance > max_distance) {
            continue;
        }
        if (suggestion == NULL || current_distance < suggestion_distance) {
            suggestion = item;
            suggestion_distance = current_distance;
        }
    }
    return Py_XNewRef(suggestion);
}
#endif

static NUITKA_ARGS_COLD void unexpected_keyword(const Nuitka_ArgSpec *spec, PyObject *keyword, PyObject *qualname) {
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *suggestion = NULL;
    Py_ssize_t total_args = (Py_ssize_t)spec->argcount + spec->kwonlyargcount;
    if (total_args > spec->posonlyargcount) {
        suggestion = calculate_suggestion(spec->varnames + spec->posonlyargcount,
                                          total_args - spec->posonlyargcount, keyword);
    }
    if (suggestion != NULL) {
        PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%S'. Did you mean '%S'?", qualname,
                     keyword, suggestion);
        Py_DECREF(suggestion);
        return;
    }
    /* A failure to compute suggestions is not reported (CPython's error
       formatting clears it). */
    PyErr_Clear();
#else
    (void)spec;
#endif
    PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%S'", qualname, keyword);
}

/* ------------------------------------------------------------------------ */
/* The parser                                                               */
/* ------------------------------------------------------------------------ */

/* General case. Keywords are given as two arrays of kwcount borrowed
 * references (names and values). */
static NUITKA_ARGS_NOINLINE int parse_args_general(const Nuitka_ArgSpec *spec, PyObject *qualname, PyObject *defaults,
                                                   PyObject *kwdefaults, PyObject *const *args, Py_ssize_t nargs,
                                                   PyObject *const *kwkeys, PyObject *const *kwvalues,
                                                   Py_ssize_t kwcount, PyObject **locals) {
    const Py_ssize_t argcount = spec->argcount;
    const Py_ssize_t posonly = spec->posonlyargcount;
    const Py_ssize_t total_args = argcount + spec->kwonlyargcount;
    PyObject *const *varnames = spec->varnames;
    PyObject *kwdict = NULL;
    Py_ssize_t i, j, n;
    int result = -1;

    /* Keyword matching can run arbitrary code (str subclasses with __eq__ or
       __hash__), which could replace the function's attributes we borrowed. */
    Py_INCREF(qualname);
    Py_XINCREF(defaults);
    Py_XINCREF(kwdefaults);

    /* The dictionary for **kwargs, always a new one. */
    if (spec->flags & NUITKA_ARGS_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL) {
            goto done;
        }
        i = total_args + ((spec->flags & NUITKA_ARGS_VARARGS) ? 1 : 0);
        assert(locals[i] == NULL);
        locals[i] = kwdict;
    }

    /* Positional arguments. */
    n = nargs > argcount ? argcount : nargs;
    for (j = 0; j < n; j++) {
        assert(locals[j] == NULL);
        locals[j] = Py_NewRef(args[j]);
    }

    /* Extra positional arguments go to *args, or are an error reported later. */
    if (spec->flags & NUITKA_ARGS_VARARGS) {
        PyObject *u = PyTuple_New(nargs - n);
        if (u == NULL) {
            goto done;
        }
        for (j = n; j < nargs; j++) {
            PyTuple_SET_ITEM(u, j - n, Py_NewRef(args[j]));
        }
        assert(locals[total_args] == NULL);
        locals[total_args] = u;
    }

    /* Keyword arguments. */
    for (i = 0; i < kwcount; i++) {
        PyObject *keyword = kwkeys[i];
        PyObject *value = kwvalues[i];

        if (NUITKA_ARGS_UNLIKELY(keyword == NULL || !PyUnicode_Check(keyword))) {
            PyErr_Format(PyExc_TypeError, "%U() keywords must be strings", qualname);
            goto done;
        }

        /* Names are normally interned, so identity almost always hits. */
        for (j = posonly; j < total_args; j++) {
            if (varnames[j] == keyword) {
                goto kw_found;
            }
        }
        for (j = posonly; j < total_args; j++) {
            int cmp = PyObject_RichCompareBool(keyword, varnames[j], Py_EQ);
            if (cmp > 0) {
                goto kw_found;
            }
            if (cmp < 0) {
                goto done;
            }
        }

        if (kwdict == NULL) {
            if (posonly && positional_only_passed_as_keyword(spec, kwkeys, kwcount, qualname)) {
                goto done;
            }
            unexpected_keyword(spec, keyword, qualname);
            goto done;
        }
        if (PyDict_SetItem(kwdict, keyword, value) < 0) {
            goto done;
        }
        continue;

    kw_found:
        if (locals[j] != NULL) {
            PyErr_Format(PyExc_TypeError, "%U() got multiple values for argument '%S'", qualname, keyword);
            goto done;
        }
        locals[j] = Py_NewRef(value);
    }

    /* Too many positional arguments. */
    if (nargs > argcount && !(spec->flags & NUITKA_ARGS_VARARGS)) {
        too_many_positional(spec, nargs, defaults, locals, qualname);
        goto done;
    }

    /* Missing positional arguments: defaults or error. */
    if (nargs < argcount) {
        Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
        Py_ssize_t m = argcount - defcount;
        Py_ssize_t missing = 0;
        for (i = nargs; i < m; i++) {
            if (locals[i] == NULL) {
                missing++;
            }
        }
        if (missing) {
            missing_arguments(spec, 1, 0, m, missing, locals, qualname);
            goto done;
        }
        i = n > m ? n - m : 0;
        for (; i < defcount; i++) {
            if (locals[m + i] == NULL) {
                locals[m + i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i));
            }
        }
    }

    /* Missing keyword-only arguments: kw-defaults or error. */
    if (spec->kwonlyargcount > 0) {
        Py_ssize_t missing = 0;
        for (i = argcount; i < total_args; i++) {
            if (locals[i] != NULL) {
                continue;
            }
            if (kwdefaults != NULL) {
#if PY_VERSION_HEX >= 0x030D0000
                PyObject *def;
                int found = PyDict_GetItemRef(kwdefaults, varnames[i], &def);
                if (found > 0) {
                    locals[i] = def;
                    continue;
                }
                if (found < 0) {
                    goto done;
                }
#else
                PyObject *def = PyDict_GetItemWithError(kwdefaults, varnames[i]);
                if (def != NULL) {
                    locals[i] = Py_NewRef(def);
                    continue;
                }
                if (PyErr_Occurred()) {
                    goto done;
                }
#endif
            }
            missing++;
        }
        if (missing) {
            missing_arguments(spec, 0, argcount, total_args, missing, locals, qualname);
            goto done;
        }
    }

    result = 0;

done:
    Py_DECREF(qualname);
    Py_XDECREF(defaults);
    Py_XDECREF(kwdefaults);
    return result;
}

int Nuitka_ParseArgs(const Nuitka_ArgSpec *spec, PyObject *qualname, PyObject *defaults, PyObject *kwdefaults,
                     PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, PyObject **locals) {
    Py_ssize_t kwcount = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);

    /* Fast path: exactly the positional parameters, nothing else. */
    if (NUITKA_ARGS_LIKELY(kwcount == 0 && nargs == spec->argcount && spec->flags == 0 &&
                           spec->kwonlyargcount == 0)) {
        for (Py_ssize_t i = 0; i < nargs; i++) {
            PyObject *value = args[i];
            Py_INCREF(value);
            locals[i] = value;
        }
        return 0;
    }

    return parse_args_general(spec, qualname, defaults, kwdefaults, args, nargs,
                              kwcount ? ((PyTupleObject *)kwnames)->ob_item : NULL, args + nargs, kwcount, locals);
}

#define NUITKA_ARGS_SMALL_KWARGS 16

int Nuitka_ParseArgsDict(const Nuitka_ArgSpec *spec, PyObject *qualname, PyObject *defaults, PyObject *kwdefaults,
                         PyObject *args_tuple, PyObject *kwargs_dict, PyObject **locals) {
    assert(PyTuple_Check(args_tuple));
    PyObject *const *args = ((PyTupleObject *)args_tuple)->ob_item;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args_tuple);

    if (kwargs_dict == NULL || PyDict_GET_SIZE(kwargs_dict) == 0) {
        return Nuitka_ParseArgs(spec, qualname, defaults, kwdefaults, args, nargs, NULL, locals);
    }
    assert(PyDict_Check(kwargs_dict));

    /* Like PyVectorcall_Call (_PyStack_UnpackDict): all keys must be str,
       checked before anything is bound. */
    Py_ssize_t kwcount = PyDict_GET_SIZE(kwargs_dict);
    PyObject *small[2 * NUITKA_ARGS_SMALL_KWARGS];
    PyObject **kwkeys = small;
    if (kwcount > NUITKA_ARGS_SMALL_KWARGS) {
        kwkeys = PyMem_New(PyObject *, 2 * (size_t)kwcount);
        if (kwkeys == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    PyObject **kwvalues = kwkeys + kwcount;

    /* Take references: matching may run arbitrary code that changes the dict. */
    Py_ssize_t pos = 0, count = 0;
    PyObject *key, *value;
    int keys_are_strings = 1;
    while (count < kwcount && PyDict_Next(kwargs_dict, &pos, &key, &value)) {
        keys_are_strings &= PyUnicode_Check(key) ? 1 : 0;
        kwkeys[count] = Py_NewRef(key);
        kwvalues[count] = Py_NewRef(value);
        count++;
    }

    int result;
    if (!keys_are_strings) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        result = -1;
    } else {
        result = parse_args_general(spec, qualname, defaults, kwdefaults, args, nargs, kwkeys, kwvalues, count,
                                    locals);
    }

    for (Py_ssize_t i = 0; i < count; i++) {
        Py_DECREF(kwkeys[i]);
        Py_DECREF(kwvalues[i]);
    }
    if (kwkeys != small) {
        PyMem_Free(kwkeys);
    }
    return result;
}
