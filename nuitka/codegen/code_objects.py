"""Synthetic code objects for compiled functions.

A compiled function's code object keeps everything CPython's compiler put
in it (bytecode, constants, names, argument counts, flags, variable layout,
first line, exception table), and after the original bytecode, where no
jump or fall-through reaches, one NOP per source position the generated C
code can be at. The location table keeps CPython's entries for the original
bytecode and maps the NOP number k to the k-th position, so setting the
frame's instruction pointer to that NOP gives tracebacks, ``f_lineno`` and
``co_positions()`` exactly the lines and columns CPython would show. On
3.11+ a position that an instruction of the original bytecode has uses
that instruction, and a plain function whose positions all do keeps
CPython's code object unchanged (``_unchanged_layout``).

Compiled functions never run the bytecode, but user code can run a code
object it got from one (``exec(f.__code__)``, ``types.FunctionType(
f.__code__, ...)``, a replaced ``builtins.__build_class__`` calling the
original with a class body): the interpreter then runs CPython's own
bytecode, as for the uncompiled program.
"""

import dis
import marshal
import sys

OP = dis.opmap


def _varint(value):
    out = bytearray()
    while value >= 64:
        out.append(0x40 | (value & 0x3F))
        value >>= 6
    out.append(value)
    return out


def _svarint(value):
    return _varint(((-value) << 1) | 1 if value < 0 else value << 1)


def _line_table_310(first_line, ranges):
    """The 3.10 ``co_linetable`` for ``ranges`` of (byte length, line):
    pairs of (bytecode delta, line delta); line delta -128 means "no
    line" and leaves the running line as it is."""
    data = bytearray()
    current = first_line
    for length, line in ranges:
        if line is None or line < 0:
            while length > 0:
                chunk = min(length, 254)
                data += bytes((chunk, 0x80))
                length -= chunk
            continue
        delta = line - current
        current = line
        while delta > 127:
            data += bytes((0, 127))
            delta -= 127
        while delta < -127:
            data += bytes((0, 256 - 127))
            delta += 127
        while True:
            chunk = min(length, 254)
            data += bytes((chunk, delta & 0xFF))
            delta = 0
            length -= chunk
            if length <= 0:
                break
    return bytes(data)


def _build_code_object_310(code, positions):
    """3.10: after the original bytecode, one NOP at the first line (so
    that POS_BASE - 1 is valid), then one NOP per position. Columns do not
    exist in 3.10."""
    tail = [(OP["NOP"], 0)] * (1 + len(positions)) + _GUARD
    co_code = code.co_code + bytes(b for op, arg in tail for b in (op, arg))
    ranges = [(end - start, line) for start, end, line in code.co_lines()]
    covered = sum(length for length, _line in ranges)
    if covered < len(code.co_code):
        ranges.append((len(code.co_code) - covered, None))
    ranges.append((2, code.co_firstlineno))
    ranges.extend((2, position[0]) for position in positions)
    ranges.append((2 * len(_GUARD), code.co_firstlineno))
    new_code = code.replace(
        co_code=co_code,
        co_linetable=_line_table_310(code.co_firstlineno, ranges),
    )
    return new_code, len(code.co_code) // 2 + 1


class LocationTable:
    """Writes the 3.11+ ``co_linetable`` format (Objects/locations.md)."""

    def __init__(self, first_line):
        self.data = bytearray()
        self.line = first_line

    def add(self, position, length=1):
        while length > 8:
            # One entry covers at most 8 code units.
            self.add(position, 8)
            length -= 8
        line, end_line, col, end_col = position
        if line is None or line < 0:
            self.data.append(0x80 | (15 << 3) | (length - 1))
            return
        delta = line - self.line
        if col is None or col < 0 or end_col is None or end_col < 0:
            self.data.append(0x80 | (13 << 3) | (length - 1))
            self.data += _svarint(delta)
        else:
            if end_line is None or end_line < line:
                end_line = line
            self.data.append(0x80 | (14 << 3) | (length - 1))
            self.data += _svarint(delta)
            self.data += _varint(end_line - line)
            self.data += _varint(col + 1)
            self.data += _varint(end_col + 1)
        self.line = line


# Ends the bytecode, after the position NOPs, which nothing executes: the
# instruction after the current one always exists (the interpreter's
# generator code peeks at it).
_GUARD = (
    [(OP["LOAD_ASSERTION_ERROR"], 0), (OP["RAISE_VARARGS"], 1)] if "LOAD_ASSERTION_ERROR" in OP else []
)


