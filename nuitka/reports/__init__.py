"""Reports of a compilation: ``--report=FILE.xml`` and ``--report-template``.

:func:`write_reports` is called by the session at the end of every
compilation (also a failed one).  The facts come from
:func:`nuitka.reports.data.collect_report_data` (one structure for every
view); :mod:`.xml_report` writes the XML, :mod:`.templates` renders Jinja2
templates over the same data.  Time and memory per stage are measured with
:mod:`.timing`.
"""

import os
import sys
from pathlib import Path


def write_text_atomically(path, text, what="report"):
    """Write ``text`` to ``path`` (tmp file + rename); a failure is one
    warning line, never an exception (the compilation itself succeeded)."""
    path = Path(path)
    tmp = path.with_name(".%s.tmp-%d" % (path.name, os.getpid()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return True
    except OSError as e:
        try:
            tmp.unlink()
        except OSError:
            pass
        sys.stderr.write("nuitka: warning: cannot write %s '%s': %s\n" % (what, path, e.strerror or e))
        return False


def write_reports(session, cache, exit_code, argv):
    """``--report`` (and the template renderings): written after the
    compilation, whatever its outcome."""
    from .data import collect_report_data
    from .xml_report import report_xml

    options = session.options
    data = collect_report_data(session, cache, exit_code, argv)
    if options.report_path:
        write_text_atomically(options.report_path, report_xml(data))
    templates = getattr(session, "report_templates", None)
    if templates:
        from .templates import render_templates

        render_templates(templates, data)
    return data
