"""Build the throwaway test extension for nuitka/runtime/args.c.

The extension is compiled with the C compiler (``$CC``, default gcc) for the
running Python, into a temporary directory, once per test session.
"""

import importlib.util
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import sysconfig

import pytest

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
RUNTIME = REPO / "nuitka" / "runtime"

MODULE_NAME = "_nuitka_args_test"


def _build(out_dir):
    cc = shlex.split(os.environ.get("CC", "gcc"))
    if shutil.which(cc[0]) is None:
        pytest.fail(f"C compiler {cc[0]!r} not found (set CC)")

    paths = sysconfig.get_paths()
    includes = {paths["include"], paths["platinclude"]}
    target = out_dir / (MODULE_NAME + sysconfig.get_config_var("EXT_SUFFIX"))
    command = (
        cc
        + ["-shared", "-fPIC", "-O2", "-g", "-std=c11"]
        + ["-Wall", "-Wextra", "-Werror"]
        + [f"-I{inc}" for inc in sorted(includes)]
        + [f"-I{RUNTIME / 'include'}"]
        + [str(HERE / "argstest.c"), str(RUNTIME / "args.c")]
        + ["-o", str(target)]
    )
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(
            "building the test extension failed:\n"
            + " ".join(command)
            + "\n"
            + result.stdout
            + result.stderr
        )
    return target


@pytest.fixture(scope="session")
def ext(tmp_path_factory):
    target = _build(tmp_path_factory.mktemp("runtime_args"))
    spec = importlib.util.spec_from_file_location(MODULE_NAME, target)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules.setdefault(MODULE_NAME, module)
    return module
