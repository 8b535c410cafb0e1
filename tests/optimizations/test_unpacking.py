"""The unpacking lowering (nuitka/optimization/unpacking.py) on the optimized
node tree (``--xml``), the explanations and the C it leads to.

Behaviour (values, errors, store order, when values die) is compared with
CPython by ``tests/programs/statements/unpacking_lowered.py``.
"""

import re
import sys

import pytest

from harness import compile_env, _run
from harness.tree_dump import kinds, pipeline




def test_locals_get_the_values_directly(tmp_path):
    code = pipeline(tmp_path, """
        def f(v):
            a, b, *c = v
            return a, b, c
    """)
    assert "StmtUnpackLocals" in kinds(code.xml)
    assert "ExprUnpack" not in kinds(code.xml)
    assert re.search(r'kind="StmtUnpackLocals" variables="\[local:a, local:b, local:c\]" star_index="2"', code.xml)
    assert "Nuitka_UnpackToLocals(" in code.c_text
    assert "Nuitka_Unpack(" not in code.c_text
    assert "prog.py:3: [unpacking] 'a, b, c = ...' unpacks straight into the local variables" in code.explanations


def test_swap_builds_no_tuple(tmp_path):
    code = pipeline(tmp_path, """
        def f(a, b):
            a, b = b, a
            return a
    """)
    found = kinds(code.xml)
    assert "ExprMakeTuple" not in found and "ExprUnpack" not in found
    assert found.count("ExprTempTake") == 2
    # CPython 3.11+ stores b first (apply_static_swaps), 3.10 a first.
    stores = re.findall(r'kind="StmtAssignVariable" variable="local:(\w)"', code.xml)
    assert stores == (["b", "a"] if sys.version_info >= (3, 11) else ["a", "b"])
    assert "PyTuple_New" not in code.c_text.split("m_prog_f0", 1)[-1]
    assert "tuple display to its target (no tuple built" in code.explanations


def test_constant_and_list_displays_store_in_order(tmp_path):
    code = pipeline(tmp_path, """
        def f(x):
            a, b = 1, 2
            c, d = [x, x]
            return a, b, c, d
    """)
    # (1, 2) is one constant, as in CPython: unpacked into the locals.
    stores = re.findall(r'kind="(?:StmtAssignVariable|StmtUnpackLocals)" variables?="([^"]+)"', code.xml)
    assert stores[1:] == ["[local:a, local:b]", "local:c", "local:d"]  # (after "f = <function>")
    # Only the return's tuple is left.
    assert kinds(code.xml).count("ExprMakeTuple") == 1 and "ExprMakeList" not in kinds(code.xml)
    assert "list display to its target (no list built)" in code.explanations


def test_other_targets_take_their_value_from_temps(tmp_path):
    code = pipeline(tmp_path, """
        def f(o, d, v):
            o.x, d[0], (p, q) = v
            return p, q
    """)
    found = kinds(code.xml)
    assert "StmtUnpackTemps" in found and "StmtUnpackLocals" in found
    assert "ExprUnpack" not in found and "ExprTupleItem" not in found
    assert found.count("ExprTempTake") == 3
    assert "'<expr>.x, <expr>[...], (...) = ...' unpacks into temps" in code.explanations


def test_folded_elements_count_as_constants(tmp_path):
    # 2 ** 3 is folded (as by CPython's AST optimizer): the tuple is still
    # a BUILD_TUPLE of a constant and a variable, stored last to first on
    # 3.11+.
    code = pipeline(tmp_path, """
        def f(x):
            b, c = 2 ** 3, x
            return b, c
    """)
    stores = re.findall(r'kind="StmtAssignVariable" variable="local:(\w)"', code.xml)
    assert stores == (["c", "b"] if sys.version_info >= (3, 11) else ["b", "c"])


def test_shapes_it_does_not_know_stay(tmp_path):
    # Duplicate targets in a display (3.13 turns the first store into a
    # POP_TOP): the display is still built (and unpacked into the locals).
    code = pipeline(tmp_path, """
        def f(x):
            a, a = x, x
            return a
    """)
    assert kinds(code.xml).count("ExprMakeTuple") == 1
    assert "display" not in code.explanations


@pytest.mark.compiles
def test_command_line(tmp_path):
    (tmp_path / "prog.py").write_text("def f(v):\n    a, b = v\n    return a + b\nprint(f((1, 2)))\n")
    result = _run(
        [sys.executable, "-m", "nuitka", "--explain-optimizations", "--xml=tree.xml", "--remove-output",
         "--output-dir=out", "prog.py"],
        cwd=tmp_path, env=compile_env(), timeout=600,
    )
    assert result.returncode == 0, result.describe()
    assert "prog.py:2: [unpacking] 'a, b = ...' unpacks straight into the local variables" in result.stdout
    assert "StmtUnpackLocals" in (tmp_path / "tree.xml").read_text()
    ran = _run([str(tmp_path / "out" / "prog.bin")], cwd=tmp_path, env=compile_env(), timeout=60)
    assert ran.stdout == "3\n", ran.describe()