def _resume_index(code):
    """3.11+: the index of the code's first RESUME, or None."""
    raw = code.co_code
    return next((i for i in range(len(raw) // 2) if raw[2 * i] == OP["RESUME"]), None)


def _instructions_by_position(code):
    """3.11+: {position: index of the instruction of the original bytecode
    that CPython's frame is at when an operation at exactly that position
    (line, end line and columns) runs}: the first one at that position that
    does the operation (not PRECALL/KW_NAMES/PUSH_NULL before a CALL, or a
    NOP), after RESUME (a frame before it counts as not started), and not
    one followed by RESUME (a yield: the interpreter would look at the value
    stack of a suspended generator there). ``1/0`` as a statement is at
    BINARY_OP, not at the POP_TOP and the jump at the same position after
    it; ``f(x)`` at CALL."""
    raw = code.co_code
    units = len(raw) // 2
    first = _resume_index(code)
    if first is None:
        return {}
    preparing = {OP[name] for name in ("CACHE", "EXTENDED_ARG", "RESUME", "PRECALL", "KW_NAMES", "PUSH_NULL", "NOP")
                 if name in OP}
    found = {}
    for index, position in enumerate(code.co_positions()):
        if index <= first or raw[2 * index] in preparing or None in position or position in found:
            continue
        following = next((j for j in range(index + 1, units) if raw[2 * j] != OP["CACHE"]), None)
        if following is not None and raw[2 * following] == OP["RESUME"]:
            continue
        found[position] = index
    return found


_NOT_OPERATIONS_310 = {
    OP[name]
    for name in ("NOP", "EXTENDED_ARG", "LOAD_CONST", "LOAD_FAST", "POP_TOP", "DUP_TOP", "DUP_TOP_TWO",
                 "ROT_TWO", "ROT_THREE", "ROT_FOUR", "ROT_N", "SETUP_FINALLY", "GEN_START")
    if name in OP
}


def _unchanged_layout_310(code, positions):
    """3.10: positions are lines only; when every line a position of a
    plain (not resumable) body has is the line of an instruction of
    CPython's bytecode, the code object stays CPython's own and position k
    is the first instruction of its line that is not only a load of a
    constant or local or a stack shuffle (``1/0``: BINARY_TRUE_DIVIDE,
    where ``dis.distb()`` puts its arrow), else the line's first one; the
    arrow is only a guess where a line has several operations. Returns
    those indices, or None. (POS_BASE is then 0: POS_BASE - 1, the first
    line for an exception on entry, is f_lasti -1, which 3.10 maps to
    co_firstlineno.)"""
    raw = code.co_code
    first_of_line = {}
    operation_of_line = {}
    for start, end, line in code.co_lines():
        if line is None:
            continue
        first_of_line.setdefault(line, start // 2)
        if line not in operation_of_line:
            for index in range(start // 2, end // 2):
                if raw[2 * index] not in _NOT_OPERATIONS_310:
                    operation_of_line[line] = index
                    break
    first_of_line.update(operation_of_line)
    if any(position[0] not in first_of_line for position in positions):
        return None
    return [first_of_line[position[0]] for position in positions]


def _unchanged_layout(code, positions, original):
    """3.11+: when every position of a plain (not resumable) body is at an
    instruction of CPython's bytecode and its RESUME is at the first line
    with columns 0-0 (the position an exception from the eval breaker check
    on entry has: POS_BASE - 2), the code object needs no NOPs and stays
    CPython's own, so that ``co_lines()``, ``co_positions()``, equality
    with ``code.replace()`` and the identity of its tables are CPython's.
    Returns POS_BASE (RESUME's index + 2), or None."""
    if any(tuple(position) not in original for position in positions):
        return None
    resume = _resume_index(code)
    if resume is None:
        return None
    first_line = code.co_firstlineno
    if list(code.co_positions())[resume] != (first_line, first_line, 0, 0):
        return None
    return resume + 2


def _without_optional(positions, optional):
    return [position for k, position in enumerate(positions) if k not in optional]


def build_code_object(code, positions, cell_slots=None, nfree=None, doc=None, resumable=False, optional=()):
    """Return ``(new_code, first_position_index, indices)``.

    ``positions`` is the list of (line, end_line, col, end_col) tuples the
    generated C code refers to by number; position k is instruction
    ``indices[k]``: on 3.11+ the instruction of CPython's bytecode at
    exactly that position where there is one (so ``f_lasti``,
    ``tb_lasti`` and ``dis.distb()`` show the instruction CPython's frame
    would be at), else a NOP after the original bytecode
    (``first_position_index`` + its number among those). (``cell_slots``,
    ``nfree`` and ``doc`` are no longer needed: the original bytecode and
    constants are kept.)

    ``optional`` are numbers of positions that need no NOP: when the code
    object stays CPython's own without them, those without an instruction
    of their own get None (the generated code drops their setting).
    """
    if sys.version_info < (3, 11):
        if not resumable:
            unchanged = _unchanged_layout_310(code, _without_optional(positions, optional))
            if unchanged is not None:
                lines = {line for _start, _end, line in code.co_lines() if line is not None}
                unchanged = iter(unchanged)
                return code, 0, [
                    (None if position[0] not in lines else _unchanged_layout_310(code, [position])[0])
                    if k in optional else next(unchanged)
                    for k, position in enumerate(positions)
                ]
        new_code, first = _build_code_object_310(code, positions)
        return new_code, first, [first + k for k in range(len(positions))]
    original = _instructions_by_position(code)
    unchanged = None if resumable else _unchanged_layout(code, _without_optional(positions, optional), original)
    if unchanged is not None:
        return code, unchanged, [original.get(tuple(position)) for position in positions]
    first = len(code.co_code) // 2 + 2
    tail_index = {}
    for position in map(tuple, positions):
        if position not in original:
            tail_index.setdefault(position, first + len(tail_index))
    indices = [original.get(tuple(position), tail_index.get(tuple(position))) for position in positions]
    positions = list(tail_index)
    first_line = code.co_firstlineno
    table = LocationTable(first_line)
    # CPython's own locations for the original bytecode, re-encoded (one
    # entry per run of equal positions) so that the running line is known.
    run_position, run_length = None, 0
    for position in code.co_positions():
        if position == run_position:
            run_length += 1
            continue
        if run_length:
            table.add(run_position, run_length)
        run_position, run_length = position, 1
    if run_length:
        table.add(run_position, run_length)
    # After it: RESUME's position (first line, columns 0-0), for an
    # exception raised by the eval breaker check on entry (POS_BASE - 2);
    # the first line without columns (POS_BASE - 1: throw() into a
    # generator that did not start); then the positions.
    table.add((first_line, first_line, 0, 0))
    table.add((first_line, first_line, -1, -1))
    for position in positions:
        table.add(position)
    if _GUARD:
        table.add((first_line, first_line, -1, -1), length=len(_GUARD))
    tail = [(OP["NOP"], 0)] * (2 + len(positions)) + _GUARD
    co_code = code.co_code + bytes(b for op, arg in tail for b in (op, arg))
    changes = dict(co_code=co_code, co_linetable=bytes(table.data))
    new_code = replace_keeping_hidden(code, changes)
    return new_code, first, indices


# Kinds of localsplus slots (Include/internal/pycore_code.h).
CO_FAST_HIDDEN = 0x10
CO_FAST_LOCAL = 0x20
CO_FAST_CELL = 0x40
CO_FAST_FREE = 0x80


def _localsplus(code):
    """``(names, kinds)`` of a code object's localsplus, as CPython 3.11+
    lays them out; in 3.12+ module and class bodies, all their fast locals
    are the hidden ones of inlined comprehensions (PEP 709)."""
    names = list(code.co_varnames)
    hidden = CO_FAST_HIDDEN if sys.version_info >= (3, 12) and not (code.co_flags & 0x1) else 0
    kinds = [CO_FAST_LOCAL | hidden | (CO_FAST_CELL if name in code.co_cellvars else 0) for name in names]
    for name in code.co_cellvars:
        if name not in code.co_varnames:
            names.append(name)
            kinds.append(CO_FAST_CELL)
    for name in code.co_freevars:
        names.append(name)
        kinds.append(CO_FAST_FREE)
    return tuple(names), bytes(kinds)


def _marshal_code(code, changes):
    """The marshal form of ``code`` with some fields changed, written
    field by field (Python/marshal.c, version 2: no back-references)."""
    import struct

    def get(name):
        return changes.get(name, getattr(code, name))

    names, kinds = _localsplus(code)
    dump = lambda value: marshal.dumps(value, 2)  # noqa: E731
    return b"".join(
        [
            b"c",
            struct.pack(
                "<5i",
                get("co_argcount"),
                get("co_posonlyargcount"),
                get("co_kwonlyargcount"),
                get("co_stacksize"),
                get("co_flags"),
            ),
            dump(get("co_code")),
            dump(get("co_consts")),
            dump(get("co_names")),
            dump(names),
            dump(kinds),
            dump(get("co_filename")),
            dump(get("co_name")),
            dump(get("co_qualname")),
            struct.pack("<i", get("co_firstlineno")),
            dump(get("co_linetable")),
            dump(get("co_exceptiontable")),
        ]
    )


def replace_keeping_hidden(code, changes):
    """``code.replace(**changes)``, but keeping the CO_FAST_HIDDEN kind of
    slots, which replace() drops (it recomputes the kinds from co_varnames
    and friends): 3.13's locals() relies on it inside inlined
    comprehensions. The code object is rebuilt through marshal, which takes
    the kinds as they are; only when rebuilding the unchanged original
    reproduces its exact marshal form (the layout is understood)."""
    new_code = code.replace(**changes)
    if sys.version_info < (3, 12) or (code.co_flags & 0x1) or not code.co_varnames:
        return new_code
    try:
        if _marshal_code(code, {}) != marshal.dumps(code, 2):
            return new_code
        return marshal.loads(_marshal_code(code, changes))
    except (ValueError, TypeError, EOFError):
        return new_code
