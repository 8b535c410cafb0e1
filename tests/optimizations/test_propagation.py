"""The trace-fed rewrites (nuitka/optimization/propagation.py) and the
shapes (shapes.py) on the optimized node tree (``--xml``), the explanations
and the C they lead to.

Behaviour is compared with CPython by
``tests/programs/statements/constant_propagation.py`` and
``tests/programs/expressions/shaped_numbers.py``.
"""

import re
import sys

from nuitka.optimization import traces
from harness.tree_dump import kinds, pipeline



def function_xml(code, name):
    match = re.search(r"<node kind=\"ScopeBody\" scope_kind=\"'function'\" name=\"'%s'\".*?\n</node>" % name,
                      code.xml, re.S)
    return match.group(0)



def test_constant_is_propagated_and_branch_predicted(tmp_path):
    code = pipeline(tmp_path, """
        def f():
            k = 3
            s = "abc"
            if k > 2:
                return s
            return None
    """)
    xml = function_xml(code, "f")
    # the reads of k and s became constants, the comparison folded, the if gone
    assert "ExprVariableRef" not in kinds(xml)
    assert "StmtIf" not in kinds(xml)
    assert re.search(r'kind="StmtReturn" line="6">\s*<role name="value">\s*<node kind="ExprConstant" value="\'abc\'"', xml)
    assert "ExprConstant\" value=\"None\"" not in xml  # the return after it cannot run
    assert "prog.py:5: [constants] 'k' is the constant 3 (assigned on line 3): used directly" in code.explanations
    assert "prog.py:5: [constants] comparison of constants is always True" in code.explanations
    assert "prog.py:5: [constants] condition is always True: no test" in code.explanations
    assert "prog.py:7: [constants] 1 statement(s) after return cannot run: removed" in code.explanations
    # the assignments stay (lifetimes, locals())
    assert xml.count('kind="StmtAssignVariable"') == 2


def test_not_propagated(tmp_path):
    code = pipeline(tmp_path, """
        def loop(n):
            x = 1
            for i in n:
                x = x + 1
            return x

        def handler(v):
            x = 1
            try:
                x = v()
            except ValueError:
                return x
            return 0

        def closure():
            x = 1
            def g():
                return x
            return x

        def deleted(c):
            x = 1
            if c:
                del x
            return x

        def intro():
            x = 1
            exec("x = 2")
            return x

        def mutable():
            x = [1]
            return x
    """)
    for name in ("loop", "handler", "closure", "deleted", "intro", "mutable"):
        xml = function_xml(code, name)
        assert re.search(r'kind="StmtReturn" line="\d+">\s*<role name="value">\s*<node kind="ExprVariableRef"', xml), name
    assert "'x' is the constant" not in code.explanations
    # not in class bodies or at module level either
    code = pipeline(tmp_path, """
        x = 1
        print(x)
        class C:
            y = 1
            print(y)
    """)
    assert "is the constant" not in code.explanations


def test_frame_locals_write_through_on_313(tmp_path):
    code = pipeline(tmp_path, """
        def f(g):
            x = 1
            g()
            return x
    """)
    expected = "ExprVariableRef" if sys.version_info >= (3, 13) else "ExprConstant"
    assert traces.FRAME_LOCALS_WRITE_THROUGH == (sys.version_info >= (3, 13))
    assert re.search(r'kind="StmtReturn" line="5">\s*<role name="value">\s*<node kind="%s"' % expected,
                     function_xml(code, "f"))


def test_while_true(tmp_path):
    code = pipeline(tmp_path, """
        def f(v):
            while 1:
                if v():
                    break
    """)
    assert "prog.py:3: [constants] condition is always True: the loop's exit test is removed" in code.explanations
    assert kinds(function_xml(code, "f"))[:3] == ["ScopeBody", "StmtLoop", "StmtIf"]


def test_code_after_an_endless_loop_is_removed(tmp_path):
    code = pipeline(tmp_path, """
        def f():
            while 1:
                pass
            return list
        def g(items):
            while True:
                for item in items:
                    break
                if items:
                    return 1
            return 2
        def h(v):
            while True:
                if v():
                    break
            return 3
    """)
    # As CPython, which has no instruction for it: the return cannot run.
    assert "ExprGlobalRef" not in kinds(function_xml(code, "f")) and "StmtReturn" not in kinds(function_xml(code, "f"))
    assert "prog.py:5: [constants] 1 statement(s) after a loop without a way out cannot run: removed" in code.explanations
    # The break of the inner loop is not one of the outer loop: g's last
    # return cannot run either.
    assert "prog.py:12: [constants] 1 statement(s) after a loop without a way out cannot run: removed" in code.explanations
    assert kinds(function_xml(code, "g")).count("StmtReturn") == 1
    # A loop with a break of its own ends.
    assert kinds(function_xml(code, "h")).count("StmtReturn") == 1


