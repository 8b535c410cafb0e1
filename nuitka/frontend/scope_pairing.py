"""Pairing every scope of a module's ``ast`` with CPython's artefacts.

The compiler takes the variable layout of each scope from CPython itself:
its symbol table (``symtable``) and its code object (from ``compile()``).
Both are trees without references to the ``ast``, so each scope node must be
paired with its table and its code object.  The pairing is exact, never a
guess, and every pair is checked; a failed check is an internal error, never
a silently wrong program.

Symbol tables: ``symtable_order.py`` walks the ``ast`` in the order
``symtable.c`` creates blocks, so the children of each table pair one to one
with the scope keys it yields; each pair is checked by name, line and
parameters.

Code objects: code objects carry no reference to their node either, equal
code objects are stored once in ``co_consts`` (two ``lambda: 0`` on one
line), and the compiler drops the code of scopes it proves unreachable
(after ``return``, in ``if 0:`` since 3.12).  So the module is compiled a
second time with the first line of every scope moved to a line of its own
past the end of the file (the *marked* compilation): there, each code object
names its scope by ``(co_name, co_firstlineno)``, nothing is merged, and
dead scopes have no code, exactly as in the real compilation (dead code and
the order of constants do not depend on line numbers).  The children of
each real code object are then the marked ones in the same order, except
where the real compilation stored equal code objects once; which ones those
are is found by comparing the marked twins with each other, with the moved
lines left out (the compiler merges by equality, and two marked twins differ
only where their moved lines are).
"""

import ast
import dis
import sys
import warnings

from . import symtable_order as O
from .symtable_order import BOUND, DEFAULT, GENERIC, MAIN, VALUE

PY312 = O.PY312

_CODE_NAMES = {
    ast.Lambda: "<lambda>",
    ast.GeneratorExp: "<genexpr>",
    ast.ListComp: "<listcomp>",
    ast.SetComp: "<setcomp>",
    ast.DictComp: "<dictcomp>",
}

#: Roles of annotation scopes (PEP 695): functions the compiler makes.
ANNOTATION_SCOPE_ROLES = (GENERIC, BOUND, DEFAULT, VALUE)


class ScopePairingError(AssertionError):
    """The pairing failed a check: a bug of the compiler, reported as an
    internal error at ``node``'s position."""

    def __init__(self, message, node=None):
        super().__init__(message)
        self.node = node
        self.lineno = getattr(node, "lineno", None)


def code_name(key):
    """``co_name`` of the code object of ``key``."""
    node, role = key
    if role == GENERIC:
        return "<generic parameters of %s>" % _plain_name(node)
    if role in (BOUND, DEFAULT):
        return node.name
    if role == VALUE:
        return node.name.id
    if type(node) in _CODE_NAMES:
        return _CODE_NAMES[type(node)]
    return node.name


def _plain_name(node):
    if PY312 and isinstance(node, ast.TypeAlias):
        return node.name.id
    return node.name


def first_line_holder(key):
    """The ``ast`` node whose line is ``co_firstlineno`` of ``key``'s code:
    the first decorator of a decorated def or class (and of its type
    parameter block)."""
    node, role = key
    if role in (MAIN, GENERIC):
        decorators = getattr(node, "decorator_list", None)
        if decorators:
            return decorators[0]
    elif role == BOUND:
        return node.bound
    elif role == DEFAULT:
        return node.default_value
    return node


def is_comprehension(node):
    return type(node) in O.COMPREHENSION_NAMES


