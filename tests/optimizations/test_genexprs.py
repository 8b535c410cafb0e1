"""Generator expressions consumed by builtins (nuitka/optimization/genexprs.py)
on the optimized node tree (``--xml``), the explanations and the C.

Behaviour (results, the builtins' errors, errors and tracebacks of the
body, frames, any/all short-circuit, the fallbacks) is compared with
CPython by ``tests/programs/builtins_introspection/genexpr_*.py``.
"""

import re

from harness.tree_dump import kinds, pipeline


def consumed(xml):
    return re.findall(r'kind="ExprBuiltinGenexprCall" builtin="\'(\w+)\'"', xml)


def test_builtin_consumers_run_the_body_without_a_generator(tmp_path):
    code = pipeline(tmp_path, """
        def f(pool, indices, vec, cols, r):
            a = tuple(pool[i] for i in indices[:r])
            b = len(set(vec[i] + i for i in cols))
            c = list(x for x in cols if x for y in cols), frozenset(x for x in cols), sorted(-x for x in cols)
            d = sum(x for x in cols), sum((x for x in cols), 10), any(x for x in cols), all(x for x in cols)
            e = min(x for x in cols), max(x for x in cols), ", ".join(str(x) for x in cols)
            return a, b, c, d, e
    """)
    assert consumed(code.xml) == [
        "tuple", "set", "list", "frozenset", "sorted", "sum", "sum", "any", "all", "min", "max", "join"
    ]
    # The callee is still the global's load (the guard compares it), then
    # the genexpr's function and the iterator of its first iterable.
    assert re.search(
        r'kind="ExprBuiltinGenexprCall" builtin="\'tuple\'" line="3">\s*<role name="func">\s*'
        r'<node kind="ExprVariableRef" variable="global:tuple"[^>]*/>\s*</role>\s*<role name="genexpr">\s*'
        r'<node kind="ExprCall"[^>]*>\s*<role name="func">\s*<node kind="ExprMakeFunction"[^>]*/>\s*</role>\s*'
        r'<role name="args">\s*<node kind="ExprIter"',
        code.xml,
    )
    assert "ExprYield" in kinds(code.xml)  # (the generator body stays, for the fallback)
    c = code.c_text
    for name in ("tuple", "set", "list", "frozenset", "sorted", "sum", "any", "all", "min", "max"):
        assert re.search(
            r"if \(likely\(NUITKA_IS_BUILTIN\(\w+, %s\)\) && likely\(!NUITKA_PROFILING\(tstate\)\)\)" % name, c
        ), name
    # The str constant's join is guarded only by the profile function: under
    # one, each genexpr runs as a generator (a profile function sees it).
    assert "if (likely(!NUITKA_PROFILING(tstate))) {" in c and "PyUnicode_Join(" in c
    # Each genexpr has its consume body, feeding the sink where it yields.
    assert len(re.findall(r"static PyObject \*\w+_sink_impl\(", c)) == 12
    assert len(re.findall(r"= Nuitka_Sink_Feed\(sink, \w+\);", c)) == 12
    assert "Nuitka_Fast_RunWith(tstate, &" in c
    # The fallback: the generator, then the generic call (join: str.join).
    assert c.count("PyObject *generator = genexpr_func == NULL ? NULL : Nuitka_Call(tstate, genexpr_func, ") == 12
    # No function object for the direct path: the consume entry gets the
    # frame's globals and the closure's cells.
    assert re.search(r"_consume\(tstate, globals, cells, Py_NewRef\(\w+\), &sink\)", c)
    assert (
        "prog.py:3: [builtins] 'tuple(<genexpr>)' runs the generator expression's body without a generator "
        "object, feeding each value to 'tuple' directly while the global 'tuple' is the builtin" in code.explanations
    )
    assert "prog.py:7: [builtins] ', '.join(<genexpr>) joins the values" in code.explanations


def test_other_consumers_and_forms_stay(tmp_path):
    code = pipeline(tmp_path, """
        import asyncio
        def f(cols, consume, sep):
            a = consume(x for x in cols)
            b = sep.join(x for x in cols)
            c = sum(x for x in cols)
            d = max((x for x in cols), key=abs), min((x for x in cols), default=0), sorted((x for x in cols), key=abs)
            e = tuple(x for x in cols), tuple([x for x in cols])
            return a, b, c, d, e
        async def g(cols):
            return list(x async for x in cols), list(await x for x in cols)
        sum = 5
    """)
    # consume(), a join of a non-constant, the reassigned 'sum', keywords,
    # async genexprs: unchanged; only tuple(genexpr).
    assert consumed(code.xml) == ["tuple"]
    assert "[builtins] 'sum(<genexpr>)'" not in code.explanations


def test_genexpr_with_inner_consumers_and_closures(tmp_path):
    code = pipeline(tmp_path, """
        def f(rows, base):
            return sum(sum(c + base for c in r) for r in rows), any(all(c for c in r) for r in rows)
    """)
    # (The outer ones in f, then each genexpr's inner one.)
    assert sorted(consumed(code.xml)) == ["all", "any", "sum", "sum"]
    # The closure's cells come with the function object: the consume entry
    # sets them up.
    assert "Nuitka_Function_SetupCellsFrom(&" in code.c_text
    assert re.search(r"PyObject \*cells\[1\] = \{fl\[\d+\]\};", code.c_text)
