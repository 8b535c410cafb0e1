"""Arithmetic trees on C numbers behind a run-time check
(nuitka/codegen/unboxed.py, include/nuitka/unboxed.h): the C they lead to.

Behaviour (every fallback: subclasses, overridden operators, big ints,
overflow, zero divisors, pow corner cases, unbound variables, generators)
is compared with CPython by ``tests/programs/expressions/unboxed_numbers.py``.
"""

import re

from harness.tree_dump import pipeline


def function_body(c_text, name):
    start = c_text.index("/* function: %s */" % name)
    end = c_text.find("/* function: ", start + 1)
    return c_text[start:end if end >= 0 else len(c_text)]


def test_tree_of_locals_and_constants_is_one_fast_path(tmp_path):
    code = pipeline(tmp_path, """
        def eval_a(i, j):
            return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
    """)
    body = function_body(code.c_text, "eval_a")
    # Each variable peeked once, every operation on C numbers, one box.
    assert body.count("Nuitka_Num_Load(fl[0], ") == 1
    assert body.count("Nuitka_Num_Load(fl[1], ") == 1
    assert len(re.findall(r"Nuitka_Num_ADD\(", body)) == 5
    assert "Nuitka_Num_MUL(" in body and "Nuitka_Num_FLOORDIV(" in body and "Nuitka_Num_TRUEDIV(" in body
    assert body.count("Nuitka_Num_Box(") == 1
    # The generic code is the fallback, without a second fast path inside.
    assert body.count("Nuitka_Binary_ADD(") == 5
    assert body.count("if (((n1 = ") == 1


def test_comparison_in_condition_has_no_object(tmp_path):
    code = pipeline(tmp_path, """
        def f(r, n):
            while r != n:
                r -= 1
            return r
    """)
    body = function_body(code.c_text, "f")
    assert re.search(r"= Nuitka_Num_Compare\(n1, n2, Py_NE\);", body)
    assert "Nuitka_Num_SUB(" in body
    # fallback of the condition
    assert "Nuitka_CompareCondition(" in body


def test_other_leaves_stay_generic(tmp_path):
    code = pipeline(tmp_path, """
        def f(a, b):
            def inner():
                return c
            c = 1
            return a.x + b, a[0] * 2, g() - 1, c + 1, a @ b
        def g():
            return 1
    """)
    body = function_body(code.c_text, "f")
    # attributes, subscripts, calls, cells (c) and @ are not unboxed
    assert "Nuitka_Num" not in body


def test_subscripts_with_c_index(tmp_path):
    code = pipeline(tmp_path, """
        def f(count, r, v):
            count[r - 1] = r
            v[0] -= r
            return count[r + 1], v[-1], count[r]
    """)
    body = function_body(code.c_text, "f")
    # computed indices: C index, generic index code as the fallback
    assert len(re.findall(r"= Nuitka_SetItemIndex\(\w+, \w+, NULL, \w+\);", body)) == 1
    assert len(re.findall(r"= Nuitka_GetItemIndex\(\w+, \w+, NULL\);", body)) == 1
    # constant indices: the C index and the constant for other containers
    assert re.search(r"= Nuitka_GetItemIndex\(\w+, -1LL, m_prog_consts\[\d+\]\);", body)
    # a lone variable or temp index (count[r], the read of v[0] -= r) keeps
    # the generic access; plus the fallback of count[r + 1]
    assert body.count("Nuitka_GetItem(") == 3


def test_bitwise_trees_and_truth(tmp_path):
    code = pipeline(tmp_path, """
        def f(v, i, a, b, mask):
            z = (v >> i) & a | (v << i) & b
            if mask & b:
                z = ~z
            return z
    """)
    body = function_body(code.c_text, "f")
    for op in ("RSHIFT", "LSHIFT", "AND", "OR", "INVERT"):
        assert "Nuitka_Num_%s(" % op in body, op
    # the condition tests the C value, no object
    assert re.search(r"= \w+\.is_float \? \w+\.d != 0\.0 : \w+\.i != 0;", body)
