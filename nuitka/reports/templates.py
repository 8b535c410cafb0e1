"""``--report-template=TEMPLATE:OUTPUT``: Jinja2 templates over the report data.

``TEMPLATE`` is a template file, or a built-in template by its file name
(``LicenseReport.rst.j2``) or its short name (``license-report``), see
:data:`ALIASES`; ``OUTPUT`` the file to write (relative to the current
directory).  The templates see every key of the report data
(:func:`nuitka.reports.data.collect_report_data`: ``modules``,
``distributions``, ``options``, ``timings``, ...) as a variable, and the
whole of it as ``report``.

Templates are loaded (and their syntax checked) before the compilation
starts, so a bad one costs nothing: :class:`TemplateError` has the one line
for the user.  They are rendered after the compilation, also a failed one.
"""

import os
from pathlib import Path

BUILTIN_DIR = Path(__file__).resolve().parent / "templates"

#: Short names of the built-in templates.
ALIASES = {
    "license-report": "LicenseReport.rst.j2",
    "compilation-report": "CompilationReport.md.j2",
}


class TemplateError(Exception):
    """One line for the user (bad path, syntax error, rendering failure)."""


def builtin_templates():
    return sorted(p.name for p in BUILTIN_DIR.glob("*.j2"))


def _describe_builtins():
    return ", ".join("%s (%s)" % (alias, name) for alias, name in sorted(ALIASES.items()))


def split_spec(text):
    """``(template, output)`` of a ``TEMPLATE:OUTPUT`` value."""
    template, _, output = text.rpartition(":")
    return template, output


def _find_template(template):
    """``(path, label)``: a file given by the user or a built-in one."""
    if template in ALIASES:
        return BUILTIN_DIR / ALIASES[template], template
    if os.sep not in template and (BUILTIN_DIR / template).is_file():
        return BUILTIN_DIR / template, template
    path = Path(os.path.expanduser(template))
    if path.is_file():
        return path.absolute(), template
    if path.exists():
        raise TemplateError("--report-template: '%s' is not a file" % template)
    raise TemplateError(
        "--report-template: no template '%s' (neither a file nor a built-in "
        "template; built-in: %s)" % (template, _describe_builtins())
    )


def _environment():
    try:
        import jinja2
    except ImportError:
        raise TemplateError(
            "--report-template needs the jinja2 package (python3 -m pip install jinja2)"
        ) from None
    return jinja2, jinja2.Environment(
        autoescape=False, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def load_templates(specs):
    """``[(label, jinja2.Template, output Path)]`` for the option values;
    raises TemplateError for a missing template or a syntax error."""
    if not specs:
        return []
    jinja2, env = _environment()
    loaded = []
    for spec in specs:
        template, output = split_spec(spec)
        path, label = _find_template(template)
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise TemplateError("--report-template: cannot read '%s': %s"
                                % (path, getattr(e, "strerror", None) or e)) from None
        try:
            compiled = env.from_string(source)
        except jinja2.TemplateSyntaxError as e:
            raise TemplateError("--report-template: syntax error in '%s' line %s: %s"
                                % (template, e.lineno, e.message)) from None
        loaded.append((label, compiled, Path(os.path.abspath(os.path.expanduser(output)))))
    return loaded


def render_templates(loaded, data):
    """Render each template into its output file; TemplateError on failure
    (an undefined name, an error in a filter...)."""
    from nuitka.reports import write_text_atomically

    variables = dict(data)
    variables["report"] = data
    for label, template, output in loaded:
        try:
            text = template.render(**variables)
        except Exception as e:  # pylint: disable=broad-except
            raise TemplateError("--report-template: rendering '%s' failed: %s: %s"
                                % (label, type(e).__name__, e)) from None
        if not write_text_atomically(output, text, what="report"):
            raise TemplateError("--report-template: cannot write '%s'" % output)
