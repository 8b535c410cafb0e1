"""Direct calls (nuitka/optimization/direct_calls.py, codegen/direct_calls.py)
on the optimized node tree (``--xml``), the explanations and the C.

Behaviour, with every fallback (globals rebound, ``__code__`` and
``__defaults__`` replaced, decorators, methods replaced or shadowed,
frames, tracebacks, recursion), is compared with CPython by
``tests/programs/functions/direct_calls_fallbacks.py``.
"""

import re

from harness.tree_dump import kinds, pipeline




def function_c(code, index):
    """The C of the scope m_prog_f<index> (its impl and fast entry)."""
    text = code.c_text
    start = text.index("static PyObject *m_prog_f%d_impl(" % index)
    end = text.index("static PyObject *m_prog_f%d_impl(" % (index + 1)) if (
        "static PyObject *m_prog_f%d_impl(" % (index + 1) in text
    ) else len(text)
    return text[start:end]


def test_module_function_call_is_direct(tmp_path):
    code = pipeline(tmp_path, """
        def f(a, b):
            return a + b

        def g(x):
            return f(x, 1)
    """)
    assert kinds(code.xml).count("ExprCallDirect") == 1
    # g calls f's fast entry behind the guard, the generic call otherwise.
    g = function_c(code, 2)
    assert re.search(
        r"Nuitka_Fast_Guard\((t\d+), &m_prog_f1_info\)\) \? m_prog_f1_fast\(tstate, \1, call_args_\d+\) : "
        r"Nuitka_Call\(tstate, \1, call_args_\d+, 2, NULL\)", g
    )
    # f's fast entry binds the two arguments and runs the body.
    assert "static PyObject *m_prog_f1_fast(PyThreadState *tstate, PyObject *func, PyObject *const *args) {" in (
        code.c_text
    )
    assert "m_prog_f1_info.fast = (void *)m_prog_f1_fast;" in code.c_text
    assert "prog.py:6: [direct-calls] call of global 'f' enters the function defined on line 2" in code.explanations


def test_method_call_is_direct(tmp_path):
    code = pipeline(tmp_path, """
        class C:
            def m(self, v):
                return v

        def use(o):
            return o.m(1)
    """)
    assert kinds(code.xml).count("ExprCallMethodDirect") == 1
    assert re.search(r"likely\(t\d+ && Nuitka_Fast_Guard\(t\d+, &m_prog_f\d+_info\)\) \? m_prog_f\d+_fast\(", code.c_text)
    assert "method call '.m()' enters 'C.m' (line 3) directly" in code.explanations


def test_what_is_not_guessed(tmp_path):
    code = pipeline(tmp_path, """
        import functools

        @functools.lru_cache
        def decorated(a):
            return a

        def twice(a):
            return a

        if decorated:
            def twice(a):
                return -a

        def kw(a, *, k=1):
            return a

        def star(*args):
            return args

        def plain(a, b=2):
            return a

        class A:
            def m(self):
                return 1

        class B:
            def m(self):
                return 2

        def use(o):
            return decorated(1), twice(1), kw(1), star(1), plain(1), plain(1, b=2), o.m()
    """)
    # Decorated, two definitions, keyword-only or star parameters, a call
    # that leaves a default or passes a keyword, a method name two classes
    # define: all generic calls.
    assert "ExprCallDirect" not in kinds(code.xml)
    assert "ExprCallMethodDirect" not in kinds(code.xml)
    assert "Nuitka_Fast_Guard" not in code.c_text
    assert "[direct-calls]" not in code.explanations


def test_global_rebound_in_module_is_not_guessed(tmp_path):
    code = pipeline(tmp_path, """
        def f(a):
            return a

        def g():
            global f
            f = len

        def use():
            return f(1)
    """)
    assert "ExprCallDirect" not in kinds(code.xml)


def test_star_import_disables_guesses(tmp_path):
    code = pipeline(tmp_path, """
        from os.path import *

        def f(a):
            return a

        def use():
            return f(1)
    """)
    assert "ExprCallDirect" not in kinds(code.xml)


def test_generators_get_fast_entries(tmp_path):
    code = pipeline(tmp_path, """
        def gen(a):
            yield a

        async def coro(a):
            return a

        def use():
            return gen(1), coro(2)
    """)
    assert kinds(code.xml).count("ExprCallDirect") == 2
    assert code.c_text.count("return Nuitka_Function_StartGenerator(func, frame);") == 2
