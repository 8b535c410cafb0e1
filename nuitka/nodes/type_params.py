"""Nodes of PEP 695 (Python 3.12+): type parameters, generic functions and
classes, type aliases (see ``nuitka/frontend/type_params.py``)."""

from .expressions import _expr

# CPython's CALL_INTRINSIC_1/2 ``intrinsic`` (a name of INTRINSICS in
# codegen/type_params.py) on the values of ``args`` (one or two).
ExprIntrinsic = _expr("ExprIntrinsic", ("args",), ("intrinsic",))

# A name load in an annotation scope that can see the enclosing class's
# namespace (LOAD_FROM_DICT_OR_GLOBALS / LOAD_FROM_DICT_OR_DEREF): the class
# dict (through the ``classdict`` free variable) first, then ``variable``
# (a global or a cell/free variable).
ExprClassDictLoad = _expr("ExprClassDictLoad", (), ("variable", "classdict"))

# In a class body: the namespace itself (LOAD_LOCALS), and the cell object
# of slot ``slot`` (LOAD_CLOSURE), for __classdict__ / __classdictcell__.
ExprClassNamespace = _expr("ExprClassNamespace")
ExprCellObject = _expr("ExprCellObject", (), ("slot",))
