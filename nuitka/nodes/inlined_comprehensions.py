"""Node of an inlined comprehension (Python 3.12+, PEP 709).

List, set and dict comprehensions have no function of their own: they run
in the enclosing frame, and their iteration variables live in hidden slots
of the enclosing code object's localsplus (a slot shared with an outer
variable of the same name). CPython saves those slots around the
comprehension (LOAD_FAST_AND_CLEAR, a fresh cell when the comprehension
captures the variable, and the saved values stored back however it is
left); see ``nuitka/frontend/inlined_comprehensions.py``.
"""

from .expressions import _expr

# ``first_iter``: the iterator of the first ``for`` (evaluated before the
# slots are saved); ``body``: statements that fill ``result_temp``, reading
# the iterator from ``first_temp``; ``saves``: (temp, slot, make_cell) for
# each slot to save, clear (and give a new cell) and restore afterwards;
# ``wrapped_free_slots``: free slots that get a new cell holding their old
# content after the saves, and keep it (CPython's MAKE_CELL on a free slot).
ExprInlinedComprehension = _expr(
    "ExprInlinedComprehension",
    ("first_iter", "body"),
    ("first_temp", "result_temp", "saves", "wrapped_free_slots"),
)
