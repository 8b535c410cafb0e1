"""A PyPI package's own test suite, run against its compiled modules.

    python3 tests/package_suites/run.py [--keep DIR] [NAME ...]

For each package (default: all of ``SUITES`` below), its source
distribution is downloaded from PyPI (``pip download --no-binary``; the
sdists listed carry their tests), each of its top-level modules or packages
is compiled with ``--module`` (a package with ``--include-package``, so one
extension module holds all its modules) into ``<work>/ext``, with the
package's other files next to it as after an in-place compile (sources for
``inspect``, data files), and its tests run with pytest twice:

* uncompiled: with the sdist's sources first on ``PYTHONPATH``;
* compiled: with ``<work>/ext`` first on ``PYTHONPATH`` and the sources
  moved out of the sdist folder (so nothing can import them); a pytest
  plugin checks that the package really was the compiled one.

The test files themselves are not compiled (tests inside a package, such
as ``toolz/tests``, are put back without the package's ``__init__.py``). Prints one line per package
(pytest's summary line of each run) and the tests that fail only compiled;
exit status 1 when there are such tests or a build failed. Slow (a few
minutes per package, mostly the C compiler); needs network access to PyPI.
``tests/test_package_suites.py`` runs it as pytest items (marker
``package_suites``).
"""

import argparse
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclasses.dataclass
class Suite:
    requirement: str  # pip requirement of the sdist (pinned: its tests match)
    modules: list  # top-level modules/packages, relative to `source`
    tests: list  # pytest arguments: test paths (relative to the sdist root) and options
    source: str = "."  # folder of the modules inside the sdist
    prepare: dict = dataclasses.field(default_factory=dict)  # files to write (setuptools-scm versions)


