"""Constant values of the node tree that need more than their value."""


class OrderedFrozenset(frozenset):
    """A folded frozenset constant (``for x in {1, 2, 3}``, ``x in {...}``,
    a set display's items) that remembers its items in source order: the
    runtime makes it from them as CPython does, so iterating it gives
    CPython's order with the program's own string hashes."""

    def __new__(cls, items):
        result = super().__new__(cls, items)
        result.source_items = tuple(items)
        return result
