"""The XML compilation report (``--report=FILE``) from the report data.

Layout (see the user manual, "Tracing features"; attributes of one element
kind are always the same; elements in a fixed order, modules compiled
first, then the others sorted by name)::

    <nuitka-compilation-report nuitka_version=.. python_version=.. mode=..
                               completion="yes|error" exit_code="0">
      <module name= decision= reason= kind= source_path= stdlib=
              [c_file= code_cache= object_cache= c_compiled=]/>   (compiled)
      <c_file name= module= object_cache= c_compiled=/>
      <plugin name= enabled= why=/>
      <plugin_decision plugin= module= kind= detail= reason=/>
      <data_file dest= source= reason= copied=/>
      <dll dest= source= reason=/>
      <distribution name= version= license= packages=/>
      <options><option name= value=/> | <option name=><item value=/></option></options>
      <compiler path= kind= version= ccache= jobs= lto= farm= [ccache_hits= ccache_misses=]>
        <compile_command>..</compile_command> (with ccache / distcc wrappers)
        <ccflags>..</ccflags><linkflags>..</linkflags><libs>..</libs></compiler>
      <cache dir= compiler_hash= modules= ccache= module_hits= .. />
      <build c_compiler_runs= commands=/>
      <timing stage= seconds=/>
      <memory peak_rss_kb= children_peak_rss_kb=/>
      <command_line>..</command_line>
    </nuitka-compilation-report>
"""

import re
import shlex
import xml.etree.ElementTree as ET

_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value):
    if isinstance(value, bool):
        value = "yes" if value else "no"
    return _BAD_XML_CHARS.sub("?", str(value))


def _element(parent, tag, **attrs):
    element = ET.SubElement(parent, tag)
    for name, value in attrs.items():
        element.set(name, _text(value))
    return element


def _flags(values):
    return _text(" ".join(shlex.quote(str(v)) for v in values))


def report_xml(data) -> str:
    root = ET.Element("nuitka-compilation-report")
    for name in ("nuitka_version", "python_version", "mode", "completion", "exit_code"):
        root.set(name, _text(data[name]))
    for module in data["modules"]:
        attrs = dict(name=module["name"], decision=module["decision"], reason=module["reason"],
                     kind=module["kind"], source_path=module["source_path"], stdlib=module["stdlib"])
        if module["decision"] == "compiled":
            attrs.update(c_file=module["c_file"], code_cache=module["code_cache"],
                         object_cache=module["object_cache"], c_compiled=module["c_compiled"])
        _element(root, "module", **attrs)
    for c_file in data["c_files"]:
        _element(root, "c_file", **c_file)
    for plugin in data["plugins"]:
        _element(root, "plugin", name=plugin["name"], enabled=plugin["enabled"], why=plugin["why"])
    for decision in data["plugin_decisions"]:
        _element(root, "plugin_decision", **decision)
    for item in data["data_files"]:
        _element(root, "data_file", dest=item["dest"], source=item["source"], reason=item["reason"],
                 copied=item["copied"])
    for item in data["dlls"]:
        _element(root, "dll", dest=item["dest"], source=item["source"], reason=item["reason"])
    for dist in data["distributions"]:
        _element(root, "distribution", name=dist["name"], version=dist["version"],
                 license=dist["license"], packages=" ".join(dist["packages"]),
                 license_files=" ".join(f["name"] for f in dist["license_files"]))
    options = _element(root, "options")
    for name, value in sorted(data["options"].items()):
        if isinstance(value, list):
            option = _element(options, "option", name=name)
            for item in value:
                _element(option, "item", value=item)
        else:
            _element(options, "option", name=name, value=value)
    compiler = data["compiler"]
    if compiler:
        element = _element(root, "compiler", path=compiler["compiler"], kind=compiler["compiler_kind"],
                           version=compiler["compiler_version"], ccache=compiler["ccache"],
                           jobs=compiler["jobs"], lto=compiler["lto"], farm=compiler.get("farm", ""))
        for name in ("ccache_hits", "ccache_misses"):
            if name in compiler:
                element.set(name, _text(compiler[name]))
        for name in ("compile_command", "ccflags", "linkflags", "libs"):
            if name not in compiler:
                continue
            ET.SubElement(element, name).text = _flags(compiler[name])
    cache = dict(data["cache"])
    runs = {name: cache.pop(name) for name in ("c_compiler_runs", "commands") if name in cache}
    _element(root, "cache", **cache)
    if runs:
        _element(root, "build", **runs)
    for stage, seconds in data["timings"]:
        _element(root, "timing", stage=stage, seconds="%.3f" % seconds)
    memory = data["memory"]
    if memory:
        _element(root, "memory", peak_rss_kb=memory["self_kb"],
                 children_peak_rss_kb=memory["children_kb"])
    ET.SubElement(root, "command_line").text = _text(data["command_line"])
    for item in data["project_options"]:
        _element(root, "project_option", value=item)
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