SUITES = {
    "attrs": Suite("attrs==25.4.0", ["attr", "attrs"], ["tests"], source="src"),
    "six": Suite("six==1.17.0", ["six"], ["test_six.py"]),
    "more-itertools": Suite("more-itertools==10.8.0", ["more_itertools"], ["tests"]),
    "typing-extensions": Suite(
        "typing_extensions==4.15.0", ["typing_extensions"], ["src/test_typing_extensions.py"], source="src"
    ),
    "idna": Suite("idna==3.10", ["idna"], ["tests"]),
    # (Its conftest uses a hook argument pytest 8 deprecates as an error.)
    "boltons": Suite("boltons==25.0.0", ["boltons"], ["tests", "-W", "default::pytest.PytestRemovedIn9Warning"]),
    "pyparsing": Suite(
        "pyparsing==3.2.5", ["pyparsing"], ["tests", "--ignore=tests/test_diagram.py"]
    ),
    "decorator": Suite("decorator==5.2.1", ["decorator"], ["tests/test.py"], source="src"),
    "cachetools": Suite("cachetools==6.2.1", ["cachetools"], ["tests"], source="src"),
    # (Its conftest uses a py.path hook argument, as boltons'; its C extension is not built here, so its
    # pure-Python wrappers are what runs, both ways.)
    "wrapt": Suite("wrapt==1.17.3", ["wrapt"], ["tests", "-W", "default::pytest.PytestRemovedIn9Warning"], source="src"),
    "pyrsistent": Suite("pyrsistent==0.20.0", ["pyrsistent"], ["tests"]),
    "marshmallow": Suite("marshmallow==3.26.1", ["marshmallow"], ["tests"], source="src"),
    "tenacity": Suite("tenacity==9.1.2", ["tenacity"], ["tests"]),
    "funcy": Suite("funcy==2.0", ["funcy"], ["tests"]),
    "pure-eval": Suite("pure_eval==0.2.3", ["pure_eval"], ["tests"]),
    "semver": Suite("semver==3.0.4", ["semver"], ["tests"], source="src"),
    "parso": Suite("parso==0.8.5", ["parso"], ["test"]),
    "jmespath": Suite("jmespath==1.0.1", ["jmespath"], ["tests"]),
    "executing": Suite("executing==2.2.1", ["executing"], ["tests"]),
    # (Its setup.cfg's addopts, which the runner overrides: testdata holds sample files, not tests.)
    "asttokens": Suite("asttokens==3.0.0", ["asttokens"], ["tests", "--ignore=tests/testdata", "-m", "not slow"]),
    "exceptiongroup": Suite("exceptiongroup==1.3.0", ["exceptiongroup"], ["tests"], source="src"),
    "pluggy": Suite("pluggy==1.6.0", ["pluggy"], ["testing"], source="src"),
    "click": Suite("click==8.1.8", ["click"], ["tests"], source="src"),
    "jinja2": Suite("jinja2==3.1.6", ["jinja2"], ["tests"], source="src"),
    # (Compiled, typeguard's `if not __debug__` is decided at compile time, as documented for
    # --python-flag=-O, so `python -O` does not turn its @typechecked off.)
    "typeguard": Suite(
        "typeguard==4.4.4", ["typeguard"],
        [
            "tests",
            "--deselect=tests/test_typechecked.py::test_typechecked_disabled_in_optimized_mode[O]",
            "--deselect=tests/test_typechecked.py::test_typechecked_disabled_in_optimized_mode[OO]",
        ], source="src",
    ),
    "stack-data": Suite("stack_data==0.6.3", ["stack_data"], ["tests"]),
    "overrides": Suite("overrides==7.7.0", ["overrides"], ["tests"]),
    "lark": Suite("lark==1.2.2", ["lark"], ["tests"]),
    "sqlparse": Suite("sqlparse==0.5.3", ["sqlparse"], ["tests"]),
    "mako": Suite("mako==1.3.10", ["mako"], ["test"]),
    "traitlets": Suite("traitlets==5.14.3", ["traitlets"], ["tests"]),
    # (pytest-asyncio, which its config names, is not installed here.)
    "param": Suite(
        "param==2.2.1", ["param", "numbergen"], ["tests", "-W", "ignore::pytest.PytestConfigWarning"]
    ),
    "icecream": Suite("icecream==2.1.4", ["icecream"], ["tests"]),
    # (pytest-asyncio is not installed here: test_stdlib.py imports it; the other async tests fail both ways.)
    "structlog": Suite(
        "structlog==25.4.0", ["structlog"], ["tests", "--ignore=tests/test_stdlib.py"], source="src"
    ),
    "outcome": Suite("outcome==1.3.0.post0", ["outcome"], ["tests"], source="src"),
    "toolz": Suite("toolz==1.0.0", ["toolz", "tlz"], ["toolz/tests"]),
    "glom": Suite("glom==24.11.0", ["glom"], ["glom/test"]),
    # (Meant to run as python -m dill.tests: some files import each other by bare names.)
    "dill": Suite("dill==0.4.0", ["dill"], ["dill/tests", "--continue-on-collection-errors"]),
    "simplejson": Suite("simplejson==3.20.1", ["simplejson"], ["simplejson/tests"]),
    "pyflakes": Suite("pyflakes==3.4.0", ["pyflakes"], ["pyflakes/test"]),
    # (Its no_cover marks are pytest-cov's, which is not installed here.)
    "python-dateutil": Suite(
        "python-dateutil==2.9.0.post0", ["dateutil"], ["tests", "-W", "ignore::pytest.PytestUnknownMarkWarning"],
        source="src",
    ),
    "mock": Suite("mock==5.2.0", ["mock"], ["mock/tests"]),
    "voluptuous": Suite("voluptuous==0.15.2", ["voluptuous"], ["voluptuous/tests"]),
    "natsort": Suite("natsort==8.4.0", ["natsort"], ["tests"]),
    "humanize": Suite("humanize==4.12.3", ["humanize"], ["tests"], source="src"),
    # (The addopts of its setup.cfg, which the runner overrides.)
    "pydantic-v1": Suite("pydantic==1.10.22", ["pydantic"], ["tests", "-p", "no:hypothesispytest"]),
}

_PLUGIN = '''
import os, sys
def pytest_sessionfinish(session):
    for name in os.environ["PACKAGE_SUITE_MODULES"].split():
        module = sys.modules.get(name)
        state = "compiled" if module is not None and "__compiled__" in vars(module) else "not compiled"
        print("\\nPACKAGE_SUITE_MODULE %s %s" % (name, state))
'''

_OUTCOME = re.compile(r"^(FAILED|ERROR) (\S+)", re.M)


def _run(command, cwd, env=None, timeout=3600):
    return subprocess.run(
        [str(c) for c in command], cwd=str(cwd), env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
    )


