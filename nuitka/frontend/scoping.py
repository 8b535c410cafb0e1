"""Scope analysis: which variable is local, cell, free, global or a name.

CPython's own compiler is the reference: the source is compiled with
``compile()`` and analysed with ``symtable``; each scope of the AST is
matched with its symbol table and code object (in source order, keyed by
name and line), so the variable layout is the one CPython would use.
"""

import ast
import dis
import symtable
import sys

from nuitka.nodes import scopes as S

SCOPE_AST_TYPES = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.GeneratorExp,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
)

# Comprehensions get code objects of their own before Python 3.12 (PEP 709).
COMPREHENSIONS_INLINED = sys.version_info >= (3, 12)


def scope_code_name(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    return {
        ast.Lambda: "<lambda>",
        ast.GeneratorExp: "<genexpr>",
        ast.ListComp: "<listcomp>",
        ast.SetComp: "<setcomp>",
        ast.DictComp: "<dictcomp>",
    }[type(node)]


def scope_symtable_name(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    return {
        ast.Lambda: "lambda",
        ast.GeneratorExp: "genexpr",
        ast.ListComp: "listcomp",
        ast.SetComp: "setcomp",
        ast.DictComp: "dictcomp",
    }[type(node)]


def scope_first_line(node):
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        return min(d.lineno for d in decorators)
    return node.lineno


class _Matcher:
    """Hands out children (tables or code objects) by key, in order."""

    def __init__(self, items, key, reuse_last=False):
        self.reuse_last = reuse_last
        self.taken = {}
        self.by_key = {}
        for item in items:
            self.by_key.setdefault(key(item), []).append(item)

    def take(self, key, prefer=None, score=None, accept=None):
        if accept is not None:
            # Only an item that passes ``accept``; none left is no match.
            for i, item in enumerate(self.by_key.get(key, ())):
                if accept(item):
                    return self.by_key[key].pop(i)
            return None
        item = self._take(key, prefer, score)
        if item is None:
            # The compiler stores equal code objects once in co_consts (3.10:
            # two identical comprehensions on one line): reuse it.
            return self.taken.get(key) if self.reuse_last else None
        self.taken[key] = item
        return item

    def _take(self, key, prefer, score):
        items = self.by_key.get(key)
        if not items:
            return None
        if score is not None and len(items) > 1:
            scores = [score(item) for item in items]
            return items.pop(scores.index(max(scores)))
        if prefer is not None and len(items) > 1:
            for i, item in enumerate(items):
                if prefer(item):
                    return items.pop(i)
        return items.pop(0)


# 3.12+ drop the code objects of unreachable scopes (the CFG optimizer
# removes dead blocks, then the constants nothing loads any more), e.g. the
# lambdas of ``if 0: lambda: x`` or ``assert 1, lambda: x``.
DEAD_CODE_DROPPED = sys.version_info >= (3, 12)


class DeadScope(Exception):
    """Raised for a scope CPython compiled away as unreachable: its code
    never runs, so the builder replaces what creates it by a placeholder."""

    def __init__(self, node):
        super().__init__(node)
        self.node = node


def _code_within(code, node):
    """Whether the source positions of ``code``'s instructions all lie in
    the span of the scope ``node`` (positions without a column, or the
    artificial column range 0-0 of RESUME and the like, say nothing).
    Sibling scopes have disjoint spans, so this tells which of several
    same-named scopes on one line a code object belongs to, and finds no
    code for a scope whose code object CPython dropped."""
    start = (node.lineno, node.col_offset)
    end = (node.end_lineno, node.end_col_offset)
    for line, end_line, col, end_col in code.co_positions():
        if line is None or col is None or end_line is None or end_col is None:
            continue
        if col == 0 and end_col == 0:
            continue
        if (line, col) < start or (end_line, end_col) > end:
            return False
    return True


def _code_start_columns(code):
    """Start columns of a code object's instructions on its first line; the
    column of the lambda or comprehension itself is among them. Used to tell
    apart several scopes with the same name on one line."""
    return {
        col
        for line, _end_line, col, _end_col in code.co_positions()
        if line == code.co_firstlineno and col is not None
    }


def _code_words(code):
    """Names and simple constants of a code object and its nested ones."""
    words = set(code.co_varnames) | set(code.co_cellvars) | set(code.co_freevars) | set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            words |= _code_words(const)
        elif isinstance(const, (str, int, float)) and not isinstance(const, bool):
            words.add(repr(const))
    return words


def _node_words(node):
    words = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            words.add(sub.id)
        elif isinstance(sub, ast.arg):
            words.add(sub.arg)
        elif isinstance(sub, ast.Attribute):
            words.add(sub.attr)
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, (str, int, float)):
            if not isinstance(sub.value, bool):
                words.add(repr(sub.value))
    return words


def _similarity(code, node):
    """(Before 3.11, whose code objects have no columns.) How well a code
    object matches a lambda/comprehension node, to tell apart several
    scopes with the same name on one line."""
    a, b = _code_words(code), _node_words(node)
    return (_code_nesting(code) == _node_nesting(node), len(a & b) / max(1, len(a | b)))


_SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)


