"""Base classes of the node tree: nodes, source references, XML dumping."""

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr


@dataclass(frozen=True)
class SourceRef:
    """Where a node comes from: the CPython location of the AST node."""

    line: int
    col: int = -1
    end_line: int = -1
    end_col: int = -1

    @classmethod
    def from_ast(cls, node):
        return cls(
            node.lineno,
            getattr(node, "col_offset", -1),
            getattr(node, "end_lineno", None) or node.lineno,
            getattr(node, "end_col_offset", None)
            if getattr(node, "end_col_offset", None) is not None
            else -1,
        )

    def as_tuple(self):
        return (self.line, self.end_line, self.col, self.end_col)


class Node:
    """A node of the core tree.

    Subclasses declare ``kind`` (a short name used in XML dumps and by the
    code generator's emitter registry), ``child_names`` (attributes holding a
    node, ``None``, or a list of nodes) and ``attribute_names`` (plain values
    shown in dumps).
    """

    kind = None
    child_names = ()
    attribute_names = ()

    registry = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.kind is not None:
            assert cls.kind not in Node.registry, cls.kind
            Node.registry[cls.kind] = cls

    def __init__(self, source_ref=None, **values):
        self.source_ref = source_ref
        for name in self.child_names + self.attribute_names:
            setattr(self, name, values.pop(name, None))
        assert not values, (type(self).__name__, values)

    def children(self):
        for name in self.child_names:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, list):
                yield from (v for v in value if v is not None)
            else:
                yield value

    def walk(self):
        """All nodes below and including this one, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()

    def __repr__(self):
        return "<%s line %s>" % (
            self.kind,
            self.source_ref.line if self.source_ref else "?",
        )

    def attribute_text(self, name):
        value = getattr(self, name)
        if hasattr(value, "xml_name"):
            return value.xml_name()
        if isinstance(value, list) and value and all(hasattr(v, "xml_name") for v in value):
            # e.g. a temp block's temps: names, not object addresses
            return "[%s]" % ", ".join(v.xml_name() for v in value)
        return repr(value)

    def to_xml(self, indent=0):
        pad = "  " * indent
        attrs = "".join(
            " %s=%s" % (name, quoteattr(self.attribute_text(name)))
            for name in self.attribute_names
        )
        if self.source_ref is not None:
            attrs += ' line="%d"' % self.source_ref.line
        shape = getattr(self, "shape", None)
        if shape:
            # what the optimizer knows of the value (optimization/shapes.py)
            attrs += ' shape="%s"' % "|".join(sorted(shape))
        lines = []
        inner = []
        for name in self.child_names:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, list):
                if not value:
                    continue
                inner.append('%s  <role name="%s">' % (pad, name))
                for v in value:
                    inner.append(v.to_xml(indent + 2))
                inner.append("%s  </role>" % pad)
            else:
                inner.append('%s  <role name="%s">' % (pad, name))
                inner.append(value.to_xml(indent + 2))
                inner.append("%s  </role>" % pad)
        if inner:
            lines.append('%s<node kind="%s"%s>' % (pad, self.kind, attrs))
            lines.extend(inner)
            lines.append("%s</node>" % pad)
        else:
            lines.append('%s<node kind="%s"%s/>' % (pad, self.kind, attrs))
        return "\n".join(lines)


class ExpressionBase(Node):
    """Nodes that produce a value."""


class StatementBase(Node):
    """Nodes executed for their effect."""