def _unpack(archive, into):
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            z.extractall(into)
    else:
        with tarfile.open(archive) as t:
            t.extractall(into, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    (root,) = [p for p in into.iterdir() if p.is_dir()]
    return root


def _compile(module_dir, name, ext_dir, log):
    """``--module`` one top-level module or package; its files but the
    package's own ``__init__.py`` go next to the extension."""
    package = (module_dir / name).is_dir()
    args = ["--module", name, "--include-package=" + name] if package else ["--module", name + ".py"]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = _run(
        [sys.executable, "-m", "nuitka", *args, "--output-dir=%s" % ext_dir, "--remove-output"], module_dir, env
    )
    log.write_text(result.stdout)
    if result.returncode != 0:
        return False
    if package:
        for path in (module_dir / name).rglob("*"):
            relative = path.relative_to(module_dir)
            if path.is_file() and "__pycache__" not in path.parts and relative != Path(name, "__init__.py"):
                (ext_dir / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, ext_dir / relative)
    else:
        shutil.copy2(module_dir / (name + ".py"), ext_dir)
    return True


def _pytest(root, path_first, suite, work, label):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(path_first), str(work)])
    env["PACKAGE_SUITE_MODULES"] = " ".join(suite.modules)
    result = _run(
        [sys.executable, "-m", "pytest", *suite.tests, "-q", "-rfE", "-p", "no:cacheprovider",
         "-p", "package_suite_plugin", "-o", "addopts="],
        root, env,
    )
    (work / ("%s.log" % label)).write_text(result.stdout)
    lines = [l for l in result.stdout.splitlines() if l.strip()]
    summary = next((l.strip("= ") for l in reversed(lines) if " in " in l and ("passed" in l or "failed" in l or "error" in l)), "(no summary)")
    states = dict(re.findall(r"^PACKAGE_SUITE_MODULE (\S+) (.+)$", result.stdout, re.M))
    failing = {m.group(2) for m in _OUTCOME.finditer(result.stdout)}
    return summary, states, failing


def _tests_inside_packages(root, module_dir, suite):
    """Test paths of ``suite`` inside its packages, relative to ``module_dir``."""
    inside = []
    for argument in suite.tests:
        path = (root / argument.split("::")[0]).resolve()
        if argument.startswith("-") or not path.is_relative_to(module_dir.resolve()) or not path.exists():
            continue
        relative = path.relative_to(module_dir.resolve())
        if len(relative.parts) > 1 and relative.parts[0] in suite.modules:
            inside.append(relative)
    return inside


def run_suite(name, suite, work):
    """Returns (ok, report lines)."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "package_suite_plugin.py").write_text(_PLUGIN)
    download = _run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
         "-d", work / "sdist", suite.requirement], work,
    )
    archives = list((work / "sdist").glob("*")) if (work / "sdist").exists() else []
    if download.returncode != 0 or len(archives) != 1:
        return False, ["%s: download failed\n%s" % (name, download.stdout[-2000:])]
    root = _unpack(archives[0], work / "src")
    module_dir = root / suite.source
    for relative, text in suite.prepare.items():
        (root / relative).write_text(text)
    ext_dir = work / "ext"
    ext_dir.mkdir()
    for module in suite.modules:
        if not _compile(module_dir, module, ext_dir, work / ("build-%s.log" % module)):
            return False, ["%s: compiling %s failed (see %s)" % (name, module, work / ("build-%s.log" % module))]
    hidden = work / "hidden"
    hidden.mkdir()
    inside = _tests_inside_packages(root, module_dir, suite)
    if not inside:
        base_summary, base_states, base_failing = _pytest(root, module_dir, suite, work, "uncompiled")
    for module in suite.modules:
        source = module_dir / module if (module_dir / module).is_dir() else module_dir / (module + ".py")
        shutil.move(str(source), str(hidden / source.name))
    # Tests inside a package (toolz/tests) go back to their place, without
    # the package's __init__.py, so the package imported is the compiled one
    # (the extension's own compiled copies of them stay unused). Their
    # modules are named tests.test_x then, not toolz.tests.test_x: the
    # uncompiled run is the same, with the sources moved aside first.
    for relative in inside:
        copy = shutil.copytree if (hidden / relative).is_dir() else shutil.copy2
        (module_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        copy(hidden / relative, module_dir / relative)
    if inside:
        base_summary, base_states, base_failing = _pytest(root, hidden, suite, work, "uncompiled")
    summary, states, failing = _pytest(root, ext_dir, suite, work, "compiled")
    lines = ["%-18s uncompiled: %s" % (name, base_summary), "%-18s compiled:   %s" % ("", summary)]
    ok = True
    not_compiled = [m for m in suite.modules if states.get(m) != "compiled"]
    if not_compiled:
        ok = False
        lines.append("  NOT COMPILED in the compiled run: %s" % " ".join(not_compiled))
    for test in sorted(failing - base_failing):
        ok = False
        lines.append("  fails only compiled: %s" % test)
    return ok, lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="packages (default: all of %s)" % ", ".join(SUITES))
    parser.add_argument("--keep", help="work folder to keep (default: a temporary one, removed)")
    args = parser.parse_args(argv)
    names = args.names or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        parser.error("unknown package(s): %s (known: %s)" % (" ".join(unknown), " ".join(SUITES)))
    top = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="package-suites-"))
    status = 0
    try:
        for name in names:
            ok, lines = run_suite(name, SUITES[name], top / name)
            print("\n".join(lines), flush=True)
            status |= not ok
    finally:
        if not args.keep:
            shutil.rmtree(top, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
