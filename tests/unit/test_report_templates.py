"""The built-in report templates (nuitka/reports/templates) and template
loading, over made-up report data (no compilation)."""

import pytest

from nuitka.reports.templates import ALIASES, TemplateError, builtin_templates, load_templates, render_templates

from test_reports_xml import sample_data


def data():
    result = sample_data(reason="a | b")
    result["program"] = "prog.py"
    result["distributions"] = [{
        "name": "mylib", "version": "2.5", "license": "MIT", "classifiers": [],
        "license_files": [{"name": "LICENSE", "text": "MIT License\n\nline two\n"}],
        "packages": ["mylib"], "homepage": "",
    }]
    return result


def test_aliases_name_builtin_files():
    assert set(ALIASES.values()) <= set(builtin_templates())


@pytest.mark.parametrize("name", sorted(ALIASES) + builtin_templates())
def test_builtin_templates_render(tmp_path, name):
    loaded = load_templates(["%s:%s" % (name, tmp_path / "out.txt")])
    render_templates(loaded, data())
    text = (tmp_path / "out.txt").read_text()
    assert "prog.py" in text
    if "license" in name.lower():
        assert "mylib 2.5\n---------" in text and "    MIT License\n" in text
    else:
        assert "| `weird` | missing | a \\| b |" in text


def test_license_report_without_distributions(tmp_path):
    values = data()
    values["distributions"] = []
    render_templates(load_templates(["license-report:%s" % (tmp_path / "l.rst")]), values)
    assert "uses no installed distribution" in (tmp_path / "l.rst").read_text()


def test_errors_are_one_line(tmp_path):
    (tmp_path / "undefined.j2").write_text("{{ no_such_name }}")
    loaded = load_templates(["%s:%s" % (tmp_path / "undefined.j2", tmp_path / "o")])
    with pytest.raises(TemplateError) as info:
        render_templates(loaded, data())
    assert "rendering" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(TemplateError) as info:
        load_templates(["%s:o" % tmp_path])
    assert "is not a file" in str(info.value)
