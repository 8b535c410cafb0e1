"""Unpacking lowering: tuple targets without an intermediate tuple.

The frontend turns ``t1, t2 = value`` into (``frontend/building.py``,
``assign_target``)::

    StmtTempBlock(temps=[tmp], body=[
        StmtAssignTemp(tmp, ExprUnpack(value, count, star_index)),
        <assignment of t1 from ExprTupleItem(ExprTempRef(tmp), 0)>,
        <assignment of t2 from ExprTupleItem(ExprTempRef(tmp), 1)>,
    ])

The tuple keeps every value alive until the block ends, and building it is
most of what an unpacking costs. This pass rewrites that shape (and only
it, checked exactly) into one of:

* **display**: ``a, b = b, a`` or ``x, y = [f(), g()]`` (no starred element
  on either side, as many values as targets): each value goes to a temp of
  its own in order, then each target takes its temp (``ExprTempTake``). No
  tuple is built; as in CPython, all values are evaluated before the first
  target is assigned.
* **locals**: every target is a plain local variable of the function
  (``StmtUnpackLocals``): one runtime call unpacks into the frame's slots.
* **temps**: anything else (``StmtUnpackTemps``): the values go to temps,
  each target takes its own, so a value is released as soon as its target
  took it (``o.x, o.y = it`` with a ``__setattr__`` that keeps nothing frees
  the first value before the second target is assigned, as in CPython).

Unpacking checks and errors stay those of ``ExprUnpack`` (``Nuitka_Unpack``
in ``runtime/helpers.c``); the runtime side is ``runtime/unpacking.c``.
"""

import sys

from nuitka.nodes import scopes as S
from nuitka.nodes import statements as St
from nuitka.nodes import unpacking as U

from .tree import replace_node, rewrite_statements

PASS_NAME = "unpacking"


def _temp_refs(node, temp):
    return [n for n in node.walk() if n.kind in ("ExprTempRef", "ExprTempTake") and n.temp is temp]


def _match(statement):
    """(unpack node, [ExprTupleItem per target]) when ``statement`` is the
    frontend's unpacking shape, else None."""
    if statement.kind != "StmtTempBlock" or len(statement.temps) != 1 or not statement.body:
        return None
    (tmp,) = statement.temps
    first = statement.body[0]
    if first.kind != "StmtAssignTemp" or first.temp is not tmp or first.value.kind != "ExprUnpack":
        return None
    unpack = first.value
    targets = statement.body[1:]
    if len(targets) != unpack.count or _temp_refs(unpack, tmp):
        return None
    items = []
    for index, target in enumerate(targets):
        refs = _temp_refs(target, tmp)
        if len(refs) != 1:
            return None
        item = [n for n in target.walk() if n.kind == "ExprTupleItem" and n.source is refs[0]]
        if len(item) != 1 or item[0].index != index:
            return None
        items.append(item[0])
    return unpack, items


def _is_display(value, count):
    return (
        value.kind in ("ExprMakeTuple", "ExprMakeList")
        and len(value.elements) == count
        and not any(value.star_flags or ())
    )


def display_store_order(display, targets, version=sys.version_info):
    """The order in which CPython assigns the targets of ``targets = display``,
    as indexes, or None when it is not known exactly (then the display is
    not lowered).

    CPython 3.11+ compiles a tuple display of 2 or 3 values unpacked into as
    many targets to SWAP, and ``apply_static_swaps`` then swaps the first and
    last STORE_FAST instead, when every target is a distinct fast local on one
    line: ``a, b = x, y`` stores ``b`` first (visible when an old value's
    ``__del__`` runs). A tuple display of constants only is one constant
    (UNPACK_SEQUENCE, stores in order); a list display is always built.
    """
    count = len(targets)
    in_order = list(range(count))
    # The frontend folds constants exactly as CPython's AST optimizer does
    # (frontend/folding.py): an ExprConstant element is one CPython folded.
    kinds = ["constant" if element.kind == "ExprConstant" else "variable" for element in display.elements]
    local = [t.variable for t in targets if t.kind == "StmtAssignVariable" and t.variable.kind == S.LOCAL]
    if len(local) == count and len(set(map(id, local))) != count:
        # ``a, a = x, y``: 3.13 turns the first store into a POP_TOP.
        return None
    if (
        version >= (3, 11)
        and display.kind == "ExprMakeTuple"
        and count in (2, 3)
        and "variable" in kinds
        and len(local) == count
        and len({t.source_ref.line for t in targets}) == 1
    ):
        return in_order[::-1]
    return in_order


def _target_name(target):
    if target.kind == "StmtAssignVariable":
        return target.variable.name
    if target.kind == "StmtAssignAttribute":
        return "<expr>." + target.name
    if target.kind == "StmtAssignSubscript":
        return "<expr>[...]"
    return "(...)"


class UnpackingPass:
    def __init__(self, scope, explainer):
        self.scope = scope
        self.explainer = explainer

    def __call__(self, statement):
        matched = _match(statement)
        if matched is None:
            return None
        unpack, items = matched
        targets = statement.body[1:]
        names = ", ".join(_target_name(t) for t in targets)
        if unpack.star_index is None and _is_display(unpack.value, unpack.count):
            order = display_store_order(unpack.value, targets)
            if order is not None:
                return [self._display(statement, unpack, items, names, order)]
        if all(
            t.kind == "StmtAssignVariable" and t.variable.kind == S.LOCAL and t.value is items[i]
            for i, t in enumerate(targets)
        ):
            self.explainer.note(
                PASS_NAME, statement,
                "'%s = ...' unpacks straight into the local variables (no intermediate tuple)" % names,
            )
            return [
                U.StmtUnpackLocals(
                    unpack.source_ref, value=unpack.value,
                    variables=[t.variable for t in targets], star_index=unpack.star_index,
                )
            ]
        temps = self._take_through_temps(targets, items)
        self.explainer.note(
            PASS_NAME, statement,
            "'%s = ...' unpacks into temps that each target takes (no intermediate tuple, "
            "each value released once its target took it)" % names,
        )
        body = [U.StmtUnpackTemps(unpack.source_ref, value=unpack.value, temps=temps, star_index=unpack.star_index)]
        return [St.StmtTempBlock(statement.source_ref, temps=temps, body=body + targets)]

    def _take_through_temps(self, targets, items):
        temps = []
        for target, item in zip(targets, items):
            temp = self.scope.new_temp("unpacked_value")
            temps.append(temp)
            found = replace_node(target, item, U.ExprTempTake(item.source_ref, temp=temp))
            assert found
        return temps

    def _display(self, statement, unpack, items, names, order):
        targets = statement.body[1:]
        elements = unpack.value.elements
        temps = self._take_through_temps(targets, items)
        body = [
            St.StmtAssignTemp(element.source_ref, temp=temp, value=element)
            for temp, element in zip(temps, elements)
        ]
        what = "tuple" if unpack.value.kind == "ExprMakeTuple" else "list"
        self.explainer.note(
            PASS_NAME, statement,
            "'%s = <%d values>' assigns each value of the %s display to its target (no %s built%s)"
            % (names, len(elements), what, what, ", stored last to first as CPython does" if order and order[0] else ""),
        )
        return St.StmtTempBlock(statement.source_ref, temps=temps, body=body + [targets[i] for i in order])


def lower_unpacking(scope, explainer):
    """Rewrite every unpacking of ``scope``'s own body."""
    rewrite_statements(scope, UnpackingPass(scope, explainer))
