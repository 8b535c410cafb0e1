"""Builtin prediction (nuitka/optimization/builtins.py) on the optimized node
tree (``--xml``), the explanations and the C it leads to.

Behaviour (results, errors, every fallback: builtins replaced through
``globals()``, the ``builtins`` module, the module object, star imports,
shadowing) is compared with CPython by
``tests/programs/builtins_introspection/builtin_prediction_*.py``.
"""

import re
import sys

import pytest

from harness import compile_env, _run
from nuitka.optimization.builtins import fold_constant_call
from harness.tree_dump import kinds, pipeline




def builtin_calls(xml):
    return re.findall(r'kind="ExprBuiltinCall" builtin="\'(\w+)\'"', xml)


def test_calls_become_guarded_direct_operations(tmp_path):
    code = pipeline(tmp_path, """
        def f(x, items):
            n = len(x)
            if isinstance(x, list):
                n = max(n, 1, 2) + min(n, 0) + abs(n)
            for i, v in enumerate(zip(items, range(3))):
                n += hasattr(v, "a") + (getattr(v, "b", None) is None)
            return n, type(x), next(iter(items))
    """)
    assert sorted(builtin_calls(code.xml)) == sorted(
        ["len", "isinstance", "max", "min", "abs", "enumerate", "zip", "range", "hasattr", "getattr", "type",
         "next", "iter"]
    )
    # The callee is still the global's load (the guard compares it).
    assert re.search(
        r'kind="ExprBuiltinCall" builtin="\'len\'" line="3">\s*<role name="func">\s*'
        r'<node kind="ExprVariableRef" variable="global:len"', code.xml
    )
    body = code.c_text.split("m_prog_f1", 1)[1]
    for name in ("len", "max", "min", "abs", "hasattr", "getattr", "type", "next", "iter"):
        assert re.search(r"NUITKA_IS_BUILTIN\(\w+, %s\) \? Nuitka_BI_%s\(" % (name, name), body), name
    # In the condition: the truth without a bool object.
    assert re.search(r"if \(NUITKA_IS_BUILTIN\(\w+, isinstance\)\) \{\s*\w+ = Nuitka_BIF_isinstance\(", body)
    # The generic call is the fallback of each guard.
    assert body.count("NUITKA_IS_BUILTIN(") == body.count("Nuitka_Call(tstate, ") == 13
    assert "Nuitka_LoadGlobalCached(globals, builtins" in body
    assert "Nuitka_InitBuiltinOriginals()" in code.c_text
    assert (
        "prog.py:3: [builtins] 'len(...)' is a direct C operation while the global 'len' is the builtin"
        in code.explanations
    )


def test_constant_arguments_fold_under_the_guard(tmp_path):
    code = pipeline(tmp_path, """
        def f():
            return len("abc"), max(1, 2.5, 2), divmod(7, 2), ord("a"), len(5)
    """)
    folded = re.findall(r'kind="ExprBuiltinCallFolded" builtin="\'(\w+)\'" value="([^"]*)"', code.xml)
    assert folded == [("len", "3"), ("max", "2.5"), ("divmod", "(3, 1)"), ("ord", "97")]
    # len(5) raises: not folded, the direct call raises CPython's TypeError.
    assert builtin_calls(code.xml) == ["len"]
    assert "'len(...)' with constant arguments is 3 while the global 'len' is the builtin (guarded)" in (
        code.explanations
    )
    assert "'len(...)' with constant arguments raises TypeError" in code.explanations
    body = code.c_text.split("m_prog_f1", 1)[1]
    assert re.search(r"NUITKA_IS_BUILTIN\(\w+, len\) \? Py_NewRef\(", body)


def test_assigned_names_are_not_predicted(tmp_path):
    code = pipeline(tmp_path, """
        import json as max
        def f(x):
            global min
            min = 3
            return len(x), min(1, 2), max(1, 2), abs(x)
        for abs in []:
            pass
        class C:
            len = 1
            a = len("x")
            b = isinstance(1, int)
            def g(self):
                return len("x")
    """)
    assert builtin_calls(code.xml) == ["len", "isinstance"]
    # Only in f and in C.g: in C's body, len is the class attribute.
    assert "class-body name 'isinstance'" in code.explanations
    assert "'len(...)' with constant" in code.explanations  # (C.g's len("x") folds)


