"""Scope analysis: which variable is local, cell, free, global or a name.

CPython's own compiler is the reference: the source is compiled with
``compile()`` and analysed with ``symtable``; each scope of the AST is
paired with its symbol table and code object (``scope_pairing.py``), so the
variable layout is the one CPython would use.
"""

import dis
import symtable
import sys

from nuitka.nodes import scopes as S

from .scope_pairing import ScopePairing, ScopePairingError
from .symtable_order import MAIN

# Comprehensions get code objects of their own before Python 3.12 (PEP 709).
COMPREHENSIONS_INLINED = sys.version_info >= (3, 12)


def scope_first_line(node):
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        return min(d.lineno for d in decorators)
    return node.lineno


class DeadScope(Exception):
    """Raised for a scope CPython compiled away as unreachable (after a
    ``return``, in ``if 0:`` on 3.12+): its code never runs, so the builder
    replaces what creates it by a placeholder."""

    def __init__(self, node):
        super().__init__(node)
        self.node = node


class ScopeInfo:
    """Symbol table and code object of one scope (``key``), paired exactly
    with the ``ast`` by ``scope_pairing.ScopePairing``."""

    def __init__(self, pairing, key):
        self.pairing = pairing
        self.key = key
        self.table = pairing.tables.get(key)
        self.code = pairing.code(key)

    def child(self, node, role=MAIN):
        """The info of the scope ``(node, role)``; DeadScope when CPython
        dropped its code, code None for an inlined comprehension."""
        key = (node, role)
        if self.pairing.inlined(key):
            return ScopeInfo(self.pairing, key)
        if key not in self.pairing.tables:
            raise ScopePairingError("no symbol table for %s line %s" % (type(node).__name__, getattr(node, "lineno", "?")), node)
        info = ScopeInfo(self.pairing, key)
        if info.code is None and not self.pairing.inlined(key):
            raise DeadScope(node)
        return info

    def is_inlined(self, node):
        """Whether the comprehension ``node`` is inlined here (3.12+)."""
        return self.pairing.inlined((node, MAIN))


def module_scope_info(source_text, filename, code, tree, optimize=0):
    table = symtable.symtable(source_text, filename, "exec")
    pairing = ScopePairing(tree, source_text, filename, code, table, optimize)
    return ScopeInfo(pairing, pairing.root)


def localsplus_layout(code):
    """Return ``(names, kinds)`` of the localsplus array, like CPython.

    ``kinds`` holds S.LOCAL, S.CELL or S.FREE for each slot.
    """
    names = []
    kinds = []
    if sys.version_info >= (3, 11):
        index = {}
        for name in code.co_varnames:
            index[name] = len(names)
            names.append(name)
            kinds.append(S.LOCAL)
        for name in code.co_cellvars:
            if name in index:
                kinds[index[name]] = S.CELL
            else:
                names.append(name)
                kinds.append(S.CELL)
        for name in code.co_freevars:
            names.append(name)
            kinds.append(S.FREE)
    else:
        for name in code.co_varnames:
            names.append(name)
            kinds.append(S.LOCAL)
        for name in code.co_cellvars:
            names.append(name)
            kinds.append(S.CELL)
        for name in code.co_freevars:
            names.append(name)
            kinds.append(S.FREE)
    return names, kinds


def setup_function_variables(scope, info):
    """Variables of a function-like scope from its code object."""
    names, kinds = localsplus_layout(info.code)
    scope.localsplus_names = names
    scope.localsplus_kinds = kinds
    if scope.scope_kind == "class":
        # Class bodies resolve names through the symbol table (a name may
        # be a class attribute and also pass through as a free variable).
        return
    for slot, (name, kind) in enumerate(zip(names, kinds)):
        if name in scope.variables and sys.version_info < (3, 11):
            # Before 3.11 a cell argument has two slots: the argument value
            # is copied into the cell slot at function start.
            var = scope.variables[name]
            var.arg_slot = var.slot
            var.slot = slot
            var.kind = kind
            continue
        scope.variables[name] = S.Variable(name, kind, slot, scope)
    hide_comprehension_slots(scope, info)


def resolve_function_name(scope, name):
    var = scope.variables.get(name)
    if var is None:
        var = S.Variable(name, S.GLOBAL, owner=scope)
        scope.variables[name] = var
    return var


def _slot_of(scope, name, kinds):
    for slot, (slot_name, kind) in enumerate(zip(scope.localsplus_names, scope.localsplus_kinds)):
        if slot_name == name and kind in kinds:
            return slot
    return scope.localsplus_names.index(name)


def resolve_class_name(scope, info, name):
    var = scope.variables.get(name)
    if var is not None:
        return var
    try:
        symbol = info.table.lookup(name)
    except KeyError:
        symbol = None
    if symbol is not None and symbol.is_declared_global():
        kind = S.GLOBAL
        slot = None
    elif (
        symbol is not None
        and (symbol.is_free() or symbol.is_nonlocal())
        and name in info.code.co_freevars
    ):
        kind = S.CLASSFREE
        # (The free variable's slot: 3.12+ may also have a hidden slot of
        # that name for an inlined comprehension.)
        slot = _slot_of(scope, name, (S.FREE,))
    else:
        kind = S.NAME
        slot = None
    var = S.Variable(name, kind, slot, scope)
    scope.variables[name] = var
    return var


# -- Inlined comprehensions (Python 3.12+, PEP 709) ---------------------------


