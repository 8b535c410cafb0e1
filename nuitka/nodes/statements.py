"""Statement nodes of the core tree."""

from .base import StatementBase


def _stmt(kind, children=(), attributes=()):
    return type(
        kind,
        (StatementBase,),
        {"kind": kind, "child_names": tuple(children), "attribute_names": tuple(attributes)},
    )


StmtExpression = _stmt("StmtExpression", ("expression",))
StmtAssignVariable = _stmt("StmtAssignVariable", ("value",), ("variable",))
StmtAssignTemp = _stmt("StmtAssignTemp", ("value",), ("temp",))
StmtReleaseTemp = _stmt("StmtReleaseTemp", (), ("temp",))
StmtAssignAttribute = _stmt("StmtAssignAttribute", ("source", "value"), ("name",))
StmtAssignSubscript = _stmt("StmtAssignSubscript", ("source", "index", "value"))
StmtDelVariable = _stmt("StmtDelVariable", (), ("variable",))
StmtDelAttribute = _stmt("StmtDelAttribute", ("source",), ("name",))
StmtDelSubscript = _stmt("StmtDelSubscript", ("source", "index"))

StmtIf = _stmt("StmtIf", ("condition", "yes", "no"))
# An endless loop, left with break (or return/raise).
StmtLoop = _stmt("StmtLoop", ("body",))
# Assigns the next value of the iterator in a temp, breaking the innermost
# loop when exhausted.
StmtLoopNext = _stmt("StmtLoopNext", ("iterator",), ("temp", "else_indicator"))
StmtBreak = _stmt("StmtBreak")
StmtContinue = _stmt("StmtContinue")
StmtReturn = _stmt("StmtReturn", ("value",))
StmtRaise = _stmt("StmtRaise", ("exception", "cause"))
# Re-raise the exception currently being handled (bare ``raise``).
# ``position`` is where the frame's line is afterwards, as CPython's RERAISE
# leaves it: "statement" (the node's own position, a user's bare raise),
# "origin" (where the handled exception was raised in this frame, like
# ``RERAISE 1``), or None (unchanged).
StmtReraise = _stmt("StmtReraise", (), ("position",))
# ``handler`` runs with the caught exception as the handled one
# (sys.exc_info); it must end by leaving or by StmtReraise.
StmtTryExcept = _stmt("StmtTryExcept", ("body", "handler"))
# ``user``: a ``finally`` of the program (the exception leaves at the
# position of its last statement); otherwise a reformulation's clean-up,
# after which the frame is back where the exception was raised.
StmtTryFinally = _stmt("StmtTryFinally", ("body", "final"), ("user",))
StmtImportStar = _stmt("StmtImportStar", ("module",))
# Sets the line for code that has no other operation (e.g. ``pass``).
StmtPass = _stmt("StmtPass")
# Owns temps: they are released whenever the block is left (normally, by
# break/continue/return, or by an exception).
StmtTempBlock = _stmt("StmtTempBlock", ("body",), ("temps",))
# Adds to a comprehension's container (list append, set add, dict item).
StmtContainerAdd = _stmt("StmtContainerAdd", ("container", "key", "value"), ("container_kind",))
# Class bodies with annotations: ``__annotations__ = {}`` unless the
# namespace (maybe a metaclass __prepare__ mapping) already has one, like
# CPython's SETUP_ANNOTATIONS.
StmtSetupAnnotations = _stmt("StmtSetupAnnotations")
