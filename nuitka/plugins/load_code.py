"""Putting the plugins' ``code_before_load``/``code_after_load`` into a
module, keeping the line numbers of the module's own code.

The code before runs after the module's docstring and ``from __future__``
imports (which must stay first), the code after at the end of its body.

* :func:`add_code_to_tree` for modules carried as bytecode: the plugin
  code's statements join the module's AST, each keeping its own line
  numbers;
* :func:`add_code_to_source` for compiled modules (source text): the code
  before becomes one ``exec(...)`` statement put in front of the first
  statement on its line when that is a simple statement (no line moves),
  otherwise on a line of its own before it.
"""

import ast


def _first_body_index(body):
    index = 0
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        index = 1
    while index < len(body) and isinstance(body[index], ast.ImportFrom) \
            and body[index].module == "__future__":
        index += 1
    return index


def add_code_to_tree(tree, before, after, filename="<plugin code>"):
    """``tree`` (an ``ast.Module``) with the code strings added."""
    if before:
        index = _first_body_index(tree.body)
        tree.body[index:index] = ast.parse(before, filename).body
    if after:
        tree.body.extend(ast.parse(after, filename).body)
    return tree


_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor,
             ast.While, ast.With, ast.AsyncWith, ast.Try) + tuple(
                 getattr(ast, name) for name in ("TryStar", "Match") if hasattr(ast, name))


def add_code_to_source(source, before, after):
    """``source`` (text) with the code strings added; unchanged when it
    does not parse (the frontend reports that)."""
    if not before and not after:
        return source
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return source
    if before:
        compile(before, "<plugin code>", "exec")  # a plugin's syntax error: its own
        statement = "exec(%r)" % before
        index = _first_body_index(tree.body)
        lines = source.splitlines(keepends=True)
        if index >= len(tree.body):
            source = source.rstrip("\n") + "\n" + statement + "\n"
        else:
            node = tree.body[index]
            line = node.lineno - 1
            if getattr(node, "decorator_list", None):
                line = node.decorator_list[0].lineno - 1
            if isinstance(node, _COMPOUND) or node.col_offset != 0:
                lines.insert(line, statement + "\n")
            else:
                lines[line] = statement + "; " + lines[line]
            source = "".join(lines)
    if after:
        source = source.rstrip("\n") + "\n" + after.rstrip("\n") + "\n"
    return source
