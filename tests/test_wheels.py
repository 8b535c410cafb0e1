"""Wheels of compiled packages: ``python setup.py bdist_nuitka`` with
``command_options``, ``build_with_nuitka = true`` in setup.cfg through
``pip wheel``, and the PEP 517 backend ``nuitka.distutils.Build`` with
``[tool.nuitka]`` through ``pip wheel`` and ``python -m build``; each wheel
is installed into a fresh venv and run there."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from harness import compile_env

pytestmark = pytest.mark.compiles

PACKAGE = {
    "wpkg/__init__.py": "from .sub.mod import greeting\n\ndef hello():\n    return 'hello: ' + greeting()\n",
    "wpkg/sub/__init__.py": "",
    "wpkg/sub/mod.py": (
        "import importlib.resources\n\ndef greeting():\n"
        "    return importlib.resources.files('wpkg').joinpath('data/greeting.txt').read_text().strip()\n"
    ),
    "wpkg/data/greeting.txt": "data file text\n",
    "wpkg/cli.py": (
        "import sys\nimport wpkg, wpkg.sub.mod, wmod\n\ndef main():\n"
        "    print(wpkg.hello(), wmod.VALUE, sys.argv[1:])\n"
        "    print('compiled:', all('__compiled__' in vars(m) for m in (wpkg, wpkg.sub.mod, wmod)))\n"
    ),
    "wmod.py": "VALUE = 42\n",
}

SETUP_PY = """\
from setuptools import setup

setup(
    name="wpkg",
    version="1.0",
    packages=["wpkg", "wpkg.sub"],
    py_modules=["wmod"],
    package_data={"wpkg": ["data/*.txt"]},
    entry_points={"console_scripts": ["wpkg-hello = wpkg.cli:main"]},
    command_options={"nuitka": {
        "--lto": ("setup.py", "no"),
        "--show-scons": False,
        "--nofollow-import-to": ["*.tests"],
        "--quiet": None,
    }},
)
"""

PYPROJECT = """\
[build-system]
requires = ["setuptools>=64", "nuitka"]
build-backend = "nuitka.distutils.Build"

[project]
name = "wpkg"
version = "2.0"

[project.scripts]
wpkg-hello = "wpkg.cli:main"

[tool.setuptools]
packages = ["wpkg", "wpkg.sub"]
py-modules = ["wmod"]

[tool.setuptools.package-data]
wpkg = ["data/*.txt"]

[tool.nuitka]
lto = "no"
show-scons = false
nofollow-import-to = ["*.tests"]

[tool.nuitka.package.wmod]
quiet = true
"""


def make_project(root, files):
    for name, text in {**PACKAGE, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def run(command, cwd):
    result = subprocess.run([str(c) for c in command], cwd=str(cwd), env=compile_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert result.returncode == 0, "%s\n%s" % (command, result.stdout)
    return result.stdout


def check_wheel(wheel, tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    names = zipfile.ZipFile(wheel).namelist()
    assert "-cp%d%d-" % sys.version_info[:2] in wheel.name and "none-any" not in wheel.name
    assert not [n for n in names if n.endswith(".py")], names
    assert "wpkg/data/greeting.txt" in names
    assert any(n.startswith("wpkg.cpython-") and n.endswith(".so") for n in names), names
    assert any(n.startswith("wmod.cpython-") for n in names), names
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path)
    run([sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q",
         "--no-index", "--no-deps", wheel], tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    output = subprocess.run([str(venv / "bin" / "wpkg-hello"), "a"], cwd=str(elsewhere),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    assert output.stdout == "hello: data file text 42 ['a']\ncompiled: True\n", output.stdout


def single_wheel(folder):
    wheels = list(Path(folder).glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_setup_py_bdist_nuitka(tmp_path):
    project = make_project(tmp_path / "project", {"setup.py": SETUP_PY})
    run([sys.executable, "setup.py", "-q", "bdist_nuitka"], project)
    check_wheel(single_wheel(project / "dist"), tmp_path)


def test_setup_cfg_build_with_nuitka(tmp_path):
    project = make_project(tmp_path / "project", {
        "setup.py": SETUP_PY,
        "setup.cfg": "[metadata]\nbuild_with_nuitka = true\n",
    })
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps",
         "-w", "dist", "."], project)
    check_wheel(single_wheel(project / "dist"), tmp_path)


def test_pep517_backend_pip_and_build(tmp_path):
    project = make_project(tmp_path / "project", {"pyproject.toml": PYPROJECT})
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps",
         "-w", "dist", "."], project)
    check_wheel(single_wheel(project / "dist"), tmp_path / "pip")
    run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "-o", "dist2", "."], project)
    check_wheel(single_wheel(project / "dist2"), tmp_path / "build")


def test_bad_tool_nuitka_value(tmp_path):
    project = make_project(tmp_path / "project", {
        "pyproject.toml": PYPROJECT.replace('lto = "no"', "lto = {a = 1}"),
    })
    result = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "-o", "dist", "."],
                            cwd=str(project), env=compile_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert result.returncode != 0
    assert "[tool.nuitka]: --lto: value {'a': 1} is not a flag (true), a string, a number or a list of strings" in result.stdout
    assert "Traceback" not in result.stdout, result.stdout
    assert not list(project.glob("dist/*.whl"))
