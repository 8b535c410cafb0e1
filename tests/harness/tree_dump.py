"""The optimized node tree of a small module, for tests/optimizations."""

import re
import textwrap

from nuitka.pipeline import generate_module_c


def pipeline(tmp_path, source):
    """``source`` (dedented) as the main module: its ModuleCode with the
    ``--xml`` dump, the explanations and the C."""
    path = tmp_path / "prog.py"
    path.write_text(textwrap.dedent(source))
    return generate_module_c(str(path), "__main__", "m_prog", want_xml=True)


def kinds(xml):
    """The node kinds of an ``--xml`` dump, in order."""
    return re.findall(r'<node kind="(\w+)"', xml)
