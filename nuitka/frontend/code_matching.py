"""Exact matching of scope nodes to CPython's code objects before 3.11.

Python 3.10 code objects have no column positions, and the compiler stores
equal code objects once in ``co_consts`` (``code == code`` ignores the line
table, so two ``lambda: 1`` on one line are one constant).  Matching by name
and first line alone is then ambiguous: several lambdas or comprehensions on
one line, lambdas in default arguments or decorators, identical nested
functions.

The module's AST is compiled a second time with the first line of every
scope moved to a line of its own (past the end of the file), which makes
each scope's code object unique and tells which node it belongs to.  Each
such code object is then compared with the real ones, field by field as
3.10's ``code_richcompare`` does, after putting the original first lines
back: the real code object that is equal is the node's.  Moved lines can
change the NOPs and jump threading of a code object and undo the merging of
equal nested ones, so where the exact comparison finds nothing, the
bytecode is compared without NOPs, with jumps followed to their final
target and equal constants merged.  Nodes for which
this finds nothing (it should not happen) are left to the heuristic of
``scoping.ScopeInfo``.
"""

import ast
import dis

from .scoping import SCOPE_AST_TYPES as _SCOPE_NODES

_CODE_NAMES = {
    ast.Lambda: "<lambda>",
    ast.GeneratorExp: "<genexpr>",
    ast.ListComp: "<listcomp>",
    ast.SetComp: "<setcomp>",
    ast.DictComp: "<dictcomp>",
}


def _code_name(node):
    return _CODE_NAMES.get(type(node)) or node.name


def _first_line_holder(node):
    """The AST node whose ``lineno`` becomes the scope's ``co_firstlineno``:
    the first decorator of a decorated def or class (as CPython does)."""
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        return decorators[0]
    return node


def _is_code(value):
    return hasattr(value, "co_code")


def _const_key(value, line_of, normal):
    if _is_code(value):
        return _code_key(value, line_of, normal)
    if isinstance(value, tuple):
        return (tuple, tuple(_const_key(v, line_of, normal) for v in value))
    if isinstance(value, frozenset):
        return (frozenset, tuple(sorted(repr(_const_key(v, line_of, normal)) for v in value)))
    # repr() tells 0.0 from -0.0 and type() 1 from True, like
    # _PyCode_ConstantKey.
    return (type(value), repr(value))


