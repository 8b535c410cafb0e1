"""List, tuple, set and dict displays.

CPython's compiler turns a list or set display of more than two constants
(``starunpack_helper``) into an empty list extended from a constant tuple,
or an empty set updated from a constant frozenset; that is built here as
``[*constant]`` / ``{*constant}``, so the result has CPython's size and,
for sets, its iteration order (the frozenset is made as CPython makes it,
see ``nodes/constants.py``). Tuples of constants are constants already
(``folding.py``). How the other displays are built (big ones item by
item, dicts in chunks) is decided by the code generator
(``codegen/displays.py``).
"""

import ast

from nuitka.nodes import expressions as E
from nuitka.nodes.constants import OrderedFrozenset


def _ref(node):
    from .building import sref

    return sref(node)


def elements(builder, elts):
    values, flags = [], []
    for element in elts:
        if isinstance(element, ast.Starred):
            values.append(builder.expr(element.value))
            flags.append(True)
        else:
            values.append(builder.expr(element))
            flags.append(False)
    return values, flags


def _constant_items(node):
    """The items of a display of more than two constants, else None."""
    elts = node.elts
    if len(elts) > 2 and all(isinstance(e, ast.Constant) for e in elts):
        return tuple(e.value for e in elts)
    return None


def build_list(builder, node):
    items = _constant_items(node)
    if items is not None:
        constant = E.ExprConstant(_ref(node), value=items)
        return E.ExprMakeList(_ref(node), elements=[constant], star_flags=[True])
    values, flags = elements(builder, node.elts)
    return E.ExprMakeList(_ref(node), elements=values, star_flags=flags)


def build_tuple(builder, node):
    values, flags = elements(builder, node.elts)
    return E.ExprMakeTuple(_ref(node), elements=values, star_flags=flags)


def build_set(builder, node):
    items = _constant_items(node)
    if items is not None:
        try:
            value = OrderedFrozenset(items)
        except TypeError:
            value = None
        if value is not None:
            constant = E.ExprConstant(_ref(node), value=value)
            return E.ExprMakeSet(_ref(node), elements=[constant], star_flags=[True])
    values, flags = elements(builder, node.elts)
    return E.ExprMakeSet(_ref(node), elements=values, star_flags=flags)


def build_dict(builder, node):
    keys = [builder.expr(k) if k is not None else None for k in node.keys]
    return E.ExprMakeDict(_ref(node), keys=keys, values=builder.exprs(node.values))
