"""Plugins and package configuration in real compilations: a user's YAML
file changes a module's source (anti-bloat) and adds an implicit import,
a user plugin changes the program, decisions reach --report, and bad
configuration or a forbidden import stop with one line."""

import shutil
import sys

import pytest

from harness import _run, compile_env, compile_program, run_binary, run_cpython

pytestmark = pytest.mark.compiles

MAIN = """\
import importlib
import mod

dyn = importlib.import_module(mod.NAME)
print(mod.VALUE, dyn.VALUE, "__compiled__" in vars(dyn), getattr(mod, "ADDED", None))
"""

CONFIG = """\
- module-name: 'mod'
  anti-bloat:
    - description: 'test replacement'
      replacements_plain:
        "VALUE = 'original'": "VALUE = 'replaced'"
  implicit-imports:
    - depends: ['.dyn_target']
"""

PLUGIN = """\
from nuitka.plugins import NuitkaPluginBase

class AddAttribute(NuitkaPluginBase):
    plugin_name = "add-attribute"
    plugin_description = "adds ADDED to mod"

    def change_source(self, module_name, filename, source):
        if module_name == "mod":
            return source + "\\nADDED = 42\\n", "test plugin"
        return None
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "main.py").write_text(MAIN)
    (tmp_path / "mod.py").write_text("NAME = 'dyn' + '_target'\nVALUE = 'original'\n")
    (tmp_path / "dyn_target.py").write_text("VALUE = 'dyn'\n")
    (tmp_path / "config.yml").write_text(CONFIG)
    (tmp_path / "myplugin.py").write_text(PLUGIN)
    return tmp_path


def test_configuration_and_user_plugin(project, tmp_path):
    out = tmp_path / "out"
    report = tmp_path / "report.xml"
    result, binary = compile_program(
        project / "main.py", out,
        extra_args=["--follow-imports", "--user-package-configuration-file=config.yml",
                    "--user-plugin=myplugin.py", "--report=%s" % report],
    )
    assert result.returncode == 0, result.describe()
    run = run_binary(binary, project / "main.py")
    assert run.stdout == "replaced dyn True 42\n", run.describe()
    text = report.read_text()
    assert 'plugin="anti-bloat" module="mod" kind="source"' in text
    assert 'plugin="implicit-imports" module="mod" kind="implicit-import" detail="dyn_target"' in text
    assert 'plugin="add-attribute" module="mod" kind="source"' in text


def _compile_fails(project, args):
    out = project / "out"
    result = _run(
        [sys.executable, "-m", "nuitka",
         "--output-dir=%s" % out, *args, "main.py"],
        cwd=project, env=compile_env(),
    )
    assert result.returncode == 1, result.describe()
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("nuitka: error: "), result.describe()
    assert not (out / "main.bin").exists()
    return result.stderr


def test_forbidden_import_stops(project):
    err = _compile_fails(project, ["--follow-imports", "--noinclude-custom-mode=dyn_target:error",
                                   "--user-package-configuration-file=config.yml"])
    assert "'mod' imports 'dyn_target', which --noinclude-custom-mode=dyn_target:error forbids" in err


def test_bad_configuration_stops(project):
    (project / "bad.yml").write_text("- module-name: 'mod'\n  implicit-imports:\n    - depends: ['x']\n      when: 'standlone'\n")
    err = _compile_fails(project, ["--user-package-configuration-file=bad.yml"])
    assert "bad.yml:4: condition 'standlone': unknown name 'standlone'" in err


def test_unknown_plugin_stops(project):
    err = _compile_fails(project, ["--enable-plugin=no-such-plugin"])
    assert "unknown plugin 'no-such-plugin' (see --plugin-list)" in err


MISSING_MAIN = """\
try:
    import needy
except ImportError as e:
    print("ImportError", type(e).__name__, e.name)
import needy_optional
print("optional", needy_optional.HAVE)
"""


def test_missing_import_warns_and_fails_at_run_time(tmp_path):
    """A module a package imports that cannot be found: one warning line
    naming the importer, the build goes on, and the import raises
    ImportError at run time where CPython raises it.  Guarded, conditional
    and in-function imports of missing modules are no warning."""
    (tmp_path / "main.py").write_text(MISSING_MAIN)
    (tmp_path / "needy.py").write_text("VALUE = 1\nimport no_such_module_xyz\n")
    (tmp_path / "needy_optional.py").write_text(
        "try:\n    import no_such_optional_xyz\nexcept ImportError:\n    HAVE = False\n"
        "if False:\n    import no_such_conditional_xyz\n"
        "def f():\n    import no_such_in_function_xyz\n"
    )
    expected = run_cpython(tmp_path / "main.py")
    assert expected.stdout == "ImportError ModuleNotFoundError no_such_module_xyz\noptional False\n"
    result, _ = compile_program(tmp_path / "main.py", tmp_path / "out", extra_args=["--standalone"])
    assert result.returncode == 0, result.describe()
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        "nuitka: warning: module 'no_such_module_xyz' imported by 'needy' line 2 cannot be found; "
        "that import will raise ImportError at run time"
    ], result.describe()
    binary = tmp_path / "out" / "main.dist" / "main.bin"
    run = run_binary(binary, tmp_path / "main.py")
    assert run.returncode == 0 and run.stdout == expected.stdout, run.describe()


INTEGRATION_MAIN = """\
import fakeapp
print(fakeapp.need())
try:
    print(fakeapp.plot())
