"""The shape of the generated C (nuitka/codegen): shared error exits,
operands borrowed from locals and constants, reused C temporaries, reads
the optimizer knows bound. Behaviour is compared with CPython by
``tests/programs/expressions/borrowed_operands.py``."""

import re
import sys

import pytest

from harness.tree_dump import pipeline

#: 3.13+: locals are never borrowed (PEP 667 f_locals writes).
borrows_locals = pytest.mark.skipif(sys.version_info >= (3, 13), reason="3.13+ borrows no locals")


def function_c(code, name):
    match = re.search(r"/\* function: %s \*/.*?\nfunction_return:;" % name, code.c_text, re.S)
    return match.group(0)


def test_error_exits_are_shared(tmp_path):
    code = pipeline(tmp_path, """
        def f(a, b, c, d):
            return [a.x, b.y, c.z, d.w, a.v(b, c, d)]
    """)
    c = function_c(code, "f")
    exits = re.findall(r"goto (error_\d+);", c.split("error_")[0])
    # One traceback entry per target, and each temp released once per
    # ladder, not once per exit.
    assert c.count("Nuitka_Frame_AddTraceback(frame);") == 2  # + eval breaker
    assert len(set(exits)) <= 6
    if sys.version_info < (3, 13):
        # The borrowed locals leave only the loaded attributes as temps.
        for name in re.findall(r"Py_CLEAR\((t\d+)\);", c):
            assert c.count("Py_CLEAR(%s);" % name) == 1, name


@borrows_locals
def test_locals_and_constants_are_borrowed(tmp_path):
    code = pipeline(tmp_path, """
        def f(a, b):
            return a.method(b, 1, "x"), a[b], isinstance(a, int)
    """)
    c = function_c(code, "f")
    assert "Py_NewRef(fl[" not in c
    assert "Nuitka_LoadMethodCached(fl[0]" in c
    assert "Nuitka_GetItem(fl[0], fl[1])" in c


def test_not_borrowed_when_rebound_meanwhile(tmp_path):
    code = pipeline(tmp_path, """
        def f(a):
            return a.method((a := 2))
    """)
    c = function_c(code, "f")
    assert "Nuitka_LoadMethodCached(fl[0]" not in c


@borrows_locals
def test_possible_floats_are_not_borrowed_for_arithmetic(tmp_path):
    # The float operations reuse an operand whose reference count is 1.
    code = pipeline(tmp_path, """
        def f(a, b):
            x = a * 1.5
            return a + b, x * 2.0, x * b, a.real
    """)
    c = function_c(code, "f")
    assert "Nuitka_Binary_ADD(fl[" not in c
    assert not re.search(r"MUL\(fl\[|, m_prog_consts\[\d+\]\)", c)
    assert "Nuitka_GetAttrCached(fl[0]" in c


def test_temps_are_reused(tmp_path):
    code = pipeline(tmp_path, """
        def f(a):
            a.x.y
            a.x.y
            a.x.y
            a.x.y
            return a.x.y
    """)
    c = function_c(code, "f")
    assert len(re.findall(r"PyObject \*t\d+ = NULL;", c)) <= 3


def test_bound_reads_have_no_unbound_check(tmp_path):
    code = pipeline(tmp_path, """
        def f(a):
            x = a.x
            return x.y, x
    """)
    c = function_c(code, "f")
    if sys.version_info < (3, 13):
        assert "Nuitka_RaiseUnboundLocal" not in c
    code = pipeline(tmp_path, """
        def f(a):
            if a:
                x = 1
            return x
    """)
    assert "Nuitka_RaiseUnboundLocal" in function_c(code, "f")