class ScopePairing:
    """``table(key)`` and ``code(key)`` of every scope key of a module;
    ``code`` is None for a scope without code object (dead, or an inlined
    comprehension: ``inlined(key)``)."""

    def __init__(self, tree, source_text, filename, module_code, table, optimize=0):
        self.tree = tree
        #: ``compile()``'s optimization level of the real compilation.
        self.optimize = optimize
        self.filename = filename
        self.root = (tree, MAIN)
        self.tables = {}
        self.codes = {self.root: module_code}
        #: Keys of annotation scopes that see the class namespace (3.12+).
        self._sees_class = set()
        self._parent = {}
        future = _has_future_annotations(tree)
        self._order = O.SymtableOrder(future)
        self._pair_tables(self.root, table)
        if len(self.tables) > 1:
            self._pair_codes(tree, filename, module_code)

    # -- queries ------------------------------------------------------------

    def table(self, key):
        return self.tables[key]

    def code(self, key):
        return self.codes.get(key)

    def inlined(self, key):
        """(3.12+, PEP 709) Whether the list/set/dict comprehension of
        ``key`` is inlined into its enclosing code object: all are, except
        those directly in an annotation scope that sees a class namespace."""
        return key[1] == MAIN and key[0] in self._order.inlined

    # -- symbol tables ------------------------------------------------------

    def _pair_tables(self, key, table):
        self.tables[key] = table
        children = self._order.children(key, key in self._sees_class)
        tables = table.get_children()
        if len(children) != len(tables):
            raise ScopePairingError(
                "scope %s has %d child scopes, its symbol table %d (%s)"
                % (
                    _describe(key),
                    len(children),
                    len(tables),
                    ", ".join("%s:%d" % (t.get_name(), t.get_lineno()) for t in tables),
                ),
                key[0],
            )
        for child_key, child_table in zip(children, tables):
            _check_table(child_key, child_table)
            self._parent[child_key] = key
            if child_key[1] in ANNOTATION_SCOPE_ROLES and self._sees_class_scope(child_key, key, table):
                self._sees_class.add(child_key)
            self._pair_tables(child_key, child_table)

    def _sees_class_scope(self, key, parent_key, parent_table):
        if parent_key in self._sees_class:
            # TypeVar bounds/defaults and the value of a generic alias
            # inherit it from the type parameter block.
            return True
        # (3.13 answers an enum.StrEnum member, equal to the string.)
        return parent_table.get_type() == "class"

    # -- code objects -------------------------------------------------------

    def _pair_codes(self, tree, filename, module_code):
        keys = [key for key in self.tables if key != self.root]
        marked_code, marker_keys, original_line = _marked_compile(tree, filename, keys, self.optimize)
        self._original_line = original_line
        self._marker_lines = set(original_line)
        self._align(self.root, module_code, marked_code, marker_keys)

    def _align(self, key, real, marked, marker_keys):
        """Pair the code children of ``real`` (the code of ``key``) with
        those of ``marked``, its marked twin, and recurse."""
        marked_children = [c for c in marked.co_consts if _is_code(c)]
        if not marked_children:
            return
        real_children = [c for c in real.co_consts if _is_code(c)]
        child_keys = []
        for child in marked_children:
            queue = marker_keys.get((child.co_name, child.co_firstlineno))
            if not queue:
                raise ScopePairingError(
                    "code object %s line %d of the marked compilation belongs to no scope"
                    % (child.co_name, child.co_firstlineno),
                    key[0],
                )
            child_keys.append(queue.pop(0))
        expected = [
            (child.co_name, self._original_line.get(child.co_firstlineno, child.co_firstlineno))
            for child in marked_children
        ]
        # Which scopes the real compilation stored as one constant: equal
        # code objects, which in the marked compilation are equal but for
        # the moved lines.  Without merges, each scope has its own.
        representative = list(range(len(marked_children)))
        if len(real_children) != len(marked_children):
            for index, child in enumerate(marked_children):
                for earlier in range(index):
                    if (
                        representative[earlier] == earlier
                        and expected[earlier] == expected[index]
                        and self._normal(marked_children[earlier]) == self._normal(child)
                    ):
                        representative[index] = earlier
                        break
        distinct = [index for index, rep in enumerate(representative) if rep == index]
        if len(distinct) != len(real_children):
            raise ScopePairingError(
                "scope %s has %d distinct code objects of child scopes, CPython made %d"
                % (_describe(key), len(distinct), len(real_children)),
                key[0],
            )
        real_of = {}
        for index, real_child in zip(distinct, real_children):
            if _code_key(real_child) != expected[index]:
                raise ScopePairingError(
                    "scope %s paired with code object %s line %d"
                    % (_describe(child_keys[index]), real_child.co_name, real_child.co_firstlineno),
                    child_keys[index][0],
                )
            real_of[index] = real_child
        for index, (child_key, child) in enumerate(zip(child_keys, marked_children)):
            chosen = real_of[representative[index]]
            self.codes[child_key] = chosen
            self._align(child_key, chosen, child, marker_keys)

    def _normal(self, code):
        cache = self.__dict__.setdefault("_normal_cache", {})
        entry = cache.get(id(code))
        if entry is None:
            entry = cache[id(code)] = (code, _normal_code(code, self._marker_lines))
        return entry[1]