def _code_nesting(code):
    """Number of code objects nested in ``code``."""
    return sum(1 + _code_nesting(c) for c in code.co_consts if hasattr(c, "co_code"))


def _node_nesting(node):
    """Number of scopes nested in a lambda/comprehension node (its outermost
    iterable and defaults belong to the enclosing scope)."""
    if isinstance(node, ast.Lambda):
        parts = [node.body]
    else:
        first = node.generators[0]
        parts = [first.target] + list(first.ifs) + list(node.generators[1:])
        parts += [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
    return sum(1 for part in parts for sub in ast.walk(part) if isinstance(sub, _SCOPE_NODES))


class ScopeInfo:
    """Symbol table and code object of one scope, plus its children."""

    def __init__(self, table, code, exact=None):
        self.table = table
        self.code = code
        # (Before 3.11) scope node -> code object, see code_matching.py.
        self.exact = exact
        self._tables = _Matcher(
            table.get_children(), lambda t: (t.get_name(), t.get_lineno())
        ) if table is not None else None
        code_children = [
            c for c in (code.co_consts if code is not None else ()) if hasattr(c, "co_code")
        ]
        self._codes = _Matcher(code_children, lambda c: (c.co_name, c.co_firstlineno), reuse_last=True)

    def child(self, node):
        table = self._tables.take((scope_symtable_name(node), node.lineno))
        if table is None:
            raise AssertionError("no symbol table for %r line %d" % (node, node.lineno))
        if COMPREHENSIONS_INLINED and isinstance(
            node, (ast.ListComp, ast.SetComp, ast.DictComp)
        ):
            code = None
        else:
            key = (scope_code_name(node), scope_first_line(node))
            if DEAD_CODE_DROPPED:
                # The scope's code object, or None where CPython dropped it
                # as unreachable (see DeadScope).
                code = self._codes.take(key, accept=lambda c: _code_within(c, node))
                if code is None:
                    raise DeadScope(node)
            elif sys.version_info >= (3, 11):
                code = self._codes.take(key, prefer=lambda c: node.col_offset in _code_start_columns(c))
                if code is None:
                    # 3.11 drops the code objects of scopes after a
                    # return/raise/break (unreachable): see DeadScope.
                    raise DeadScope(node)
            elif self.exact and node in self.exact:
                code = self.exact[node]
            else:
                code = self._codes.take(key, score=lambda c: _similarity(c, node))
                if code is None and self.exact is not None:
                    # 3.10 drops the code objects of scopes after a
                    # return/raise/break (unreachable): see DeadScope.
                    raise DeadScope(node)
            if code is None:
                raise AssertionError("no code object for %r line %d" % (node, node.lineno))
        return ScopeInfo(table, code, self.exact)


def annotation_scope_info(info, node, table_name, code_name, table_line, code_line):
    """(3.12+, PEP 695) The child of ``info`` for an annotation scope (type
    parameters, TypeVar bound/constraints/default, type alias value) that
    ``node`` introduces; DeadScope when CPython dropped its code."""
    table = info._tables.take((table_name, table_line))
    if table is None:
        raise AssertionError("no symbol table for %s line %d" % (table_name, table_line))
    code = info._codes.take((code_name, code_line), accept=lambda c: True)
    if code is None:
        raise DeadScope(node)
    return ScopeInfo(table, code, info.exact)


def module_scope_info(source_text, filename, code, tree=None):
    table = symtable.symtable(source_text, filename, "exec")
    exact = None
    if sys.version_info < (3, 11) and tree is not None:
        from nuitka.frontend.code_matching import exact_code_matches

        exact = exact_code_matches(tree, filename, code)
    return ScopeInfo(table, code, exact)


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
