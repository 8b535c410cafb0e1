"""The restricted evaluator of ``when:`` conditions in package configuration.

A condition is one Python expression, e.g. ``'standalone and not
deployment'`` or ``'version("numpy") >= (2,)'``.  It is parsed with ``ast``
and only these forms are evaluated; anything else is an error naming the
offending part (no ``eval``, no attribute access, no other calls):

* the names of :func:`condition_names` (``standalone``, ``onefile``,
  ``module``, ``accelerated``, ``deployment``, ``linux``, ``macos``,
  ``windows``, ``python_version`` as a tuple like ``(3, 11)``, ...);
* constants (strings, numbers, ``True``/``False``/``None``) and tuples;
* ``and``, ``or``, ``not``, comparisons (``== != < <= > >= in not in``)
  and ``x if c else y``;
* the calls ``version("dist-name")`` (the installed version as a tuple of
  ints, ``None`` when not installed), ``plugin("name")`` (whether a plugin
  is enabled) and ``has_module("name")`` (whether the compiling Python can
  import it, without importing it).
"""

import ast
import importlib.util
import operator
import re
import sys

_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
}


class ConditionError(Exception):
    """A condition that is not allowed or cannot be evaluated."""


def version_tuple(text):
    """``"2.1.0rc1"`` -> ``(2, 1, 0)``: the leading numeric release part."""
    parts = []
    for piece in str(text).split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    return tuple(parts)


def installed_version(distribution):
    """Version tuple of an installed distribution, or None."""
    from importlib import metadata

    try:
        return version_tuple(metadata.version(distribution))
    except metadata.PackageNotFoundError:
        return None


def condition_names(mode, deployment, python_version=None, platform=None):
    """The variables conditions can use. ``mode`` is one of ``accelerated``,
    ``module``, ``standalone``, ``onefile``."""
    platform = platform or sys.platform
    python_version = tuple(python_version or sys.version_info[:2])
    return {
        "accelerated": mode == "accelerated",
        "module": mode == "module",
        "standalone": mode in ("standalone", "onefile"),
        "onefile": mode == "onefile",
        "deployment": bool(deployment),
        "linux": platform.startswith("linux"),
        "macos": platform == "darwin",
        "windows": platform in ("win32", "cygwin"),
        "python_version": python_version,
        "python310_or_higher": python_version >= (3, 10),
        "python311_or_higher": python_version >= (3, 11),
        "python312_or_higher": python_version >= (3, 12),
        "python313_or_higher": python_version >= (3, 13),
    }


class ConditionEvaluator:
    """Evaluates conditions against fixed names and functions."""

    def __init__(self, names, plugin_enabled=lambda name: False,
                 version=installed_version, has_module=None):
        self.names = dict(names)
        self.functions = {
            "version": version,
            "plugin": plugin_enabled,
            "has_module": has_module or _has_module,
        }
        self._cache = {}

    def check(self, text):
        """Parse only: raise ConditionError for a condition not allowed."""
        self._parse(text)

    def evaluate(self, text):
        tree = self._parse(text)
        return bool(self._eval(tree.body))

    def _parse(self, text):
        if text in self._cache:
            return self._cache[text]
        if not isinstance(text, str):
            raise ConditionError("a condition must be a string, not %s" % type(text).__name__)
        try:
            tree = ast.parse(text.strip(), mode="eval")
        except SyntaxError as e:
            raise ConditionError("condition %r is not a valid expression (%s)" % (text, e.msg)) from None
        for node in ast.walk(tree):
            self._allowed(node, text)
        self._cache[text] = tree
        return tree

    def _allowed(self, node, text):
        if isinstance(node, (ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.Not,
                             ast.UnaryOp, ast.USub, ast.Compare, ast.IfExp,
                             ast.Tuple, ast.Load)) or type(node) in _COMPARE:
            if isinstance(node, ast.UnaryOp) and not isinstance(node.op, (ast.Not, ast.USub)):
                raise ConditionError("condition %r: operator not allowed" % text)
            return
        if isinstance(node, ast.Constant):
            return
        if isinstance(node, ast.Name):
            if node.id not in self.names and node.id not in self.functions:
                raise ConditionError(
                    "condition %r: unknown name '%s' (known: %s)"
                    % (text, node.id, ", ".join(sorted(self.names)))
                )
            return
        if isinstance(node, ast.Call):
            if (not isinstance(node.func, ast.Name) or node.func.id not in self.functions
                    or node.keywords or len(node.args) != 1
                    or not isinstance(node.args[0], ast.Constant)
                    or not isinstance(node.args[0].value, str)):
                raise ConditionError(
                    "condition %r: only version(\"name\"), plugin(\"name\") and "
                    "has_module(\"name\") calls with one string are allowed" % text
                )
            return
        raise ConditionError("condition %r: '%s' is not allowed" % (text, type(node).__name__))

    def _eval(self, node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return self.names[node.id]
            raise ConditionError("'%s' is a function: call it" % node.id)
        if isinstance(node, ast.Tuple):
            return tuple(self._eval(e) for e in node.elts)
        if isinstance(node, ast.BoolOp):
            if isinstance(node.op, ast.And):
                result = True
                for value in node.values:
                    result = self._eval(value)
                    if not result:
                        return result
                return result
            result = False
            for value in node.values:
                result = self._eval(value)
                if result:
                    return result
            return result
        if isinstance(node, ast.UnaryOp):
            value = self._eval(node.operand)
            return (not value) if isinstance(node.op, ast.Not) else -value
        if isinstance(node, ast.IfExp):
            return self._eval(node.body) if self._eval(node.test) else self._eval(node.orelse)
        if isinstance(node, ast.Compare):
            left = self._eval(node.left)
            for op, right_node in zip(node.ops, node.comparators):
                right = self._eval(right_node)
                try:
                    if not _COMPARE[type(op)](left, right):
                        return False
                except TypeError:
                    # version("x") of a missing package is None: compares false.
                    return False
                left = right
            return True
        if isinstance(node, ast.Call):
            return self.functions[node.func.id](node.args[0].value)
        raise ConditionError("cannot evaluate '%s'" % type(node).__name__)


def _has_module(name):
    """Whether ``name`` can be found, without importing it or its parents."""
    import importlib.machinery

    parts = name.split(".")
    try:
        spec = importlib.util.find_spec(parts[0]) if parts[0] not in sys.modules else sys.modules[parts[0]].__spec__
        for i in range(1, len(parts)):
            if spec is None or not spec.submodule_search_locations:
                return False
            spec = importlib.machinery.PathFinder.find_spec(
                ".".join(parts[: i + 1]), list(spec.submodule_search_locations)
            )
        return spec is not None
    except (ImportError, ValueError, AttributeError):
        return False
