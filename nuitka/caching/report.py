"""The XML compilation report (``--report=FILE``).

Layout (attributes are always present; the file is written atomically, also
after a failed compilation, then with ``completion="error"``)::

    <?xml version="1.0" encoding="utf-8"?>
    <nuitka-compilation-report nuitka_version="0.1.0" python_version="3.11.7"
                               completion="yes" exit_code="0">
      <module name="__main__" source_path="/abs/prog.py" c_file="module.__main__.c"
              code_cache="hit|miss|disabled"
              object_cache="hit|miss|disabled|none"
              c_compiled="yes|no"/>
      <c_file name="__program.c" module="" object_cache="hit" c_compiled="no"/>
      <cache dir="/home/u/.cache/nuitka" compiler_hash="<sha256>"
             modules="enabled|disabled" ccache="enabled|disabled"/>
      <build c_compiler_runs="0" commands="1"/>
      <timing stage="total" seconds="0.812"/>
      <plugin_decision plugin="anti-bloat" module="pickle" kind="nofollow"
                       detail="doctest" reason="..."/>
      <command_line>--report=r.xml prog.py</command_line>
    </nuitka-compilation-report>

``code_cache`` says whether the module's generated C code came from the
cache (no frontend, optimization or code generation ran for it);
``object_cache`` whether its object file came from the cache and
``c_compiled`` whether the C compiler ran for it in this compilation
(``object_cache="miss"`` with ``c_compiled="no"``: SCons found the object up
to date in the build folder).  ``object_cache="none"`` means the build did
not get that far.  ``c_file`` elements list every C file of the build,
including those that belong to no module (``__program.c``).
``compiler_hash`` identifies the compiler's own sources (part of every module
key): when it differs between two reports, no hit can be expected.
"""

import os
import sys
from pathlib import Path
from typing import Dict, Optional
from xml.sax.saxutils import quoteattr, escape


def write_compilation_report(
    path,
    cache,
    completion: str = "yes",
    exit_code: int = 0,
    timings: Optional[Dict[str, float]] = None,
    argv=None,
    plugin_decisions=(),
) -> None:
    from nuitka.build.cache import get_cache_dir
    from nuitka.caching.keys import get_compiler_hash
    from nuitka.version import get_version_string

    def attrs(**values):
        return " ".join("%s=%s" % (name, quoteattr(str(value))) for name, value in values.items())

    objects = cache.object_cache.results
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<nuitka-compilation-report %s>"
        % attrs(
            nuitka_version=get_version_string(),
            python_version="%d.%d.%d" % sys.version_info[:3],
            completion=completion,
            exit_code=exit_code,
        ),
    ]
    for record in cache.modules:
        c_file = record["c_file"] or ""
        obj = objects.get(c_file)
        lines.append(
            "  <module %s/>"
            % attrs(
                name=record["name"],
                source_path=record["source"],
                c_file=c_file,
                code_cache=record["code"],
                object_cache=obj["cache"] if obj else "none",
                c_compiled="yes" if obj and obj["compiled"] else "no",
            )
        )
    for decision in plugin_decisions:
        lines.append(
            "  <plugin_decision %s/>"
            % attrs(plugin=decision.plugin, module=decision.module, kind=decision.kind,
                    detail=decision.detail, reason=decision.reason)
        )
    for c_file, obj in sorted(objects.items()):
        lines.append(
            "  <c_file %s/>"
            % attrs(
                name=c_file,
                module=cache.c_files.get(c_file, ""),
                object_cache=obj["cache"],
                c_compiled="yes" if obj["compiled"] else "no",
            )
        )
    lines.append(
        "  <cache %s/>"
        % attrs(
            dir=get_cache_dir(),
            compiler_hash=get_compiler_hash(),
            modules="disabled" if cache.code_store is None else "enabled",
            ccache="disabled" if cache.object_cache.store is None else "enabled",
        )
    )
    build_commands = cache.object_cache.commands
    if build_commands is not None:
        c_runs = sum(1 for command in build_commands if "-c" in [str(a) for a in command])
        lines.append("  <build %s/>" % attrs(c_compiler_runs=c_runs, commands=len(build_commands)))
    for stage, seconds in (timings or {}).items():
        lines.append("  <timing %s/>" % attrs(stage=stage, seconds="%.3f" % seconds))
    if argv is not None:
        lines.append("  <command_line>%s</command_line>" % escape(" ".join(argv)))
    lines.append("</nuitka-compilation-report>")

    path = Path(path)
    tmp = path.with_name(".%s.tmp-%d" % (path.name, os.getpid()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        try:
            tmp.unlink()
        except OSError:
            pass
        sys.stderr.write("nuitka: warning: cannot write report '%s': %s\n" % (path, e))
