"""List, set and dict comprehensions on Python 3.12+ (PEP 709).

They are inlined into the enclosing scope like CPython does: no function,
no frame of their own (tracebacks show the enclosing function), the
iteration variables in hidden slots of the enclosing code object that are
saved before and restored after the comprehension (also when it raises),
see ``nuitka/nodes/inlined_comprehensions.py``. The iterator of the first
``for`` is evaluated in the enclosing scope before the slots are saved.
"""

import ast

from nuitka.nodes import expressions as E
from nuitka.nodes import scopes as S
from nuitka.nodes import statements as St
from nuitka.nodes.inlined_comprehensions import ExprInlinedComprehension

from . import scoping
from .building import sref
from .coroutines import comprehension_iter


def bound_names(node):
    """Names the comprehension's ``for`` targets bind, in source order."""
    names = []
    for comp in node.generators:
        for sub in ast.walk(comp.target):
            # Only names the target binds: ``for x[i] in`` / ``for a.b in``
            # read x, i and a.
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store) and sub.id not in names:
                names.append(sub.id)
    return names


def comprehension_container(builder, node, kind, ref, result):
    """For a list/set/dict comprehension collecting into the temp
    ``result``: the empty container expression, and a function building the
    innermost statements (add the element, or key and value)."""
    empty = {
        "list": lambda: E.ExprMakeList(ref, elements=[], star_flags=[]),
        "set": lambda: E.ExprMakeSet(ref, elements=[], star_flags=[]),
        "dict": lambda: E.ExprMakeDict(ref, keys=[], values=[]),
    }[kind]()

    def innermost():
        if kind == "dict":
            key = builder.expr(node.key)
            value = builder.expr(node.value)
        else:
            key = None
            value = builder.expr(node.elt)
        return [
            St.StmtContainerAdd(
                sref(node.elt if kind != "dict" else node.key),
                container=E.ExprTempRef(ref, temp=result),
                key=key,
                value=value,
                container_kind=kind,
            )
        ]

    return empty, innermost


def build_inlined_comprehension(builder, node, kind, first_iter, loops):
    """``loops(first_iterator_expression, innermost)`` builds the loop nest."""
    ref = sref(node)
    scope = builder.scope
    overlay = {}
    saves = []
    wrapped_free_slots = []
    for name in bound_names(node):
        mangled = builder.mangle(name)
        if mangled in overlay:
            continue
        var, save_slot, make_cell, wrap_free_slot = scoping.inlined_comprehension_variable(scope, mangled, node)
        overlay[mangled] = var
        saves.append((builder.temp("comp_saved"), save_slot, make_cell))
        if wrap_free_slot is not None:
            wrapped_free_slots.append(wrap_free_slot)
    first_temp = builder.temp("comp_first")
    result = builder.temp("comp_result")
    empty, innermost = comprehension_container(builder, node, kind, ref, result)

    builder.inlined_overlays.append(overlay)
    try:
        body = [
            St.StmtAssignTemp(ref, temp=result, value=empty),
            loops(E.ExprTempRef(ref, temp=first_temp), innermost),
        ]
    finally:
        builder.inlined_overlays.pop()
    return ExprInlinedComprehension(
        ref,
        first_iter=comprehension_iter(
            sref(scoping.loop_position_node(node.generators[0])), first_iter, node.generators[0].is_async
        ),
        body=body,
        first_temp=first_temp,
        result_temp=result,
        saves=saves,
        wrapped_free_slots=wrapped_free_slots,
    )
