"""The XML report writer (nuitka/reports/xml_report.py) on made-up data:
well-formed whatever the strings hold, and the same bytes for the same data."""

import xml.etree.ElementTree as ET

from nuitka.reports.xml_report import report_xml


def sample_data(reason="rule <&> \"quoted\" \x01 control"):
    return {
        "nuitka_version": "0.1.0", "python_version": "3.11.7", "mode": "accelerated",
        "completion": "yes", "exit_code": 0, "command_line": "--report=r.xml prog.py",
        "project_options": [], "options": {"follow_imports": "yes", "include_modules": ["a", "b"]},
        "modules": [
            {"name": "__main__", "decision": "compiled", "reason": "main program", "kind": "source",
             "source_path": "/p/prog.py", "stdlib": False, "c_file": "module.__main__.c",
             "code_cache": "miss", "object_cache": "hit", "c_compiled": False},
            {"name": "weird", "decision": "missing", "reason": reason, "kind": "missing",
             "source_path": "", "stdlib": False},
        ],
        "c_files": [], "plugins": [{"name": "anti-bloat", "enabled": True, "why": "default",
                                    "description": "x"}],
        "plugin_decisions": [], "data_files": [], "dlls": [], "distributions": [],
        "compiler": {"compiler": "/usr/bin/gcc", "compiler_kind": "gcc", "compiler_version": "gcc 12",
                     "ccache": "", "jobs": 1, "lto": False, "ccflags": ["-O2", "-DX=a b"],
                     "linkflags": [], "libs": ["-lm"]},
        "cache": {"dir": "/c", "compiler_hash": "00", "modules": "enabled", "ccache": "enabled",
                  "module_hits": 0, "module_misses": 1, "object_hits": 1, "object_misses": 0,
                  "c_compiler_runs": 0, "commands": 1},
        "timings": [("frontend", 0.01), ("total", 1.5)],
        "memory": {"self_kb": 30000, "children_kb": 50000},
    }


def test_well_formed_with_any_strings():
    root = ET.fromstring(report_xml(sample_data()).encode("utf-8"))
    weird = [m for m in root.iter("module") if m.get("name") == "weird"][0]
    assert weird.get("reason").startswith('rule <&> "quoted"')
    main = root.find("module")
    assert main.get("c_compiled") == "no" and main.get("object_cache") == "hit"
    assert root.find("compiler/ccflags").text == "-O2 '-DX=a b'"
    assert root.find("build").attrib == {"c_compiler_runs": "0", "commands": "1"}
    assert [i.get("value") for i in root.find("options").iter("item")] == ["a", "b"]
    assert root.find("memory").get("peak_rss_kb") == "30000"


def test_stable_output():
    assert report_xml(sample_data()) == report_xml(sample_data())
