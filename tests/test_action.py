"""The GitHub Action (``action.yml``) run locally: a small runner executes
its composite steps as GitHub would (inputs with their defaults, ``if:``,
``env:``, ``working-directory:``, ``$GITHUB_OUTPUT``, outputs), no GitHub
needed."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import REPO_ROOT, compile_env

ACTION = Path(REPO_ROOT) / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def run_action(inputs, workdir):
    """Run the action's steps; returns ``(exit code, outputs, log)``."""
    action = yaml.safe_load(ACTION.read_text())
    assert action["runs"]["using"] == "composite"
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for name, spec in action["inputs"].items():
        if spec.get("required") and name not in inputs:
            raise AssertionError("required input %s missing" % name)
    values.update(inputs)
    step_outputs = {}

    def evaluate(expression):
        match = re.fullmatch(r"inputs\.([-\w]+)(?:\s*==\s*'([^']*)')?", expression)
        if match:
            value = values[match.group(1)]
            return value if match.group(2) is None else str(value == match.group(2)).lower()
        if expression == "github.action_path":
            return str(REPO_ROOT)
        match = re.fullmatch(r"steps\.([-\w]+)\.outputs\.([-\w]+)", expression)
        if match:
            return step_outputs.get(match.group(1), {}).get(match.group(2), "")
        raise AssertionError("expression not understood by the test runner: %s" % expression)

    def substitute(text):
        return EXPRESSION.sub(lambda m: evaluate(m.group(1)), str(text))

    log = []
    for step in action["runs"]["steps"]:
        if "if" in step and substitute(step["if"]) != "true":
            log.append("skipped: %s" % step["name"])
            continue
        output_file = workdir / ("github_output_%s" % step.get("id", "step"))
        output_file.write_text("")
        env = compile_env()
        env.update({name: substitute(value) for name, value in step.get("env", {}).items()})
        env["GITHUB_OUTPUT"] = str(output_file)
        cwd = workdir / substitute(step.get("working-directory", "."))
        assert step["shell"] == "bash"
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=str(cwd), env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log.append(result.stdout)
        if result.returncode != 0:
            return result.returncode, {}, "\n".join(log)
        if "id" in step:
            step_outputs[step["id"]] = dict(
                line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line
            )
    outputs = {name: substitute(spec["value"]) for name, spec in action["outputs"].items()}
    return 0, outputs, "\n".join(log)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "hello.py").write_text(
        "import sys\nprint('hello from', '__compiled__' in globals(), sys.argv[1:])\n"
    )
    return tmp_path


BASE = {"install": "false", "python": sys.executable, "working-directory": "src"}


@pytest.mark.compiles
def test_accelerated_build(project):
    code, outputs, log = run_action(
        {**BASE, "script-name": "hello.py", "extra-args": "--lto=no --quiet",
         "report": "report.xml"}, project)
    assert code == 0, log
    assert "skipped: Install the compiler" in log
    binary = Path(outputs["output-path"])
    assert binary == project / "src" / "build" / "hello.bin" and binary.exists()
    assert (project / "src" / "report.xml").exists()
    run = subprocess.run([str(binary), "x"], stdout=subprocess.PIPE, text=True)
    assert run.stdout == "hello from True ['x']\n"


@pytest.mark.compiles
def test_onefile_input(project):
    code, outputs, log = run_action(
        {**BASE, "script-name": "hello.py", "onefile": "true", "output-dir": "out"}, project)
    assert code == 0, log
    binary = Path(outputs["output-path"])
    assert binary == project / "src" / "out" / "hello.bin"
    run = subprocess.run([str(binary)], stdout=subprocess.PIPE, text=True, cwd="/")
    assert run.stdout == "hello from True []\n"


@pytest.mark.parametrize("inputs,message", [
    ({"mode": "exe"}, "input 'mode' must be one of accelerated, module, standalone, onefile, not 'exe'"),
    ({"onefile": "maybe"}, "input 'onefile' must be 'true' or 'false'"),
    ({"extra-args": "--lto='no"}, "input 'extra-args' cannot be split"),
])
def test_bad_inputs(project, inputs, message):
    code, _, log = run_action({**BASE, "script-name": "hello.py", **inputs}, project)
    assert code == 2 and "::error::nuitka action: " + message in log, log
    assert not (project / "src" / "build").exists()


def test_command_lines():
    sys.path.insert(0, str(Path(REPO_ROOT) / "misc" / "action"))
    try:
        import compile as action_compile
    finally:
        sys.path.pop(0)
    argv, mode, output_dir, _ = action_compile.command_line({
        "INPUT_SCRIPT_NAME": "app.py", "INPUT_MODE": "standalone",
        "INPUT_ENABLE_PLUGINS": "anti-bloat, implicit-imports",
        "INPUT_INCLUDE_DATA_FILES": "data/*.txt=data/\nconf.ini=conf.ini\n",
        "INPUT_EXTRA_ARGS": "--lto=no '--include-module=a b'",
    }, python="py")
    assert argv == ["py", "-m", "nuitka", "--output-dir=build", "--standalone",
                    "--enable-plugin=anti-bloat", "--enable-plugin=implicit-imports",
                    "--include-data-files=data/*.txt=data/", "--include-data-files=conf.ini=conf.ini",
                    "--lto=no", "--include-module=a b", "app.py"]
    assert mode == "standalone" and output_dir == "build"
    assert action_compile.output_path("standalone", "build", "app.py", {}) == os.path.join("build", "app.dist")


def test_install_step_installs_this_checkout():
    action = yaml.safe_load(ACTION.read_text())
    install = action["runs"]["steps"][0]
    assert install["env"]["NUITKA_ACTION_PATH"] == "${{ github.action_path }}"
    assert '-m pip install "$NUITKA_ACTION_PATH"' in install["run"]
