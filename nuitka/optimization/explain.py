"""What the optimizer changed, where and why (``--explain-optimizations``)."""

from dataclasses import dataclass
from typing import List


@dataclass(frozen=True)
class Explanation:
    filename: str
    line: int
    #: The pass that made the change (e.g. "unpacking").
    pass_name: str
    #: What changed and why, one sentence.
    text: str

    def format(self):
        return "%s:%d: [%s] %s" % (self.filename, self.line, self.pass_name, self.text)


class Explainer:
    """Collects the explanations of one module's optimization."""

    def __init__(self, filename):
        self.filename = filename
        self.items: List[Explanation] = []

    def note(self, pass_name, node, text):
        line = node.source_ref.line if node.source_ref is not None else 0
        self.items.append(Explanation(self.filename, line, pass_name, text))

    def format(self):
        """One line per change, in source order (stable for equal lines)."""
        return "".join(item.format() + "\n" for item in sorted(self.items, key=lambda e: e.line))
