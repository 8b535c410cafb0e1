"""The facts of one compilation, as plain data (dicts, lists, strings).

:func:`collect_report_data` gathers them from the session after the
compilation (also a failed one); the XML report (:mod:`.xml_report`) and
the ``--report-template`` renderings (:mod:`.templates`) are views of this
one structure, so both always tell the same.

Module decisions (``modules[i]["decision"]``), one per module the import
scan found:

``compiled``
    compiled to C (``reason``: the rule: ``main program``,
    ``--follow-imports``, ``--include-module=X``, a plugin, ...);
``bytecode``
    standalone: carried as bytecode (the standard library in the archive,
    others as ``.pyc`` files);
``extension``
    standalone: an extension module copied into the folder;
``namespace``
    standalone: a namespace package (a folder in the dist);
``built-in``
    built into the interpreter;
``python-installation``
    imported at run time from the Python installation (standard library,
    extension modules; accelerated and module mode);
``not-followed``
    a Python module the rules say not to compile: imported from where it is
    at run time (or not part of a standalone folder);
``excluded``
    a plugin (anti-bloat) left the import out;
``missing``
    not found at compile time (an ``ImportError`` at run time unless the
    program handles it);
``failed``
    the compilation failed in this module (``completion="error"``).
"""

import os
import sys
from dataclasses import fields

from .timing import peak_memory


