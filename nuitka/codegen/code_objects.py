"""Synthetic code objects for compiled functions.

A compiled function's code object keeps everything CPython's compiler put
in it (names, argument counts, flags, variable layout, first line), but its
bytecode is replaced: a prefix like CPython's (MAKE_CELL, COPY_FREE_VARS,
RESUME) followed by one NOP per source position the generated C code can be
at. The location table maps NOP number k to the k-th position, so setting
the frame's instruction pointer to that NOP gives tracebacks, ``f_lineno``
and ``co_positions()`` exactly the lines and columns CPython would show.
The bytecode is never executed.
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


def _line_table_310(first_line, lines):
    """The 3.10 ``co_linetable``: pairs of (bytecode delta, line delta), one
    pair per 2-byte instruction here; line delta -128 means "no line"."""
    data = bytearray()
    current = first_line
    for line in lines:
        if line is None or line < 0:
            data += bytes((2, 0x80))
            continue
        delta = line - current
        current = line
        while delta > 127:
            data += bytes((0, 127))
            delta -= 127
        while delta < -127:
            data += bytes((0, 256 - 127))
            delta += 127
        data += bytes((2, delta & 0xFF))
    return bytes(data)


def _build_code_object_310(code, positions, doc):
    """3.10: no cell/free-variable prefix opcodes (the frame set-up makes the
    cells); one leading instruction at the first line (GEN_START for
    generator-like code, as CPython has), so that POS_BASE - 1 is valid,
    then one NOP per position. Columns do not exist in 3.10."""
    if code.co_flags & (0x20 | 0x80 | 0x200):
        lead = OP["GEN_START"]
    else:
        lead = OP["NOP"]
    instructions = [(lead, 0)] + [(OP["NOP"], 0)] * len(positions) + _GUARD
    co_code = bytes(b for op, arg in instructions for b in (op, arg))
    lines = [code.co_firstlineno] + [position[0] for position in positions]
    consts = (doc,) if (code.co_flags & 0x2) else (None,)
    new_code = code.replace(
        co_code=co_code,
        co_linetable=_line_table_310(code.co_firstlineno, lines),
        co_consts=consts,
        co_names=(),
        co_stacksize=1,
    )
    return new_code, 1


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


# The interpreter never runs these code objects for compiled functions, but
# user code can (exec(f.__code__), types.FunctionType(f.__code__, ...)):
# end the bytecode with a raise instead of running off its end.
_GUARD = (
    [(OP["LOAD_ASSERTION_ERROR"], 0), (OP["RAISE_VARARGS"], 1)] if "LOAD_ASSERTION_ERROR" in OP else []
)


def build_code_object(code, positions, cell_slots, nfree, doc=None):
    """Return ``(new_code, first_position_index)``.

    ``positions`` is the list of (line, end_line, col, end_col) tuples the
    generated C code refers to by index; position k is instruction
    ``first_position_index + k``.
    """
    if sys.version_info < (3, 11):
        return _build_code_object_310(code, positions, doc)
    prefix = [(OP["MAKE_CELL"], slot) for slot in cell_slots]
    if nfree:
        prefix.append((OP["COPY_FREE_VARS"], nfree))
    prefix.append((OP["RESUME"], 0))
    first = len(prefix)
    instructions = prefix + [(OP["NOP"], 0)] * len(positions) + _GUARD
    co_code = bytes(b for op, arg in instructions for b in (op, arg))
    table = LocationTable(code.co_firstlineno)
    table.add((code.co_firstlineno, code.co_firstlineno, -1, -1), length=len(prefix))
    for position in positions:
        table.add(position)
    if _GUARD:
        table.add((code.co_firstlineno, code.co_firstlineno, -1, -1), length=len(_GUARD))
    consts = (doc,) if (code.co_flags & 0x2) else (None,)
    changes = dict(
        co_code=co_code,
        co_linetable=bytes(table.data),
        co_exceptiontable=b"",
        co_consts=consts,
        co_names=(),
        co_stacksize=1,
    )
    new_code = _replace_keeping_hidden(code, changes)
    return new_code, first


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


def _replace_keeping_hidden(code, changes):
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
