"""Walking and rewriting the core node tree for the optimization passes."""

from nuitka.nodes.base import StatementBase


def rewrite_statements(node, rewrite):
    """Apply ``rewrite(statement)`` bottom-up to every statement below ``node``.

    ``rewrite`` returns ``None`` (keep the statement) or a list of statements
    that replaces it. Children are rewritten before their parent, so a rewrite
    sees already optimized children. Scopes of nested functions and classes
    are not children (they are rewritten as scopes of their own).
    """
    for name in node.child_names:
        value = getattr(node, name)
        if isinstance(value, list):
            if not any(isinstance(item, StatementBase) for item in value):
                for item in value:
                    if item is not None:
                        rewrite_statements(item, rewrite)
                continue
            result = []
            for statement in value:
                rewrite_statements(statement, rewrite)
                replacement = rewrite(statement)
                if replacement is None:
                    result.append(statement)
                else:
                    result.extend(replacement)
            setattr(node, name, result)
        elif value is not None:
            rewrite_statements(value, rewrite)


def replace_node(root, old, new):
    """Replace the node ``old`` (by identity) below ``root`` with ``new``;
    returns whether it was found."""
    for name in root.child_names:
        value = getattr(root, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is old:
                    value[i] = new
                    return True
                if item is not None and replace_node(item, old, new):
                    return True
        elif value is old:
            setattr(root, name, new)
            return True
        elif value is not None and replace_node(value, old, new):
            return True
    return False
