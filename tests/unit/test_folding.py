"""frontend/folding.py against CPython itself: on 3.13, the optimized AST
(``PyCF_OPTIMIZED_AST``) must be exactly ours, except for the rewrites we
leave out on purpose (``"%s" % (x,)`` to f-strings, ``not (a in b)`` to
``a not in b``); on every version, compiling our folded
tree must give the same code as compiling the source (nothing CPython
would not fold is folded)."""

import ast
import os
import sys
import warnings

import pytest

from nuitka.frontend.folding import fold_module

SNIPPETS = [
    "x = 2 ** 64, 2 ** 200, (2 ** 63) * (2 ** 63), (2 ** 64) * (2 ** 64), 1 << 127, 1 << 128, 3 << 127",
    "x = 'ab' * 2048, 'ab' * 2049, b'x' * 4096, -1 * 'a', (1, 2) * 128, (1, 2) * 129, ((1, 2),) * 100",
    "x = ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10),) * 100, 1 / 0, 1 // 0, 0 ** -1, 'abc'[5], b'' + ''",
    "x = -(1,)[0], ~5, not 0, +True, 'abc'[1], b'abc'[0], (1, (2, 3))[1][0], 1 + 2j, 10.0 ** 400",
    "x = '%s' % 5, b'%s' % (1,), 7 % 3, 1 @ 2, 1 >> -1, 1 << -1, 'a' - 'b', 2 ** -1, (-8) ** 0.5",
    "for v in [1, 2, 3]: pass\nfor v in [a, b]: pass\nfor v in {1, 2}: pass\nfor v in [*a]: pass",
    "x = [v for v in [1, 2] if v in {3, 4}], a in [1, 2] in b, a not in [x], a in {[]}",
    "async def f():\n    async for v in [1, 2]: pass\n    return [v async for v in [1, 2]]",
    "'a' + 'b'\ndef f():\n    'a' 'b'\ndef g():\n    'a' * 2\nclass C:\n    1 + 1",
    "from __future__ import annotations\ndef f(x: 1 + 1 = 2 + 2) -> (1, 2)[0]: pass\ny: 3 * 3 = 4 * 4",
    "def f(x: 1 + 1 = 2 + 2) -> (1, 2)[0]: pass\ny: 3 * 3 = 4 * 4\nz[1 + 1]: int",
    "match x:\n    case -1 | 1 + 2j | (1, 2):\n        pass\n    case {'a': 1}:\n        pass",
    "x = __debug__ + 1, not __debug__, (__debug__, 2)\ndel y",
    "x = f'{1 + 1}{(1, 2)!r:>{2 * 3}}', (1, 2)[0:1], [1, 2][0], {1: 2}[1], (1, *a), (a, 1)",
]


def _identical_code(source):
    code = compile(source, "<s>", "exec", dont_inherit=True)
    tree = ast.parse(source)
    fold_module(tree, bool(code.co_flags & 0x1000000))
    folded = compile(tree, "<s>", "exec", dont_inherit=True)

    def walk(c):
        yield c
        for k in c.co_consts:
            if hasattr(k, "co_code"):
                yield from walk(k)

    def norm(value):
        if hasattr(value, "co_code"):
            return ("code", value.co_name)
        if isinstance(value, frozenset):
            # (Its iteration order depends on how the compiler's objects were
            # interned, not on what was folded.)
            return ("frozenset", frozenset(map(norm, value)))
        if isinstance(value, tuple):
            return tuple((type(x), norm(x)) for x in value)
        return (type(value), repr(value))

    for a, b in zip(walk(code), walk(folded)):
        assert a.co_code == b.co_code, (source, a.co_name)
        assert norm(a.co_consts) == norm(b.co_consts), (source, a.co_name)


def _left_out(reference, ours):
    if isinstance(reference, ast.JoinedStr) and isinstance(ours, ast.BinOp) and isinstance(ours.op, ast.Mod):
        return True
    if isinstance(reference, ast.Compare) and isinstance(ours, ast.UnaryOp) and isinstance(ours.op, ast.Not):
        return True
    return False


def _same_tree(reference, ours):
    if _left_out(reference, ours):
        return True
    if type(reference) is not type(ours):
        return False
    if isinstance(reference, ast.Constant):
        return type(reference.value) is type(ours.value) and repr(reference.value) == repr(ours.value)
    if isinstance(reference, ast.AST):
        return all(_same_tree(getattr(reference, f), getattr(ours, f)) for f in reference._fields)
    if isinstance(reference, list):
        return len(reference) == len(ours) and all(map(_same_tree, reference, ours))
    return reference == ours


def _same_as_optimizer(source):
    code = compile(source, "<s>", "exec", dont_inherit=True)
    reference = compile(source, "<s>", "exec", flags=ast.PyCF_OPTIMIZED_AST, dont_inherit=True)
    tree = ast.parse(source)
    fold_module(tree, bool(code.co_flags & 0x1000000))
    return _same_tree(reference, tree)


@pytest.mark.parametrize("source", SNIPPETS)
def test_snippets(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _identical_code(source)
        if sys.version_info >= (3, 13):
            assert _same_as_optimizer(source), ast.dump(ast.parse(source))


def _stdlib_files():
    root = os.path.dirname(os.__file__)
    names = sorted(n for n in os.listdir(root) if n.endswith(".py"))
    return [os.path.join(root, n) for n in names]


def test_stdlib_modules():
    for path in _stdlib_files():
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                compile(source, path, "exec", dont_inherit=True)
            except SyntaxError:
                continue
            _identical_code(source)
            if sys.version_info >= (3, 13):
                assert _same_as_optimizer(source), path
