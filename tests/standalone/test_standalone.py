"""--standalone and --onefile results run on "a machine without Python".

Each result is run through ``harness.isolated.run_isolated`` (scrubbed
environment, private mount namespace with every Python installation
hidden) from another folder; pytest's tmp_path (``/tmp/pytest-of-*``) is
not hidden, the runner checks that.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from harness import compile_env, run_cpython
from harness.isolated import isolation_available, python_is_hidden, run_isolated

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"

pytestmark = [
    pytest.mark.compiles,
    pytest.mark.skipif(not isolation_available(), reason="needs root and unshare -m"),
]


def nuitka(args, cwd, check=True):
    result = subprocess.run(
        [sys.executable, "-m", "nuitka", *args], cwd=str(cwd), env=compile_env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900,
    )
    if check and result.returncode != 0:
        raise AssertionError("compilation failed:\n%s%s" % (result.stdout.decode(), result.stderr.decode()))
    return result


def build(tmp_path, program, *args, copy_dir=None):
    """Copy ``program`` (and its helpers) into tmp_path/src, compile there."""
    src = tmp_path / "src"
    if copy_dir is not None:
        shutil.copytree(copy_dir, src)
    else:
        shutil.copytree(PROGRAMS, src, ignore=shutil.ignore_patterns("__pycache__"))
    nuitka(["--standalone", "--output-dir=%s" % (tmp_path / "out"), "--remove-output", *args, program], src)
    return src, tmp_path / "out" / (Path(program).stem + ".dist")


def test_python_is_hidden():
    ok, details = python_is_hidden()
    assert ok, details


def test_hello(tmp_path):
    src, dist = build(tmp_path, "hello.py")
    assert sorted(p.name for p in tmp_path.joinpath("out").iterdir()) == ["hello.dist"]
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    # The source folder is gone: nothing may come from there.
    shutil.rmtree(src)
    result = run_isolated([str(dist / "hello.bin"), "a", "b"], run_dir, result_dir=dist)
    assert (result.stdout, result.stderr, result.returncode) == ("hello from ['a', 'b']\n", "", 0), result.describe()
    assert (dist / "__stdlib__.zip").is_file()
    libpython = [p.name for p in dist.iterdir() if p.name.startswith("libpython")]
    assert len(libpython) == 1
    out = subprocess.run(["patchelf", "--print-rpath", str(dist / "hello.bin")], stdout=subprocess.PIPE, check=True)
    assert out.stdout.decode().strip() == "$ORIGIN"


def test_stdlib_program(tmp_path):
    src, dist = build(tmp_path, "stdlib_user.py")
    expected = run_cpython(src / "stdlib_user.py")
    expected_out = subprocess.run([sys.executable, "stdlib_user.py", "--count", "5"], cwd=str(src),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert expected.returncode == 0
    result = run_isolated([str(dist / "stdlib_user.bin"), "--count", "5"], tmp_path, result_dir=dist)
    assert result.returncode == 0, result.describe()
    assert result.stdout == expected_out.stdout.decode()
    assert result.stderr == ""
    names = {p.name for p in dist.iterdir()}
    assert any(n.startswith("libssl.so") for n in names) and any(n.startswith("libsqlite3.so") for n in names)
    assert not any(n.startswith(("libc.so", "libm.so", "ld-linux")) for n in names)


def test_values(tmp_path):
    src, dist = build(tmp_path, "values.py")
    moved = tmp_path / "moved" / "here.dist"
    moved.parent.mkdir()
    os.rename(dist, moved)  # relocatable
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    result = run_isolated(["../moved/here.dist/values.bin"], run_dir, result_dir=moved)
    assert result.returncode == 0, result.describe()
    info = json.loads(result.stdout)
    real = os.path.realpath(str(moved))
    assert info["executable"] == real + "/values.bin"
    assert info["argv0"] == "../moved/here.dist/values.bin"
    assert info["prefix"] == info["base_prefix"] == real
    assert info["path"] == [real + "/__stdlib__.zip", real]
    assert info["main_file"] == real + "/values.py"
    assert info["sub_file"] == real + "/values_pkg/sub.py"
    assert info["pkg_path"] == [real + "/values_pkg"]
    assert info["containing_dir"] == real
    assert info["standalone"] is True and info["onefile"] is False
    assert info["json_file"].startswith(real + "/__stdlib__.zip/json/")
    assert info["flags_no_site"] == 0 and info["exit_builtin"]
    # PYTHONPATH and PYTHONHOME have no effect.
    again = run_isolated(["../moved/here.dist/values.bin"], run_dir, result_dir=moved,
                         env={"PYTHONPATH": str(run_dir), "PYTHONHOME": "/nonexistent"})
    assert again.returncode == 0, again.describe()
    assert json.loads(again.stdout)["path"] == info["path"]


def _gcc(*args):
    subprocess.run(["gcc", *args], check=True)


def _extension_package(root, lib_dir, lib_name="ext_helper"):
    """pkg/_ext (C extension) needing lib<lib_name>.so in lib_dir."""
    lib_dir.mkdir(parents=True, exist_ok=True)
    (lib_dir / "helper.c").write_text("int helper_value(void) { return 42; }\n")
    _gcc("-shared", "-fPIC", "-o", str(lib_dir / ("lib%s.so" % lib_name)), str(lib_dir / "helper.c"))
    pkg = root / "extpkg"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("from ._ext import value\n")
    (pkg / "_ext.c").write_text(
        "#include <Python.h>\n"
        "int helper_value(void);\n"
        "static PyObject *value(PyObject *self, PyObject *args) { return PyLong_FromLong(helper_value()); }\n"
        "static PyMethodDef methods[] = {{\"value\", value, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};\n"
        "static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, \"_ext\", NULL, -1, methods};\n"
        "PyMODINIT_FUNC PyInit__ext(void) { return PyModule_Create(&def); }\n"
    )
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    _gcc("-shared", "-fPIC", "-I", sysconfig.get_paths()["include"], "-o", str(pkg / ("_ext" + suffix)),
         str(pkg / "_ext.c"), "-L", str(lib_dir), "-l" + lib_name, "-Wl,-rpath," + str(lib_dir))
    (pkg / "_ext.c").unlink()
    (root / "useext.py").write_text("import extpkg\nprint('value', extpkg.value())\nprint(extpkg.__file__.endswith('/extpkg/__init__.py'))\n")


def test_extension_with_library(tmp_path):
    project = tmp_path / "project"
    lib_dir = tmp_path / "libs"
    _extension_package(project, lib_dir)
    src, dist = build(tmp_path, "useext.py", copy_dir=project)
    shutil.rmtree(lib_dir)  # the copy in the dist folder is used
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    assert (dist / "extpkg" / ("_ext" + suffix)).is_file()
    assert (dist / "libext_helper.so").is_file()
    out = subprocess.run(["patchelf", "--print-rpath", str(dist / "extpkg" / ("_ext" + suffix))],
                         stdout=subprocess.PIPE, check=True)
    assert out.stdout.decode().strip() == "$ORIGIN/.."
    result = run_isolated([str(dist / "useext.bin")], tmp_path, result_dir=dist)
    assert (result.stdout, result.returncode) == ("value 42\nTrue\n", 0), result.describe()


def test_missing_library_is_one_line(tmp_path):
    project = tmp_path / "project"
    lib_dir = tmp_path / "libs"
    _extension_package(project, lib_dir, lib_name="gone_helper")
    shutil.rmtree(lib_dir)
    out = tmp_path / "out"
    result = nuitka(["--standalone", "--output-dir=%s" % out, "useext.py"], project, check=False)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert stderr.startswith("nuitka: error: cannot find library 'libgone_helper.so' needed by ")
    assert "extpkg/_ext" in stderr and len(stderr.splitlines()) == 1, stderr
    assert sorted(p.name for p in out.iterdir()) == ["useext.build"]  # no dist, no temporary folder


def test_missing_patchelf_is_one_line(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "hello.py").write_text("print(1)\n")
    env = compile_env()
    env["PATH"] = "/nonexistent"
    fake_python = tmp_path / "bin"
    fake_python.mkdir()
    result = subprocess.run([sys.executable, "-c", "import sys; sys.executable = %r; import runpy; "
                             "runpy.run_module('nuitka', run_name='__main__')" % str(fake_python / "python"),
                             "--standalone", "--output-dir=%s" % (tmp_path / "out"), "hello.py"],
                            cwd=str(src), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert stderr.startswith("nuitka: error: patchelf is needed") and len(stderr.splitlines()) == 1, stderr
    assert not (tmp_path / "out" / "hello.dist").exists()


@pytest.mark.parametrize("spec", ["temporary", "cached"])
def test_onefile(tmp_path, spec):
    args = ["--onefile"]
    if spec == "cached":
        args.append("--onefile-tempdir-spec={TEMP}/nuitka-test-onefile-%s" % os.getpid())
    src = tmp_path / "src"
    shutil.copytree(PROGRAMS, src, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "out"
    nuitka([*args, "--output-dir=%s" % out, "--remove-output", "values.py"], src)
    assert sorted(p.name for p in out.iterdir()) == ["values.bin"]
    onefile = out / "values.bin"
    shutil.rmtree(src)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    temp = tmp_path / "temp"
    temp.mkdir()
    for _ in range(2 if spec == "cached" else 1):
        result = run_isolated([str(onefile)], run_dir, env={"TMPDIR": str(temp)}, result_dir=out)
        assert result.returncode == 0, result.describe()
        info = json.loads(result.stdout)
        assert info["argv0"] == str(onefile)
        assert info["containing_dir"] == str(out)
        assert info["onefile"] is True and info["standalone"] is True
        extraction = os.path.dirname(info["executable"])
        assert extraction.startswith(str(temp) + "/")
        assert info["main_file"] == extraction + "/values.py"
        assert info["prefix"] == extraction
    left = sorted(os.listdir(temp))
    if spec == "cached":
        assert left == ["nuitka-test-onefile-%s" % os.getpid()]
    else:
        assert left == []


def test_nofollow_imports_carries_bytecode(tmp_path):
    """--nofollow-imports in standalone: other modules are carried as .pyc
    files; --include-module of a standard library module carries it."""
    project = tmp_path / "project"
    (project / "plainpkg").mkdir(parents=True)
    (project / "plainpkg" / "__init__.py").write_text("from .inner import VALUE\n")
    (project / "plainpkg" / "inner.py").write_text("VALUE = 'inner value'\n")
    (project / "prog.py").write_text(
        "import importlib, plainpkg\n"
        "print(plainpkg.VALUE, plainpkg.__file__.endswith('/plainpkg/__init__.pyc'))\n"
        "name = 'sub' + 'process'\n"
        "print(importlib.import_module(name).__name__)\n"
    )
    src, dist = build(tmp_path, "prog.py", "--nofollow-imports", "--include-module=subprocess", copy_dir=project)
    assert (dist / "plainpkg" / "__init__.pyc").is_file() and (dist / "plainpkg" / "inner.pyc").is_file()
    shutil.rmtree(src)
    result = run_isolated([str(dist / "prog.bin")], tmp_path, result_dir=dist)
    assert (result.stdout, result.returncode) == ("inner value True\nsubprocess\n", 0), result.describe()


def test_package_configuration_dlls_and_data_files(tmp_path):
    """Libraries a package opens itself (ctypes) and files it reads, named
    by ``dlls`` / ``data-files`` of the package configuration, are in the
    folder; the library's own dependencies are found by the ELF walk."""
    project = tmp_path / "project"
    libs = project / "vendpkg" / ".libs"
    libs.mkdir(parents=True)
    deps = tmp_path / "deps"
    deps.mkdir()
    (deps / "dep.c").write_text("int dep_value(void) { return 7; }\n")
    _gcc("-shared", "-fPIC", "-o", str(deps / "libvenddep.so"), str(deps / "dep.c"))
    (libs / "vend.c").write_text("int dep_value(void); int vend_value(void) { return 6 * dep_value(); }\n")
    _gcc("-shared", "-fPIC", "-o", str(libs / "libvend.so"), str(libs / "vend.c"), "-L", str(deps), "-lvenddep",
         "-Wl,-rpath," + str(deps))
    (libs / "vend.c").unlink()
    (project / "vendpkg" / "table.json").write_text('{"answer": "from data file"}')
    (project / "vendpkg" / "__init__.py").write_text(
        "import ctypes, json, os\n"
        "HERE = os.path.dirname(__file__)\n"
        "LIB = ctypes.CDLL(os.path.join(HERE, '.libs', 'libvend.so'))\n"
        "def value():\n"
        "    with open(os.path.join(HERE, 'table.json')) as f:\n"
        "        return LIB.vend_value(), json.load(f)['answer']\n"
    )
    (project / "prog.py").write_text("import vendpkg\nprint(*vendpkg.value())\n")
    (project / "config.yml").write_text(
        "- module-name: 'vendpkg'\n"
        "  data-files:\n"
        "    - patterns: ['*.json']\n"
        "  dlls:\n"
        "    - from-filenames: {relative-path: '.libs', prefixes: ['libvend']}\n"
    )
    src, dist = build(tmp_path, "prog.py", "--user-package-configuration-file=config.yml", copy_dir=project)
    shutil.rmtree(src)
    shutil.rmtree(deps)
    assert (dist / "vendpkg" / ".libs" / "libvend.so").is_file()
    assert (dist / "libvenddep.so").is_file()
    result = run_isolated([str(dist / "prog.bin")], tmp_path, result_dir=dist)
    assert (result.stdout, result.returncode) == ("42 from data file\n", 0), result.describe()
