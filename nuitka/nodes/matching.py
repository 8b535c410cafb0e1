"""Expression nodes for the primitives of structural pattern matching.

The ``match`` statement is reformulated (``nuitka/frontend/matching.py``)
into core nodes; these few nodes stand for the checks that are not plain
Python operations (CPython's MATCH_MAPPING, MATCH_SEQUENCE, GET_LEN,
MATCH_KEYS, MATCH_CLASS opcodes and the ``**rest`` copy).
"""

from .expressions import _expr

# True/False: whether the subject's type has Py_TPFLAGS_MAPPING
# (``match_kind`` "mapping") or Py_TPFLAGS_SEQUENCE ("sequence").
ExprMatchTypeCheck = _expr("ExprMatchTypeCheck", ("subject",), ("match_kind",))
# len(subject) as an int, without a lookup of the name ``len``.
ExprMatchLen = _expr("ExprMatchLen", ("subject",))
# Tuple of the values of the keys (a tuple) in the subject, or None when
# one is missing; ValueError for duplicate keys.
ExprMatchKeys = _expr("ExprMatchKeys", ("subject", "keys"))
# Tuple of the attributes for ``nargs`` positional sub-patterns (through
# ``__match_args__``) and the ``kw_names``, or None when the subject is not
# an instance or lacks one of them; CPython's TypeErrors otherwise.
ExprMatchClass = _expr("ExprMatchClass", ("subject", "cls"), ("nargs", "kw_names"))
# dict(subject) without the keys (a tuple): the value of ``**rest``.
ExprMatchRest = _expr("ExprMatchRest", ("subject", "keys"))