def _has_future_annotations(tree):
    for statement in tree.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str):
            continue
        if isinstance(statement, ast.ImportFrom) and statement.module == "__future__":
            if any(alias.name == "annotations" for alias in statement.names):
                return True
            continue
        break
    return False


def _describe(key):
    node, role = key
    where = "line %s" % getattr(node, "lineno", "?")
    name = O.symtable_name(key)
    return "'%s' (%s, %s)" % (name, role, where) if role != MAIN else "'%s' (%s)" % (name, where)


def _check_table(key, table):
    node, role = key
    name, line = O.symtable_name(key), O.symtable_line(key)
    if table.get_name() != name or table.get_lineno() != line:
        raise ScopePairingError(
            "scope %s paired with symbol table '%s' line %d" % (_describe(key), table.get_name(), table.get_lineno()),
            node,
        )
    if role == MAIN and isinstance(node, O.FUNCTION_NODES + (ast.Lambda,)):
        args = node.args
        names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        names += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
        parameters = set(table.get_parameters())
        if len(names) != len(parameters) or not all(_has_name(parameters, n) for n in names):
            raise ScopePairingError(
                "scope %s paired with symbol table of parameters %s" % (_describe(key), sorted(parameters)), node
            )
    elif role == MAIN and is_comprehension(node):
        identifiers = set(table.get_identifiers())
        for target in ast.walk(node.generators[0].target):
            if isinstance(target, ast.Name) and not _has_name(identifiers, target.id):
                raise ScopePairingError(
                    "comprehension %s paired with a symbol table without '%s'" % (_describe(key), target.id), node
                )


def _has_name(names, name):
    # Private names are mangled in the table (``__x`` -> ``_C__x``).
    return name in names or (name.startswith("__") and any(n.endswith(name) for n in names))


# -- the marked compilation ---------------------------------------------------


def _marked_compile(tree, filename, keys, optimize=0):
    """Compile ``tree`` with every first-line holder on a line of its own.

    Returns the marked module code, ``{(co_name, marked line): [keys]}`` (a
    list: the bound and default of one type parameter share their holder
    and name; they come in that order) and ``{marked line: original line}``.
    """
    last = 0
    for node in ast.walk(tree):
        end = getattr(node, "end_lineno", None)
        if end is not None and end > last:
            last = end
    line_of_holder = {}
    saved = []
    marker_keys = {}
    original_line = {}
    try:
        for key in keys:
            holder = first_line_holder(key)
            line = line_of_holder.get(holder)
            if line is None:
                last += 1
                line = line_of_holder[holder] = last
                original_line[line] = holder.lineno
                saved.append((holder, holder.lineno, holder.end_lineno, holder.end_col_offset))
            marker_keys.setdefault((code_name(key), line), []).append(key)
        for holder, lineno, end_lineno, end_col in saved:
            holder.lineno = holder.end_lineno = line_of_holder[holder]
            if holder.end_col_offset is not None and holder.col_offset is not None:
                holder.end_col_offset = max(holder.col_offset, end_col)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            marked = compile(tree, filename, "exec", dont_inherit=True, optimize=optimize)
    finally:
        for holder, lineno, end_lineno, end_col in reversed(saved):
            holder.lineno, holder.end_lineno, holder.end_col_offset = lineno, end_lineno, end_col
    for queue in marker_keys.values():
        # Bound before default (the order the compiler makes them).
        queue.sort(key=lambda k: (k[1] == DEFAULT,))
    return marked, marker_keys, original_line


