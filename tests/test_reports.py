"""``--report=FILE.xml`` and ``--report-template``: what the compilation
did, read back.

Two small compilations (accelerated with ``--follow-imports`` and report
templates, and standalone with a data folder), each done once per test
module; the tests parse the report and check the module decisions, options,
plugins, files, compiler, cache, timings and memory it lists, and the
rendered templates (the license report of a distribution that lives next to
the program, with its dist-info).
"""

import sys
import xml.etree.ElementTree as ET

import pytest

from harness import _run, compile_env

pytestmark = pytest.mark.compiles

MAIN = """\
import json
import sys
import helper
import mylib
import pkg.sub
try:
    import does_not_exist_anywhere
except ImportError:
    pass
import skipped
print(helper.f(), pkg.sub.g(), skipped.h(), mylib.VALUE, json.dumps([1]))
"""


def _write_program(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "prog.py").write_text(MAIN)
    (folder / "helper.py").write_text("def f():\n    return 42\n")
    (folder / "pkg").mkdir(exist_ok=True)
    (folder / "pkg" / "__init__.py").write_text("")
    (folder / "pkg" / "sub.py").write_text("def g():\n    return 'sub'\n")
    (folder / "skipped.py").write_text("def h():\n    return 'skipped'\n")
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data" / "table.txt").write_text("1 2 3\n")
    # An installed distribution "mylib" (its dist-info next to it).
    (folder / "mylib.py").write_text("VALUE = 'mylib'\n")
    info = folder / "mylib-2.5.dist-info"
    (info / "licenses").mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.4\nName: mylib\nVersion: 2.5\n"
                                   "License-Expression: MIT\nLicense-File: LICENSE.txt\n\n")
    (info / "top_level.txt").write_text("mylib\n")
    (info / "licenses" / "LICENSE.txt").write_text(LICENSE_TEXT)
    (folder / "compiled.txt.j2").write_text(
        "{% for m in modules if m.decision == 'compiled' %}{{ m.name }}\n{% endfor %}"
        "{{ report.mode }}\n")
    return folder / "prog.py"


LICENSE_TEXT = "MIT License\n\nCopyright (c) 2026 Someone Somewhere\n"


def _compile(tmp_path_factory, name, *args):
    base = tmp_path_factory.mktemp(name)
    prog = _write_program(base / "src")
    report = base / "report.xml"
    command = [sys.executable, "-m", "nuitka", "--output-dir=%s" % (base / "out"), "--jobs=1",
               "--report=%s" % report] + list(args) + [prog.name]
    result = _run(command, cwd=prog.parent,
                  env=compile_env({"NUITKA_CACHE_DIR": str(base / "cache")}), timeout=900)
    assert result.returncode == 0, result.describe()
    return base, ET.parse(str(report)).getroot(), result


@pytest.fixture(scope="module")
def accelerated(tmp_path_factory):
    return _compile(tmp_path_factory, "accelerated", "--follow-imports", "--nofollow-import-to=skipped",
                    "--report-template=license-report:licenses.rst",
                    "--report-template=compiled.txt.j2:compiled.txt")


@pytest.fixture(scope="module")
def standalone(tmp_path_factory):
    return _compile(tmp_path_factory, "standalone", "--standalone", "--nofollow-import-to=skipped",
                    "--include-data-dir=data=data")


def modules(root):
    result = {}
    for element in root.iter("module"):
        result.setdefault(element.get("name"), element.attrib)
    return result


def test_accelerated_module_decisions(accelerated):
    _, root, _ = accelerated
    assert root.get("mode") == "accelerated" and root.get("completion") == "yes"
    found = modules(root)
    assert found["__main__"]["decision"] == "compiled"
    assert found["__main__"]["reason"] == "main program"
    for name in ("helper", "pkg", "pkg.sub", "mylib"):
        assert found[name]["decision"] == "compiled", found[name]
        assert "--follow-imports" in found[name]["reason"]
        assert found[name]["c_file"] == "module.%s.c" % name
        assert found[name]["c_compiled"] == "yes"
    assert found["skipped"]["decision"] == "not-followed"
    assert found["skipped"]["reason"].startswith("--nofollow-import-to=skipped")
    assert found["json"]["decision"] == "python-installation"
    assert found["json"]["stdlib"] == "yes"
    assert found["sys"]["decision"] == "built-in"
    assert found["does_not_exist_anywhere"]["decision"] == "missing"
    # Every decision has a reason.
    assert all(attrs["reason"] for attrs in found.values())


def test_accelerated_options_compiler_timings(accelerated):
    base, root, _ = accelerated
    options = {o.get("name"): o for o in root.find("options")}
    assert options["follow_imports"].get("value") == "yes"
    assert [i.get("value") for i in options["nofollow_import_to"]] == ["skipped"]
    assert options["jobs"].get("value") == "1"
    compiler = root.find("compiler")
    assert compiler.get("kind") in ("gcc", "clang") and compiler.get("version")
    assert "-O2" in compiler.find("ccflags").text.split()
    assert compiler.get("path") in compiler.find("compile_command").text
    if compiler.get("ccache"):
        # Every compiled C file went through ccache (4.x counts them).
        assert int(compiler.get("ccache_hits")) + int(compiler.get("ccache_misses")) >= 1
    cache = root.find("cache")
    assert cache.get("dir") == str(base / "cache")
    assert int(cache.get("module_misses")) == 5 and cache.get("module_hits") == "0"
    assert int(root.find("build").get("c_compiler_runs")) >= 1
    stages = [t.get("stage") for t in root.iter("timing")]
    for stage in ("import-scan", "frontend", "optimization", "codegen", "c-compile", "total"):
        assert stage in stages
    assert stages[-1] == "total"
    memory = root.find("memory")
    assert int(memory.get("peak_rss_kb")) > 1000
    plugins = {p.get("name"): p.attrib for p in root.iter("plugin")}
    assert plugins["anti-bloat"]["enabled"] == "yes" and plugins["anti-bloat"]["why"] == "default"
    assert "--follow-imports" in root.find("command_line").text


