"""Nodes for ``try``/``except*`` (PEP 654), see ``nuitka/frontend/try_star.py``."""

from .base import StatementBase


class StmtExceptionGroupMatch(StatementBase):
    """CHECK_EG_MATCH: evaluates ``exc_type``, validates it, and splits the
    exception held in ``rest_temp``: ``match_temp`` gets the matching part
    (or None) and, on a match, ``rest_temp`` the rest (or None) and the
    match becomes the handled exception (``sys.exc_info()``)."""

    kind = "StmtExceptionGroupMatch"
    child_names = ("exc_type",)
    attribute_names = ("rest_temp", "match_temp")


class StmtReraiseStar(StatementBase):
    """PREP_RERAISE_STAR then RERAISE: combines the original exception
    (``orig``), the exceptions raised or re-raised by the clauses (a list in
    ``raised_temp``) and the unhandled rest (``rest_temp``); raises the
    result, if any, without adding a traceback entry."""

    kind = "StmtReraiseStar"
    child_names = ("orig",)
    attribute_names = ("raised_temp", "rest_temp")


class StmtExceptStarClause(StatementBase):
    """The body of one matching ``except*`` clause: it runs with the match
    (in ``match_temp``) as the exception being handled, so a bare ``raise``
    re-raises the match, like CPython."""

    kind = "StmtExceptStarClause"
    child_names = ("body",)
    attribute_names = ("match_temp",)
