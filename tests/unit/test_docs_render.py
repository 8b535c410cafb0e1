"""README.rst and the manuals are valid reStructuredText (a malformed table
or section renders as garbage on PyPI and GitHub)."""

from pathlib import Path

import pytest

docutils_core = pytest.importorskip("docutils.core")

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["README.rst", "doc/user-manual.rst", "doc/developer-manual.rst"])
def test_renders_without_errors(name):
    import io

    messages = io.StringIO()
    docutils_core.publish_doctree(
        (ROOT / name).read_text(),
        source_path=name,
        settings_overrides={"report_level": 3, "halt_level": 5, "warning_stream": messages},
    )
    assert messages.getvalue() == "", messages.getvalue()
