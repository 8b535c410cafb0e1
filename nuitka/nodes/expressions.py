"""Expression nodes of the core tree."""

from .base import ExpressionBase


def _expr(kind, children=(), attributes=()):
    return type(
        kind,
        (ExpressionBase,),
        {"kind": kind, "child_names": tuple(children), "attribute_names": tuple(attributes)},
    )


# Values and variables
ExprConstant = _expr("ExprConstant", attributes=("value",))
ExprVariableRef = _expr("ExprVariableRef", attributes=("variable",))
ExprTempRef = _expr("ExprTempRef", attributes=("temp",))
# Assigns the value to a variable and produces it (walrus).
ExprAssignVariable = _expr("ExprAssignVariable", ("value",), ("variable",))

# Operations
ExprAttribute = _expr("ExprAttribute", ("source",), ("name",))
ExprSubscript = _expr("ExprSubscript", ("source", "index"))
ExprSlice = _expr("ExprSlice", ("lower", "upper", "step"))
ExprBinary = _expr("ExprBinary", ("left", "right"), ("op",))
ExprInplace = _expr("ExprInplace", ("left", "right"), ("op",))
ExprUnary = _expr("ExprUnary", ("operand",), ("op",))
ExprNot = _expr("ExprNot", ("operand",))
ExprCompare = _expr("ExprCompare", ("left", "right"), ("op",))
ExprAnd = _expr("ExprAnd", ("left", "right"))
ExprOr = _expr("ExprOr", ("left", "right"))
ExprConditional = _expr("ExprConditional", ("condition", "yes", "no"))

# Calls: positional parts are (expression, is_star) pairs stored as two
# parallel lists; keyword parts have a name, or None for ``**mapping``.
ExprCall = _expr(
    "ExprCall",
    ("func", "args", "kw_values"),
    ("star_flags", "kw_names"),
)
# Calls the optimizer expects to reach a function of this program
# (``target``, its scope; nuitka/optimization/direct_calls.py): ``f(...)``
# of a module global and ``obj.m(...)`` (``func`` is the ExprAttribute).
# Code generation guards the guess at run time and calls the function's
# fast entry, else makes the generic call.
ExprCallDirect = _expr(
    "ExprCallDirect",
    ("func", "args", "kw_values"),
    ("star_flags", "kw_names", "target"),
)
ExprCallMethodDirect = _expr(
    "ExprCallMethodDirect",
    ("func", "args", "kw_values"),
    ("star_flags", "kw_names", "target"),
)

# Displays; for list/tuple/set ``star_flags`` marks ``*x`` elements; for dict,
# a key of None marks ``**x``.
ExprMakeList = _expr("ExprMakeList", ("elements",), ("star_flags",))
ExprMakeTuple = _expr("ExprMakeTuple", ("elements",), ("star_flags",))
ExprMakeSet = _expr("ExprMakeSet", ("elements",), ("star_flags",))
ExprMakeDict = _expr("ExprMakeDict", ("keys", "values"))

# f-strings
ExprFormatValue = _expr("ExprFormatValue", ("value", "spec"), ("conversion",))
ExprJoinStr = _expr("ExprJoinStr", ("values",))

# Functions and classes
ExprMakeFunction = _expr(
    "ExprMakeFunction",
    ("defaults", "kw_default_values", "annotation_values"),
    ("scope", "kw_default_names", "annotation_names"),
)
ExprBuildClass = _expr(
    "ExprBuildClass",
    ("bases", "kw_values"),
    ("scope", "star_flags", "kw_names"),
)

# Generators
ExprYield = _expr("ExprYield", ("value",))
ExprYieldFrom = _expr("ExprYieldFrom", ("value",))
ExprAwait = _expr("ExprAwait", ("value",), ("await_kind",))

# Imports
ExprImportName = _expr("ExprImportName", (), ("module_name", "fromlist", "level"))
ExprImportFrom = _expr("ExprImportFrom", ("module",), ("name",))

# Unpacking: produces a tuple of exactly ``count`` items (the starred one,
# at ``star_index`` if not None, is a list), with CPython's error messages.
ExprUnpack = _expr("ExprUnpack", ("value",), ("count", "star_index"))
# Borrowed item of a tuple held in a temp (only used on ExprUnpack results).
ExprTupleItem = _expr("ExprTupleItem", ("source",), ("index",))

# Exception handling
ExprCaughtException = _expr("ExprCaughtException", ())
ExprExceptionMatch = _expr("ExprExceptionMatch", ("exc_type",))

# Iteration
ExprIter = _expr("ExprIter", ("value",))
# Next value of an iterator, or NULL at the end: only used by loops.
ExprIterNext = _expr("ExprIterNext", ("iterator",))

# Runs statements then produces the value of an expression (used by
# reformulations that need statements inside an expression).
ExprOutline = _expr("ExprOutline", ("body", "result"), ("release_temps",))
# Assigns the value to a temp and produces it.
ExprAssignTemp = _expr("ExprAssignTemp", ("value",), ("temp",))
# ``with``: looks up __enter__/__exit__ like CPython, stores the bound
# __exit__ in ``exit_temp`` and produces the result of calling __enter__.
ExprWithEnter = _expr("ExprWithEnter", ("manager",), ("exit_temp",))
# Calls the bound __exit__ with the exception being handled, or with
# (None, None, None) when ``with_exception`` is false.
ExprWithExit = _expr("ExprWithExit", (), ("exit_temp", "with_exception"))