def test_standalone_report(standalone):
    base, root, _ = standalone
    assert root.get("mode") == "standalone"
    found = modules(root)
    assert found["helper"]["decision"] == "compiled"
    assert found["json"]["decision"] == "bytecode"
    assert found["json.decoder"]["decision"] == "bytecode"
    assert found["json.decoder"]["reason"].startswith("imported by json")
    assert found["_json"]["decision"] == "extension"
    assert found["_json"]["source_path"].endswith(".so")
    assert found["skipped"]["decision"] == "not-followed"
    assert "not in the folder" in found["skipped"]["reason"]
    # anti-bloat leaves imports of interactive use out (readline of site,
    # pydoc of _sitebuiltins; 3.13's own REPL may still bring readline).
    excluded = {name: m for name, m in found.items() if m["decision"] == "excluded"}
    assert excluded and "pydoc" in excluded
    assert all("plugin anti-bloat: " in m["reason"] and "import left out in " in m["reason"]
               for m in excluded.values())
    decisions = [d.attrib for d in root.iter("plugin_decision")]
    assert any(d["detail"] == "readline" and d["kind"] == "nofollow" for d in decisions)
    assert any(d["detail"] == "pydoc" and d["kind"] == "nofollow" for d in decisions)
    assert len(decisions) == len({tuple(sorted(d.items())) for d in decisions})
    data = {d.get("dest"): d.attrib for d in root.iter("data_file")}
    assert data["data/table.txt"] == {"dest": "data/table.txt", "copied": "yes",
                                      "source": str(base / "src" / "data" / "table.txt"),
                                      "reason": "--include-data-dir=data=data"}
    # The package-metadata plugin carries the dist-info of mylib.
    metadata = data["mylib-2.5.dist-info/METADATA"]
    assert metadata["source"] == str(base / "src" / "mylib-2.5.dist-info" / "METADATA")
    assert "metadata of distribution mylib 2.5" in metadata["reason"]
    dlls = {d.get("dest"): d.attrib for d in root.iter("dll")}
    libpython = [name for name in dlls if name.startswith("libpython")]
    assert libpython and dlls[libpython[0]]["reason"] == "needed by prog.bin"
    stages = [t.get("stage") for t in root.iter("timing")]
    assert "standalone-copy" in stages
    assert (base / "out" / "prog.dist" / "data" / "table.txt").exists()


def test_failed_compilation_report(tmp_path):
    prog = tmp_path / "prog.py"
    prog.write_text("def f(:\n")
    report = tmp_path / "r.xml"
    result = _run([sys.executable, "-m", "nuitka", "--report=%s" % report, prog.name], cwd=tmp_path,
                  env=compile_env({"NUITKA_CACHE_DIR": str(tmp_path / "cache")}))
    assert result.returncode == 1
    root = ET.parse(str(report)).getroot()
    assert root.get("completion") == "error" and root.get("exit_code") == "1"
    assert root.find("command_line") is not None


def test_license_report(accelerated):
    base, root, _ = accelerated
    text = (base / "src" / "licenses.rst").read_text()
    assert "Licenses of the distributions used by prog.py" in text
    assert "mylib 2.5\n---------" in text
    # The Python runtime the program links comes first, with CPython's license text.
    import platform
    runtime = "Python %s" % platform.python_version()
    assert runtime + "\n" + "-" * len(runtime) in text
    assert text.index(runtime) < text.index("mylib 2.5")
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in text
    assert ":License: MIT" in text
    for line in LICENSE_TEXT.splitlines():
        assert ("    " + line).rstrip() in text.splitlines()
    dists = {d.get("name"): d.attrib for d in root.iter("distribution")}
    assert dists["mylib"]["version"] == "2.5" and dists["mylib"]["license_files"] == "LICENSE.txt"


def test_user_template_sees_the_report_data(accelerated):
    base, root, _ = accelerated
    rendered = (base / "src" / "compiled.txt").read_text().splitlines()
    compiled = [m.get("name") for m in root.iter("module") if m.get("decision") == "compiled"]
    assert rendered == compiled + ["accelerated"]


@pytest.mark.parametrize("template,expected", [
    ("nope.j2", "nuitka: error: --report-template: no template 'nope.j2' (neither a file nor a "
                "built-in template; built-in: compilation-report"),
    ("bad.j2", "nuitka: error: --report-template: syntax error in 'bad.j2' line 2: "),
])
def test_bad_template_one_line(tmp_path, template, expected):
    (tmp_path / "prog.py").write_text("print(1)\n")
    (tmp_path / "bad.j2").write_text("fine\n{% for x in %}\n")
    result = _run([sys.executable, "-m", "nuitka", "--report-template=%s:out.txt" % template,
                   "prog.py"], cwd=tmp_path, env=compile_env({"NUITKA_CACHE_DIR": str(tmp_path / "c")}))
    assert result.returncode == 1, result.describe()
    assert result.stderr.startswith(expected) and result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "prog.bin").exists() and not (tmp_path / "out.txt").exists()
    assert not (tmp_path / "prog.build").exists()


def test_template_option_needs_an_output(tmp_path):
    (tmp_path / "prog.py").write_text("print(1)\n")
    result = _run([sys.executable, "-m", "nuitka", "--report-template=license-report", "prog.py"],
                  cwd=tmp_path, env=compile_env())
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "expected TEMPLATE:OUTPUT" in result.stderr