def _value_text(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def options_data(options):
    """``{name: str or [str]}`` of the options that differ from the default."""
    from nuitka.options import Options

    default = Options()
    result = {}
    for item in fields(Options):
        if item.name in ("input_path", "main_paths", "program_args", "project_options"):
            continue
        value = getattr(options, item.name, None)
        if value == getattr(default, item.name):
            continue
        if isinstance(value, (list, tuple)):
            result[item.name] = [_value_text(v) for v in value]
        else:
            result[item.name] = _value_text(value)
    return result


def _main_for(graph, record):
    for main in graph.mains:
        if os.path.abspath(main.filename) == os.path.abspath(record["source"]):
            return main
    return None


def _why_with_importer(why, importer):
    if importer:
        return "%s; imported by %s" % (why, importer)
    return why


def _compiled_records(session, cache):
    graph = session.graph
    objects = cache.object_cache.results
    records = []
    for record in cache.modules:
        name = record["name"]
        if name in session.dropped and record["c_file"] is None:
            continue
        module = _main_for(graph, record) if name == "__main__" else graph.modules.get(name)
        if module is None:
            module = _main_for(graph, record)
        c_file = record["c_file"] or ""
        obj = objects.get(c_file)
        reason = _why_with_importer(module.why, module.importer) if module else "compiled"
        records.append({
            "name": name,
            # (No C file: the compilation stopped at this module.)
            "decision": "compiled" if c_file else "failed",
            "reason": reason if c_file else "the compilation stopped here (%s)" % reason,
            "kind": ("package" if module.is_package else "source") if module else "source",
            "source_path": record["source"],
            "stdlib": False if module is None or module.reason == "main"
                      else graph.finder.find(name).is_stdlib,
            "c_file": c_file,
            "code_cache": record["code"],
            "object_cache": obj["cache"] if obj else "none",
            "c_compiled": bool(obj and obj["compiled"]),
        })
    return records


def _plugin_exclusion(session, name):
    plugins = session.plugins
    importers = set(session.graph.excluded_imports.get(name, []))
    reasons = []
    for decision in plugins.decisions if plugins else ():
        if decision.kind == "nofollow" and decision.detail == name:
            importers.add(decision.module)
            text = "plugin %s: %s" % (decision.plugin, decision.reason)
            if text not in reasons:
                reasons.append(text)
    return "%s; import left out in %s" % (
        "; ".join(reasons) or "left out by a plugin", ", ".join(sorted(i or "?" for i in importers)))


def _other_records(session, compiled_names):
    """Every module found but not compiled, sorted by name."""
    graph = session.graph
    standalone = session.options.is_standalone()
    carried = session.carried
    excluded = set(graph.excluded_imports)
    if session.plugins is not None:
        excluded |= {d.detail for d in session.plugins.decisions if d.kind == "nofollow"}
    names = set(graph.not_followed) | set(session.dropped) | excluded
    if carried is not None:
        names |= set(carried.sources) | set(carried.extensions) | set(carried.namespaces)
    records = []
    for name in sorted(names - compiled_names):
        info = graph.not_followed.get(name)
        why, importer = graph.not_followed_why.get(name, ("", None))
        record = {"name": name, "source_path": "", "kind": info.kind if info else "",
                  "stdlib": bool(info and info.is_stdlib)}
        if name in session.dropped:
            why = "not compiled: %s" % session.dropped[name]
        if carried is not None and name in carried.sources:
            module = carried.sources[name]
            chain = carried.why(name).partition(" <- ")[2]
            record.update(
                decision="bytecode", kind="package" if module.is_package else "source",
                source_path=module.filename, stdlib=module.is_stdlib,
                reason=why or ("imported by %s" % chain if chain else "needed by the interpreter"),
            )
            if why and importer:
                record["reason"] = _why_with_importer(why, importer)
        elif carried is not None and name in carried.extensions:
            chain = carried.why(name).partition(" <- ")[2]
            record.update(decision="extension", kind="extension", source_path=carried.extensions[name],
                          reason=_why_with_importer(why, importer) if why else "imported by %s" % chain)
            record["stdlib"] = graph.finder.find(name).is_stdlib
        elif carried is not None and name in carried.namespaces:
            record.update(decision="namespace", kind="namespace",
                          reason="namespace package (a folder in the dist)")
        elif info is None and name in excluded:
            record.update(decision="excluded", reason=_plugin_exclusion(session, name),
                          stdlib=graph.finder.find(name).is_stdlib)
        elif info is None:
            record.update(decision="not-followed" if not standalone else "bytecode",
                          reason=why or "not compiled")
        elif info.kind == "missing":
            record.update(decision="missing", reason=_why_with_importer("not found", importer))
        elif info.kind == "other" and info.is_stdlib and name in sys.builtin_module_names:
            record.update(decision="built-in", reason="built into the interpreter")
        elif standalone:
            record.update(decision="not-followed",
                          reason=_why_with_importer(why, importer) + " (not in the folder)")
        elif info.is_stdlib or not info.compilable:
            record.update(decision="python-installation", source_path=info.filename or "",
                          reason=_why_with_importer(why, importer))
        else:
            record.update(decision="not-followed", source_path=info.filename or "",
                          reason=_why_with_importer(why, importer))
        records.append(record)
    return records


def module_records(session, cache):
    compiled = _compiled_records(session, cache) if session.graph is not None else []
    if session.graph is None:
        return compiled
    others = _other_records(session, {r["name"] for r in compiled})
    return compiled + others


def _cache_data(cache):
    from nuitka.build.cache import get_cache_dir
    from nuitka.caching.keys import get_compiler_hash

    objects = cache.object_cache.results.values()
    commands = cache.object_cache.commands
    result = {
        "dir": str(get_cache_dir()),
        "compiler_hash": get_compiler_hash(),
        "modules": "disabled" if cache.code_store is None else "enabled",
        "ccache": "disabled" if cache.object_cache.store is None else "enabled",
        "module_hits": sum(1 for r in cache.modules if r["code"] == "hit"),
        "module_misses": sum(1 for r in cache.modules if r["code"] == "miss"),
        "object_hits": sum(1 for r in objects if r["cache"] == "hit"),
        "object_misses": sum(1 for r in objects if r["cache"] == "miss"),
    }
    if commands is not None:
        result["c_compiler_runs"] = sum(1 for command in commands if "-c" in [str(a) for a in command])
        result["commands"] = len(commands)
    return result


def _file_records(session):
    """``(data_files, dlls)``: what went into the dist folder besides the
    modules, with where it came from; outside standalone mode the data
    files the options name (not copied)."""
    data_files, dlls = [], []
    for item in session.copied_files:
        target = dlls if item["kind"] == "dll" else data_files
        target.append(dict(item, copied=True))
    if not session.options.is_standalone():
        for item in session.data_files:
            data_files.append({"kind": "data-file", "dest": item.dest, "source": str(item.source),
                               "reason": item.reason, "copied": False})
    return data_files, dlls


def _plugin_records(session):
    plugins = session.plugins
    if plugins is None:
        return [], []
    result = []
    for name, description, _default_on, _auto in plugins.available():
        result.append({
            "name": name,
            "description": description,
            "enabled": plugins.is_enabled(name),
            "why": plugins.enabled_why.get(name, "--disable-plugin" if plugins.is_disabled(name)
                                           else "off"),
        })
    decisions = []
    seen = set()
    for d in plugins.decisions:
        key = (d.plugin, d.module, d.kind, d.detail, d.reason)
        if key not in seen:  # (the same question is asked in several stages)
            seen.add(key)
            decisions.append(dict(zip(("plugin", "module", "kind", "detail", "reason"), key)))
    return result, decisions


def collect_report_data(session, cache, exit_code, argv, with_distributions=True):
    """Everything ``--report`` and ``--report-template`` show (plain data)."""
    from nuitka.plugins.host import compilation_mode
    from nuitka.version import get_version_string

    options = session.options
    modules = module_records(session, cache)
    data_files, dlls = _file_records(session)
    plugins, decisions = _plugin_records(session)
    objects = cache.object_cache.results
    data = {
        "nuitka_version": get_version_string(),
        "python_version": "%d.%d.%d" % sys.version_info[:3],
        "python_executable": sys.executable,
        "completion": "yes" if exit_code == 0 else "error",
        "exit_code": exit_code,
        "mode": compilation_mode(options),
        "program": ", ".join(os.path.basename(str(p)) for p in (options.main_paths or [options.input_path])),
        "command_line": " ".join(argv),
        "project_options": list(options.project_options),
        "options": options_data(options),
        "modules": modules,
        "c_files": [
            {"name": name, "module": cache.c_files.get(name, ""), "object_cache": obj["cache"],
             "c_compiled": bool(obj["compiled"])}
            for name, obj in sorted(objects.items())
        ],
        "plugins": plugins,
        "plugin_decisions": decisions,
        "data_files": data_files,
        "dlls": dlls,
        "compiler": dict(session.build_info),
        "cache": _cache_data(cache),
        "timings": session.timings.ordered(),
        "memory": peak_memory(),
        "distributions": [],
        "python_runtime": None,
    }
    if with_distributions:
        from .distributions import program_distributions, python_runtime_record

        search_path = session.graph.finder.search_path if session.graph is not None else sys.path
        data["distributions"] = program_distributions(modules, search_path)
        data["python_runtime"] = python_runtime_record()
    return data