def _normal_instructions(code, const_index):
    """The instructions of ``code`` without NOPs (the compiler keeps a NOP
    where a line would otherwise have no instruction, so moving lines can
    add or drop some), with jump targets as instruction indexes and
    constants as indexes into ``const_index``. (3.10 bytecode: 2-byte
    units, jump arguments count units.)"""
    raw = code.co_code
    units = []
    extended = 0
    for offset in range(0, len(raw), 2):
        op, arg = raw[offset], raw[offset + 1] | extended
        if op == _EXTENDED_ARG:
            extended = arg << 8
            continue
        extended = 0
        units.append((offset // 2, op, arg))
    index_of = {}
    count = 0
    for unit, op, _arg in units:
        index_of[unit] = count
        if op != _NOP:
            count += 1
    result = []
    for unit, op, arg in units:
        if op == _NOP:
            continue
        if op in _JREL:
            result.append([op, "->", index_of.get(unit + 1 + arg)])
        elif op in _JABS:
            result.append([op, "->", index_of.get(arg)])
        elif op in _HASCONST:
            result.append((op, const_index[arg]))
        else:
            result.append((op, arg))
    # Jumps to jumps are threaded only where the line numbers allow it:
    # follow unconditional jumps to the final target.
    for item in result:
        if isinstance(item, list):
            target, seen = item[2], set()
            while (
                target is not None
                and target < len(result)
                and target not in seen
                and result[target][0] in _UNCONDITIONAL
            ):
                seen.add(target)
                target = result[target][2]
            item[2] = target
    return tuple(tuple(item) for item in result)


_EXTENDED_ARG = dis.opmap["EXTENDED_ARG"]
_NOP = dis.opmap["NOP"]
_JREL = frozenset(dis.hasjrel)
_JABS = frozenset(dis.hasjabs)
_HASCONST = frozenset(dis.hasconst)
_UNCONDITIONAL = (dis.opmap["JUMP_ABSOLUTE"], dis.opmap["JUMP_FORWARD"]) if "JUMP_ABSOLUTE" in dis.opmap else ()


def _code_key(code, line_of, normal=False):
    # A code object belongs to one of the two compilations, whose
    # ``line_of`` never changes: remember its keys.
    cache = _key_cache.get(id(line_of))
    if cache is None:
        cache = _key_cache[id(line_of)] = {}
    key = cache.get((id(code), normal))
    if key is None:
        key = cache[(id(code), normal)] = (_make_code_key(code, line_of, normal), code)
    return key[0]


_key_cache = {}


def _make_code_key(code, line_of, normal):
    """What makes two code objects equal for the 3.10 compiler, with the
    first line mapped through ``line_of``; ``normal``: compare the
    bytecode without NOPs, and the constants with equal ones merged (moved
    lines make equal nested code objects unequal)."""
    consts = tuple(_const_key(c, line_of, normal) for c in code.co_consts)
    if normal:
        unique = {}
        const_index = [unique.setdefault(key, len(unique)) for key in consts]
        consts = tuple(unique)
        co_code = _normal_instructions(code, const_index)
    else:
        co_code = code.co_code
    return (
        code.co_name,
        line_of(code),
        co_code,
        code.co_argcount,
        code.co_posonlyargcount,
        code.co_kwonlyargcount,
        code.co_nlocals,
        code.co_flags,
        code.co_names,
        code.co_varnames,
        code.co_freevars,
        code.co_cellvars,
        consts,
    )


def exact_code_matches(tree, filename, code):
    """Map each scope node of ``tree`` (the module's AST, from which the
    real module code object ``code`` was compiled) to its code object.
    Returns a dict keyed by node (identity); may miss some nodes."""
    scopes = []
    last = 0
    for node in ast.walk(tree):
        if isinstance(node, _SCOPE_NODES):
            scopes.append(node)
        end = getattr(node, "end_lineno", None)
        if end is not None and end > last:
            last = end
    if not scopes:
        return {}
    original_first = {node: _first_line_holder(node).lineno for node in scopes}
    saved = []

    def move(holder, line):
        saved.append((holder, holder.lineno, holder.end_lineno))
        holder.lineno = line
        holder.end_lineno = max(holder.end_lineno or line, line)

    marker_of = {}
    try:
        # Every scope node gets a line of its own; a decorated scope's first
        # line is its first decorator's, which gets one too (unless it is a
        # scope itself: the names then tell the two apart).
        for node in scopes:
            last += 1
            move(node, last)
        for node in scopes:
            holder = _first_line_holder(node)
            if holder is not node and not isinstance(holder, _SCOPE_NODES):
                last += 1
                move(holder, last)
        for node in scopes:
            marker_of[(_code_name(node), _first_line_holder(node).lineno)] = node
        marked = compile(tree, filename, "exec", dont_inherit=True)
    except Exception:
        return {}
    finally:
        for holder, lineno, end_lineno in reversed(saved):
            holder.lineno, holder.end_lineno = lineno, end_lineno

    def marked_line_of(c):
        node = marker_of.get((c.co_name, c.co_firstlineno))
        return c.co_firstlineno if node is None else original_first[node]

    def real_line_of(c):
        return c.co_firstlineno

    result = {}

    def walk(marked_code, real_code):
        real_children = [c for c in real_code.co_consts if _is_code(c)]
        exact = {}
        for child in real_children:
            exact.setdefault(_code_key(child, real_line_of), child)
        normal = None
        for child in marked_code.co_consts:
            if not _is_code(child):
                continue
            node = marker_of.get((child.co_name, child.co_firstlineno))
            if node is None:
                continue
            real = exact.get(_code_key(child, marked_line_of))
            if real is None:
                # The moved lines changed the NOPs of this code or of one
                # nested in it.
                if normal is None:
                    normal = {}
                    for c in real_children:
                        normal.setdefault(_code_key(c, real_line_of, True), c)
                real = normal.get(_code_key(child, marked_line_of, True))
            if real is None:
                continue
            result[node] = real
            walk(child, real)

    try:
        walk(marked, code)
    finally:
        _key_cache.clear()
    return result
