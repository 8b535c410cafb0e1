"""Nodes the optimizer lowers tuple-target assignments to.

The frontend turns ``a, b = value`` into an ``ExprUnpack`` (a tuple of the
values, CPython's checks and errors) held in a temp, then one assignment per
target from ``ExprTupleItem``. ``nuitka/optimization/unpacking.py`` rewrites
that into these nodes, which build no intermediate tuple.
"""

from .expressions import _expr
from .statements import _stmt

# Unpacks ``value`` (exactly as UNPACK_SEQUENCE / UNPACK_EX) straight into
# the local (fast, non-cell) ``variables`` of the running function, stored
# left to right once every value was taken: nothing is assigned when the
# unpacking fails.
StmtUnpackLocals = _stmt("StmtUnpackLocals", ("value",), ("variables", "star_index"))
# Unpacks ``value`` into ``temps`` (one owned value each, the starred one a
# list); the targets then take them one by one (``ExprTempTake``).
StmtUnpackTemps = _stmt("StmtUnpackTemps", ("value",), ("temps", "star_index"))
# The value of a temp, moved out of it: the temp is empty afterwards, so the
# value lives only as long as whoever takes it keeps it.
ExprTempTake = _expr("ExprTempTake", attributes=("temp",))