def _is_code(value):
    return hasattr(value, "co_code")


def _code_key(code):
    return (code.co_name, code.co_firstlineno)


_JUMPS = frozenset(dis.hasjrel) | frozenset(dis.hasjabs)
_UNCONDITIONAL = frozenset(
    dis.opmap[name]
    for name in ("JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_ABSOLUTE", "JUMP", "JUMP_NO_INTERRUPT", "JUMP_BACKWARD_NO_INTERRUPT")
    if name in dis.opmap
)
_HASCONST = frozenset(dis.hasconst)


def _normal_code(code, marker_lines):
    """What makes two code objects equal for the compiler, where lines that
    are marker lines (moved in the marked compilation) match any line and
    NOPs (the compiler keeps or drops them by line) are left out."""
    instructions = [i for i in dis.get_instructions(code) if i.opname not in ("NOP", "CACHE", "EXTENDED_ARG")]
    index_of = {}
    for index, instruction in enumerate(instructions):
        index_of[instruction.offset] = index
    all_offsets = sorted(index_of)

    def target_index(offset):
        # A jump to a removed NOP lands on the next instruction.
        for candidate in all_offsets:
            if candidate >= offset:
                return index_of[candidate]
        return len(instructions)

    def final_target(index):
        seen = set()
        while index < len(instructions) and index not in seen and instructions[index].opcode in _UNCONDITIONAL:
            seen.add(index)
            index = target_index(_jump_target(instructions[index]))
        return index

    lines = _instruction_lines(code)
    body = []
    for instruction in instructions:
        if instruction.opcode in _JUMPS:
            argument = ("->", final_target(target_index(_jump_target(instruction))))
        elif instruction.opcode in _HASCONST:
            argument = _const_key(instruction.argval, marker_lines)
        else:
            argument = instruction.argval if isinstance(instruction.argval, (str, int)) else instruction.argrepr
        position = lines.get(instruction.offset)
        if position is not None and position[0] in marker_lines:
            position = _ANY
        if sys.version_info < (3, 11):
            # (3.10 compares code objects without their line tables: two
            # comprehensions with the same body that start on one line are
            # one constant even when their bodies go on on other lines.)
            position = None
        body.append((instruction.opname, argument, position))
    result = (
        code.co_name,
        code.co_argcount,
        code.co_posonlyargcount,
        code.co_kwonlyargcount,
        code.co_flags,
        code.co_names,
        code.co_varnames,
        code.co_freevars,
        code.co_cellvars,
        # (Constants by what loads them: the real compilation may have
        # merged equal nested code objects that the marked one keeps apart.)
        tuple(body),
    )
    return result


class _Any:
    """Equal to everything: the position of an instruction on a moved line."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__

    def __repr__(self):
        return "<any>"


_ANY = _Any()


def _jump_target(instruction):
    target = getattr(instruction, "jump_target", None)
    if target is not None:
        return target
    return instruction.argval


def _instruction_lines(code):
    """Offset -> position (3.11+: with columns; 3.10: the line)."""
    result = {}
    if hasattr(code, "co_positions"):
        for offset, position in zip(range(0, len(code.co_code), 2), code.co_positions()):
            result[offset] = position
    else:
        for start, end, line in code.co_lines():
            for offset in range(start, end, 2):
                result[offset] = (line,)
    return result


def _const_key(value, marker_lines):
    if _is_code(value):
        return ("code", _normal_code(value, marker_lines))
    if isinstance(value, tuple):
        return (tuple, tuple(_const_key(v, marker_lines) for v in value))
    if isinstance(value, frozenset):
        return (frozenset, tuple(sorted(repr(_const_key(v, marker_lines)) for v in value)))
    # repr() tells 0.0 from -0.0 and type() 1 from True, like
    # _PyCode_ConstantKey.
    return (type(value), repr(value))