except ImportError as e:
    print("ImportError", e.name)
"""


def _fake_distribution(site, name, version="1.0", requires=()):
    """``site/<name>/__init__.py`` and its ``<name>-<version>.dist-info``
    (METADATA with ``Requires-Dist`` lines, top_level.txt, RECORD)."""
    package = site / name
    package.mkdir(parents=True)
    return package, _dist_info(site, name, version, requires)


def _dist_info(site, name, version, requires):
    info = site / ("%s-%s.dist-info" % (name, version))
    info.mkdir()
    metadata = ["Metadata-Version: 2.1", "Name: %s" % name, "Version: %s" % version]
    metadata += ["Requires-Dist: %s" % requirement for requirement in requires]
    (info / "METADATA").write_text("\n".join(metadata) + "\n")
    (info / "top_level.txt").write_text(name + "\n")
    (info / "RECORD").write_text("%s/__init__.py,,\n%s/METADATA,,\n" % (name, info.name))
    return info


@pytest.fixture
def fake_site(tmp_path):
    """fakeapp requires fakedep and names fakeplot for an extra only; both
    are imported in functions of fakeapp."""
    site = tmp_path / "site"
    app, _ = _fake_distribution(site, "fakeapp", requires=["fakedep>=1", 'fakeplot; extra == "plot"'])
    (app / "__init__.py").write_text(
        "def need():\n    import fakedep\n    return fakedep.VALUE\n"
        "def plot():\n    import fakeplot\n    return fakeplot.VALUE\n")
    dep, _ = _fake_distribution(site, "fakedep")
    (dep / "__init__.py").write_text("VALUE = 'dep'\n")
    plot, _ = _fake_distribution(site, "fakeplot")
    (plot / "__init__.py").write_text("VALUE = 'plot'\n")
    return site


def _compile_standalone(prog, site, report):
    from harness import REPO_ROOT

    env = compile_env({"PYTHONPATH": "%s%s%s" % (REPO_ROOT, ":", site)})
    result = _run([sys.executable, "-m", "nuitka", "--standalone",
                   "--output-dir=%s" % (prog.parent / "out"), "--report=%s" % report, prog.name],
                  cwd=prog.parent, env=env)
    assert result.returncode == 0, result.describe()
    return prog.parent / "out" / (prog.stem + ".dist") / (prog.stem + ".bin")


def _decisions(report):
    """module name -> (decision, reason) from the XML report."""
    import xml.etree.ElementTree as ET

    return {element.get("name"): (element.get("decision"), element.get("reason"))
            for element in ET.parse(str(report)).getroot().iter("module")}


def test_optional_integration_is_not_followed(fake_site, tmp_path):
    """The optional-integration rule (nuitka/modules/distributions.py), on
    fake distributions so that it does not depend on what is installed: an
    import in a function of a distribution the importer's distribution does
    not require (fakeplot, named for an extra only) is not followed, one it
    requires (fakedep) is.  The program then behaves as CPython with
    fakeplot uninstalled."""
    from harness import program_env

    project = tmp_path / "project"
    project.mkdir()
    prog = project / "main.py"
    prog.write_text(INTEGRATION_MAIN)
    report = tmp_path / "report.xml"
    binary = _compile_standalone(prog, fake_site, report)
    decisions = _decisions(report)
    assert decisions["fakeapp"][0] == decisions["fakedep"][0] == "compiled", decisions
    # Left out, with its reason in the report; not carried as bytecode either.
    decision, reason = decisions.get("fakeplot", (None, None))
    assert decision not in ("compiled", "bytecode", None), decisions.get("fakeplot")
    assert "optional integration" in reason, reason
    assert not (binary.parent / "fakeplot").exists()

    # CPython with fakeplot uninstalled (the site without it).
    uninstalled = tmp_path / "site-without-fakeplot"
    shutil.copytree(str(fake_site), str(uninstalled))
    shutil.rmtree(str(uninstalled / "fakeplot"))
    shutil.rmtree(str(uninstalled / "fakeplot-1.0.dist-info"))
    expected = _run([sys.executable, prog.name], cwd=project,
                    env=program_env({"PYTHONPATH": str(uninstalled)}))
    assert expected.stdout == "dep\nImportError fakeplot\n", expected.describe()
    run = run_binary(binary, prog)
    assert (run.returncode, run.stdout, run.stderr) == (0, expected.stdout, ""), run.describe()


def test_optional_integration_the_program_uses(fake_site, tmp_path):
    """When the program imports fakeplot itself, it is in the result and
    fakeapp's import of it works (as under CPython)."""
    project = tmp_path / "project"
    project.mkdir()
    prog = project / "main.py"
    prog.write_text("import fakeplot\n" + INTEGRATION_MAIN)
    report = tmp_path / "report.xml"
    binary = _compile_standalone(prog, fake_site, report)
    decisions = _decisions(report)
    assert {decisions[name][0] for name in ("fakeapp", "fakedep", "fakeplot")} == {"compiled"}, \
        decisions
    run = run_binary(binary, prog)
    assert (run.returncode, run.stdout, run.stderr) == (0, "dep\nplot\n", ""), run.describe()
