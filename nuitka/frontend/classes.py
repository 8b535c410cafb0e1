"""Class definitions: the body becomes a function run over the namespace
that the metaclass prepares; the runtime does ``__build_class__``'s job."""

import sys

from nuitka.nodes import expressions as E
from nuitka.nodes import statements as St

from .building import sref
from .functions import _docstring, assign_decorated
from .scoping import class_body_constants


def build_class_def(builder, node):
    if getattr(node, "type_params", None):
        from .type_params import build_generic_class

        return build_generic_class(builder, node)
    ref = sref(node)
    decorators = builder.exprs(node.decorator_list)
    bases, flags = builder._elements(node.bases)
    kw_names = [k.arg for k in node.keywords]
    kw_values = [builder.expr(k.value) for k in node.keywords]
    scope = build_class_body(builder, node)
    value = E.ExprBuildClass(
        ref,
        scope=scope,
        bases=bases,
        star_flags=flags,
        kw_names=kw_names,
        kw_values=kw_values,
    )
    return assign_decorated(builder, node, ref, decorators, value)


def build_class_body(builder, node, generic=False):
    """The class body's scope. ``generic``: the class has type parameters
    (PEP 695): its body starts by setting ``__type_params__``."""
    from .type_params import class_dict_cell_statements

    ref = sref(node)
    scope, info = builder.new_scope(node, "class", node.name)
    saved = builder.enter(scope, info)
    try:
        doc, body_nodes = _docstring(node, None, builder.strip_docstrings)
        body = [
            St.StmtAssignVariable(
                ref,
                variable=builder.variable("__module__"),
                value=E.ExprVariableRef(ref, variable=builder.variable("__name__")),
            ),
            St.StmtAssignVariable(
                ref,
                variable=builder.variable("__qualname__"),
                value=E.ExprConstant(ref, value=scope.qualname),
            ),
        ]
        if sys.version_info >= (3, 13):
            body.append(
                St.StmtAssignVariable(
                    ref,
                    variable=builder.variable("__firstlineno__"),
                    value=E.ExprConstant(
                        ref, value=class_body_constants(info.code).get("__firstlineno__", node.lineno)
                    ),
                )
            )
        classdict_set, classdict_store = class_dict_cell_statements(builder, scope, info, ref, generic)
        body.extend(classdict_set)
        if doc is not None:
            scope.doc = doc
            body.append(
                St.StmtAssignVariable(
                    sref(node.body[0]),
                    variable=builder.variable("__doc__"),
                    value=E.ExprConstant(ref, value=doc),
                )
            )
        if builder._has_annotations(node.body):
            body.append(St.StmtSetupAnnotations(sref(node.body[0])))
        body.extend(builder.statements(body_nodes))
        if sys.version_info >= (3, 13):
            body.append(
                St.StmtAssignVariable(
                    ref,
                    variable=builder.variable("__static_attributes__"),
                    value=E.ExprConstant(
                        ref, value=class_body_constants(info.code).get("__static_attributes__", ())
                    ),
                )
            )
        body.extend(classdict_store)
        scope.has_class_cell = "__class__" in info.code.co_cellvars
        scope.body = body
    finally:
        builder.leave(saved)
    return scope