def test_star_import_disables_prediction(tmp_path):
    code = pipeline(tmp_path, """
        from os.path import *
        def f(x):
            return len(x)
    """)
    assert "ExprBuiltinCall" not in kinds(code.xml)
    assert "[builtins]" not in code.explanations


def test_locals_keywords_and_other_forms_stay_generic(tmp_path):
    code = pipeline(tmp_path, """
        def f(len, x):
            def g():
                return len(x)
            return (len(x), min(x), max(1, 2, key=abs), getattr(x), next(*x), iter(x, None),
                    isinstance(x, int, 1), zip())
    """)
    assert builtin_calls(code.xml) == []
    assert "NUITKA_IS_BUILTIN" not in code.c_text.split("m_prog_f1", 1)[1]


def test_range_loops_make_the_iterator_directly(tmp_path):
    code = pipeline(tmp_path, """
        def f(n):
            total = 0
            for i in range(1, n):
                total += i
            return total, range(n)
    """)
    assert re.search(
        r'kind="StmtAssignTemp" temp="temp:for_iterator_\d+" line="4">\s*<role name="value">\s*'
        r'<node kind="ExprBuiltinIterRange" line="4">\s*<role name="call">\s*'
        r'<node kind="ExprBuiltinCall" builtin="\'range\'"', code.xml
    )
    assert "ExprIter" not in kinds(code.xml)
    body = code.c_text.split("m_prog_f1", 1)[1]
    assert re.search(r"(\w+) = NUITKA_IS_BUILTIN\(\w+, range\);\s*\w+ = \1 \? Nuitka_BI_IterRange\(", body)
    # Generic path: GET_ITER of whatever the call returned.
    assert "PyObject_GetIter(" in body
    # The other range(n) is a plain predicted call.
    assert re.search(r"NUITKA_IS_BUILTIN\(\w+, range\) \? Nuitka_BI_range\(", body)
    assert "prog.py:4: [builtins] iterating 'range(...)' makes the range iterator directly" in code.explanations


@pytest.mark.parametrize("name, args, expected", [
    ("len", ("abcd",), (True, 4)),
    ("len", (frozenset({1, 2}),), (True, 2)),
    ("abs", (-2.5,), (True, 2.5)),
    ("min", (3, 1.5), (True, 1.5)),
    ("max", ("a", "b"), (True, "b")),
    ("chr", (65,), (True, "A")),
    ("pow", (2, 10), (True, 1024)),
    ("str", (10**200,), None),  # int_max_str_digits can change at run time
    ("pow", (10, 10**6), None),  # too big
    ("min", (1, "a"), "TypeError"),
    ("chr", (-1,), "ValueError"),
    ("hash", ("a",), None),  # string hashes are randomized
])
def test_folding_table(name, args, expected):
    result = fold_constant_call(name, list(args))
    if isinstance(expected, str):
        assert result[0] is False and type(result[1]).__name__ == expected
    else:
        assert result == expected


@pytest.mark.compiles
def test_command_line(tmp_path):
    (tmp_path / "prog.py").write_text(
        "import builtins\n"
        "def f(v):\n    return len(v), len('ab')\n"
        "print(f([1]))\n"
        "builtins.len = lambda v: 'replaced'\n"
        "print(f([1]))\n"
    )
    result = _run(
        [sys.executable, "-m", "nuitka", "--explain-optimizations", "--remove-output", "--output-dir=out",
         "prog.py"],
        cwd=tmp_path, env=compile_env(), timeout=600,
    )
    assert result.returncode == 0, result.describe()
    assert "prog.py:3: [builtins] 'len(...)' is a direct C operation" in result.stdout
    run = _run([str(tmp_path / "out" / "prog.bin")], cwd=tmp_path, env=compile_env(), timeout=60)
    assert run.stdout == "(1, 2)\n('replaced', 'replaced')\n"