def hide_comprehension_slots(scope, info):
    """A function's localsplus also holds the hidden slots of its inlined
    comprehensions' variables; where the function itself sees such a name
    as a global (the symbol table tells), it is not a local of the
    function."""
    if not COMPREHENSIONS_INLINED or info.table is None or scope.scope_kind != "function":
        return
    for name, var in list(scope.variables.items()):
        if var.kind not in (S.LOCAL, S.CELL):
            continue
        try:
            symbol = info.table.lookup(name)
        except KeyError:
            continue
        if symbol.is_global():
            del scope.variables[name]


_WRAPPED_FREE_CACHE = {}


def _free_slots_wrapped_at(code, node):
    """Free slots of ``code`` that CPython's bytecode re-wraps with
    MAKE_CELL inside the inlined comprehension ``node`` (the instruction
    carries the comprehension's source span)."""
    by_span = _WRAPPED_FREE_CACHE.get(code)
    if by_span is None:
        by_span = {}
        make_cell = dis.opmap["MAKE_CELL"]
        extended = dis.opmap["EXTENDED_ARG"]
        raw = code.co_code
        positions = list(code.co_positions())
        arg_prefix = 0
        for index in range(0, len(raw), 2):
            op, arg = raw[index], raw[index + 1] | arg_prefix
            arg_prefix = (arg << 8) if op == extended else 0
            if op == make_cell:
                line, end_line, col, end_col = positions[index // 2]
                by_span.setdefault((line, end_line, col, end_col), []).append(arg)
        _WRAPPED_FREE_CACHE[code] = by_span
    span = (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)
    return by_span.get(span, ())


def inlined_comprehension_variable(scope, name, node):
    """The variable an inlined comprehension uses for its iteration
    variable ``name``: the hidden (or shared) fast slot of the enclosing
    code object, which exists even in module and class bodies.

    Returns ``(variable, save_slot, make_cell, wrap_free_slot)``: the slot
    saved, cleared and restored around the comprehension, whether it gets a
    fresh cell, and the free slot CPython re-wraps (or None), see below."""
    if not scope.localsplus_names:
        # Module bodies get their layout only once a comprehension needs it.
        scope.localsplus_names, scope.localsplus_kinds = localsplus_layout(scope.code)
    for slot, (slot_name, kind) in enumerate(zip(scope.localsplus_names, scope.localsplus_kinds)):
        if slot_name == name and kind in (S.LOCAL, S.CELL):
            break
    else:
        raise AssertionError("no slot for comprehension variable %r in %s" % (name, scope.qualname))
    free_slot = None
    if name in scope.code.co_freevars:
        free_slot = len(scope.localsplus_names) - len(scope.code.co_freevars) + scope.code.co_freevars.index(name)
    if free_slot is not None and free_slot in _free_slots_wrapped_at(scope.code, node):
        # Captured in the comprehension and free in the enclosing scope (a
        # type parameter shadowed in an annotation scope, an outer variable
        # also read by the enclosing function): CPython uses the free slot
        # throughout.  It saves and clears the cell slot of the same name
        # (LOAD_FAST_AND_CLEAR) but then does MAKE_CELL on the free slot: a
        # new cell whose content is the old free cell, which stays there
        # after the comprehension (nothing restores the free slot), so the
        # enclosing function sees the comprehension's last value afterwards.
        return S.Variable(name, S.CELL, free_slot, scope), slot, False, free_slot
    var = scope.variables.get(name)
    if not (scope.scope_kind == "function" and var is not None and var.slot == slot and var.is_fast()):
        var = S.Variable(name, kind, slot, scope)
    return var, slot, kind == S.CELL, None


def resolve_inlined_name(builder, name):
    """Name resolution inside inlined comprehensions: their own variables
    first; in class bodies the other names skip the class namespace (as in
    a function nested in the class: free variables or globals)."""
    for overlay in reversed(builder.inlined_overlays):
        var = overlay.get(name)
        if var is not None:
            return var
    scope = builder.scope
    if scope.scope_kind != "class":
        return None
    cache = builder.inlined_overlays[0]
    key = ("class-outer", name)
    var = cache.get(key)
    if var is None:
        if name in scope.code.co_freevars:
            slot = len(scope.localsplus_names) - len(scope.code.co_freevars) + scope.code.co_freevars.index(name)
            var = S.Variable(name, S.FREE, slot, scope)
        else:
            var = S.Variable(name, S.GLOBAL, owner=scope)
        cache[key] = var
    return var


def class_body_constants(code):
    """Names that CPython 3.13+ class bodies set from constants of their own
    (``__firstlineno__``: the line of the first decorator or of ``class``;
    ``__static_attributes__``: the ``self.x`` names assigned in methods),
    read from the class's code object, as a dict."""
    if sys.version_info < (3, 13):
        return {}
    import dis

    result = {}
    previous = None
    for instruction in dis.get_instructions(code):
        if (
            instruction.opname == "STORE_NAME"
            and instruction.argval in ("__firstlineno__", "__static_attributes__")
            and previous is not None
            and previous.opname in ("LOAD_CONST", "LOAD_SMALL_INT")
        ):
            result[instruction.argval] = previous.argval
        previous = instruction
    return result


def set_loop_positions(node):
    """Where a comprehension's GET_ITER/FOR_ITER are located: the whole
    comprehension before 3.13, each ``for``'s iterable since."""
    for comp in node.generators:
        comp.nuitka_loop_node = comp.iter if sys.version_info >= (3, 13) else node


def loop_position_node(comp):
    return getattr(comp, "nuitka_loop_node", comp.iter)