def test_exception_scope_reduction(tmp_path):
    code = pipeline(tmp_path, """
        def moved(v):
            try:
                a = 1
                b = v[a]
            except IndexError:
                b = None
            return b

        def removed():
            try:
                a = 1
            except Exception:
                a = 2
            return a
    """)
    moved = function_xml(code, "moved")
    assert kinds(moved)[1:3] == ["StmtAssignVariable", "ExprConstant"]
    assert "StmtTryExcept" in kinds(moved)
    removed = function_xml(code, "removed")
    assert "StmtTryExcept" not in kinds(removed)
    assert "prog.py:3: [constants] 1 statement(s) that cannot raise moved out of the try body" in code.explanations
    assert "prog.py:11: [constants] the try body cannot raise: its exception handler is removed" in code.explanations


def test_dead_code_with_functions_is_kept(tmp_path):
    code = pipeline(tmp_path, """
        def f():
            k = 0
            if k:
                def g():
                    pass
            return 1
        def h():
            k = 0
            if k:
                class C:
                    pass
                return 2
            return 3
    """)
    # CPython made code objects for g and C: their scopes stay.
    assert "ExprMakeFunction" in kinds(function_xml(code, "f"))
    assert "ExprBuildClass" in kinds(function_xml(code, "h"))
    assert "after return cannot run" not in code.explanations
    assert "condition is always False" not in code.explanations


def test_shapes_in_xml_and_specialised_c(tmp_path):
    code = pipeline(tmp_path, """
        def f(n):
            i = 0
            t = 1.0
            while i < 100:
                i += 1
                t = t * 1.5 + 2.0
                if t > 100.0:
                    t = t / 3.0
            return i, t, i < n
    """)
    xml = function_xml(code, "f")
    assert re.search(r'kind="ExprInplace" op="\'\+\'" line="6" shape="int"', xml)
    assert re.search(r'kind="ExprVariableRef" variable="local:t" line="7" shape="float"', xml)
    # n is unknown: i < n is generic
    assert re.search(r'kind="ExprCompare" op="\'&lt;\'" line="10">', xml)
    assert "prog.py:10: [shapes]" not in code.explanations
    assert "prog.py:5: [shapes] '<' on two ints" in code.explanations
    assert "prog.py:6: [shapes] '+=' on two ints: specialised C operation" in code.explanations
    assert "prog.py:7: [shapes] '*' on two floats: specialised C operation" in code.explanations
    assert "prog.py:8: [shapes] '>' on two floats" in code.explanations
    assert "prog.py:5: [constants]" not in code.explanations
    c = code.c_text
    assert "Nuitka_IntShaped_ADD(" in c
    assert "Nuitka_FloatShaped_MUL(" in c and "Nuitka_FloatShaped_ADD(" in c
    assert "Nuitka_FloatShaped_TRUEDIV(" in c
    assert "Nuitka_FloatShaped_CompareCondition(" in c


def test_shapes_stay_unknown(tmp_path):
    code = pipeline(tmp_path, """
        def f(a, v):
            x = 1
            if v:
                x = "s"
            y = x + a
            z = 2.0
            w = z ** 0.5
            return x * 2, y, w + 1.0
    """)
    assert "specialised C operation" not in code.explanations
    assert "Shaped_" not in code.c_text


def test_assignments_inside_a_comprehension_loop_are_seen(tmp_path):
    # On 3.12+ the comprehension is inlined (PEP 709): its loop runs in the
    # function, and the walrus rebinds the function's 'count' on every turn.
    code = pipeline(tmp_path, """
        def counter():
            count = 0
            results = [(count := count + x) for x in range(5)]
            return results, count
    """)
    assert "'count' is the constant" not in code.explanations
    # (a cell before 3.12, where the comprehension is a function of its own)
    assert re.search(r'kind="StmtReturn" line="5">.*?variable="(local|cell):count"', function_xml(code, "counter"), re.S)
