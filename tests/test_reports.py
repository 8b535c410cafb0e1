"""``--report=FILE.xml``: what the compilation did, read back as XML.

Two small compilations (accelerated with ``--follow-imports``, and
standalone with a data folder), each done once per test module; the tests
parse the report and check the module decisions, options, plugins, files,
compiler, cache, timings and memory it lists.
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
import pkg.sub
try:
    import does_not_exist_anywhere
except ImportError:
    pass
import skipped
print(helper.f(), pkg.sub.g(), skipped.h(), json.dumps([1]))
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
    return folder / "prog.py"


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
    return _compile(tmp_path_factory, "accelerated", "--follow-imports", "--nofollow-import-to=skipped")


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
    for name in ("helper", "pkg", "pkg.sub"):
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
    cache = root.find("cache")
    assert cache.get("dir") == str(base / "cache")
    assert int(cache.get("module_misses")) == 4 and cache.get("module_hits") == "0"
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
    # anti-bloat leaves readline out of site (interactive sessions only).
    assert found["readline"]["decision"] == "excluded"
    assert "anti-bloat" in found["readline"]["reason"]
    decisions = [d.attrib for d in root.iter("plugin_decision")]
    assert any(d["detail"] == "readline" and d["kind"] == "nofollow" for d in decisions)
    assert len(decisions) == len({tuple(sorted(d.items())) for d in decisions})
    data = [d.attrib for d in root.iter("data_file")]
    assert data == [{"dest": "data/table.txt", "source": str(base / "src" / "data" / "table.txt"),
                     "reason": "--include-data-dir=data=data", "copied": "yes"}]
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
