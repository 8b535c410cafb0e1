"""Plugins and package configuration, without compiling: conditions, the
YAML schema, the plugin host, anti-bloat and implicit imports, and their
effect on the module graph."""

import textwrap

import pytest

from nuitka.modules.finder import ModuleFinder, default_search_path
from nuitka.modules.graph import FollowPolicy, ModuleGraph
from nuitka.options import parse_options
from nuitka.plugins import PluginError, PluginHost, format_plugin_list
from nuitka.plugins.conditions import ConditionError, ConditionEvaluator, condition_names, version_tuple
from nuitka.plugins.package_config import PackageConfigError, PackageConfiguration
from nuitka.plugins.package_config.loader import load_file
from nuitka.plugins.standard.anti_bloat import make_uncallable
from nuitka.plugins.standard.implicit_imports import resolve_name


@pytest.fixture
def prog(tmp_path):
    path = tmp_path / "prog.py"
    path.write_text("print('hi')\n")
    return path


def evaluator(mode="standalone", deployment=False, **kwargs):
    return ConditionEvaluator(condition_names(mode, deployment, (3, 11), "linux"), **kwargs)


# -- conditions ---------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("standalone", True),
    ("not standalone", False),
    ("standalone and not deployment", True),
    ("onefile or module", False),
    ("python_version >= (3, 11)", True),
    ("python_version < (3, 11)", False),
    ("python312_or_higher", False),
    ("linux and not windows", True),
    ("'a' in ('a', 'b')", True),
    ("version('no-such-distribution-xyz') is None", True),
    ("version('no-such-distribution-xyz') >= (1,)", False),
    ("version('pytest') >= (1,)", True),
    ("plugin('anti-bloat')", True),
    ("has_module('json')", True),
    ("has_module('json.no_such_submodule')", False),
    ("1 if standalone else 0", True),
])
def test_conditions(text, expected):
    ev = evaluator(plugin_enabled=lambda name: name == "anti-bloat")
    assert ev.evaluate(text) is expected


@pytest.mark.parametrize("text,message", [
    ("__import__('os')", "only version"),
    ("standalone.real", "not allowed"),
    ("open('x')", "only version"),
    ("standlone", "unknown name 'standlone'"),
    ("standalone and", "not a valid expression"),
    ("[1, 2]", "not allowed"),
    ("(lambda: 1)()", "only version"),
])
def test_conditions_refused(text, message):
    with pytest.raises(ConditionError, match=message.replace("(", r"\(")):
        evaluator().evaluate(text)


def test_version_tuple():
    assert version_tuple("2.1.0rc1") == (2, 1, 0)
    assert version_tuple("1.26.4") == (1, 26, 4)
    assert version_tuple("2024.2") == (2024, 2)


# -- YAML schema ----------------------------------------------------------------


def write(tmp_path, text, name="config.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


@pytest.mark.parametrize("text,line,message", [
    ("- module-name: 'x'\n  anti-blot: []\n", 2, "unknown section 'anti-blot'"),
    ("- module-name: 'x'\n  anti-bloat:\n    - replacements_plain: {'a': 'b'}\n", 3, "needs 'description'"),
    ("- module-name: 'x'\n  anti-bloat:\n    - description: 'd'\n      replacements_plain: ['a']\n", 4,
     "replacements_plain must be a map"),
    ("- module-name: 'x'\n  anti-bloat:\n    - description: 'd'\n      no-follow: {'a': 'b'}\n      when: 'standlone'\n",
     5, "unknown name 'standlone'"),
    ("- module-name: 'x'\n  anti-bloat:\n    - description: 'd'\n      replacements_re: {'(': 'b'}\n", 4,
     "bad regular expression"),
    ("- module-name: 'x'\n  anti-bloat:\n    - description: 'd'\n", 3, "changes nothing"),
    ("- module-name: 'x y'\n", 1, "dotted module name"),
    ("- module-name: 'x'\n- module-name: 'x'\n", 2, "second entry"),
    ("module-name: 'x'\n", 1, "must be a list"),
    ("- module-name: 'x'\n  options:\n    - description: 'd'\n      support-info: loud\n", 4, "support-info must be"),
    ("- module-name: 'x'\n  dlls:\n    - from-filenames: {relative-path: '.', prefix: ['a']}\n", 3,
     "unknown key 'prefix'"),
    ("- module-name: 'x'\n  implicit-imports:\n    - depends: 'a'\n", 3, "depends must be a list of strings"),
    ("- module-name: 'x'\n   bad: [\n", 2, "not valid YAML"),
])
def test_schema_errors_name_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(PackageConfigError) as info:
        load_file(str(path), evaluator())
    assert str(info.value).startswith("%s:%d: " % (path, line)), str(info.value)
    assert message in str(info.value)


def test_standard_configuration_is_valid():
    config = PackageConfiguration(evaluator())
    assert "pickle" in config.module_names("anti-bloat")


def test_items_follow_conditions(tmp_path):
    path = write(tmp_path, """\
        - module-name: 'pkg'
          implicit-imports:
            - depends: ['a']
              when: 'standalone'
            - depends: ['b']
              when: 'not standalone'
            - depends: ['c']
        """)
    config = PackageConfiguration(evaluator(), files=[str(path)])
    assert [i.data["depends"] for i in config.items("pkg", "implicit-imports")] == [["a"], ["c"]]
    assert [i.origin for i in config.items("pkg", "implicit-imports")] == ["config.yml:3", "config.yml:7"]


# -- the host ----------------------------------------------------------------------


def host_for(argv, **kwargs):
    return PluginHost(parse_options(argv), **kwargs)


def test_plugin_list(prog):
    text = format_plugin_list(host_for([str(prog)]))
    for name in ("anti-bloat", "implicit-imports", "data-files", "dll-files"):
        assert name in text
    assert "on by default" in text


def test_unknown_and_conflicting_plugins(prog):
    with pytest.raises(PluginError, match="unknown plugin 'nosuch'"):
        host_for(["--enable-plugin=nosuch", str(prog)])
    with pytest.raises(PluginError, match="both enabled and disabled"):
        host_for(["--enable-plugin=anti-bloat", "--disable-plugin=anti-bloat", str(prog)])
    host = host_for(["--disable-plugin=anti-bloat", str(prog)])
    assert not host.is_enabled("anti-bloat") and host.is_enabled("implicit-imports")


def test_user_plugin(tmp_path, prog):
    plugin = tmp_path / "myplugin.py"
    plugin.write_text(textwrap.dedent("""\
        from nuitka.plugins import NuitkaPluginBase

        class Mine(NuitkaPluginBase):
            plugin_name = "mine"
            plugin_description = "test"

            def implicit_imports(self, module_name, filename):
                if module_name == "__main__":
                    yield "json", "because"
        """))
    host = host_for(["--user-plugin=%s" % plugin, str(prog)])
    assert host.is_enabled("mine")
    assert host.implicit_imports("__main__", str(prog)) == ["json"]
    assert [(d.plugin, d.kind, d.detail, d.reason) for d in host.decisions] == [
        ("mine", "implicit-import", "json", "because")
    ]


def test_user_plugin_errors(tmp_path, prog):
    with pytest.raises(PluginError, match="no such file"):
        host_for(["--user-plugin=%s" % (tmp_path / "none.py"), str(prog)])
    empty = tmp_path / "empty.py"
    empty.write_text("x = 1\n")
    with pytest.raises(PluginError, match="defines no plugin"):
        host_for(["--user-plugin=%s" % empty, str(prog)])
    broken = tmp_path / "broken.py"
    broken.write_text("raise ValueError('boom')\n")
    with pytest.raises(PluginError, match="loading it failed: ValueError: boom"):
        host_for(["--user-plugin=%s" % broken, str(prog)])
    raising = tmp_path / "raising.py"
    raising.write_text(textwrap.dedent("""\
        from nuitka.plugins import NuitkaPluginBase

        class Bad(NuitkaPluginBase):
            plugin_name = "bad"

            def implicit_imports(self, module_name, filename):
                raise KeyError("oops")
        """))
    host = host_for(["--user-plugin=%s" % raising, str(prog)])
    with pytest.raises(PluginError, match=r"plugin 'bad' failed in implicit_imports\('m'.*KeyError"):
        host.implicit_imports("m", None)


def test_auto_enable(tmp_path, prog, monkeypatch):
    plugin = tmp_path / "auto.py"
    plugin.write_text(textwrap.dedent("""\
        from nuitka.plugins import NuitkaPluginBase

        class Auto(NuitkaPluginBase):
            plugin_name = "auto"
            auto_enable_modules = ("json",)
        """))
    host = host_for(["--user-plugin=%s" % plugin, str(prog)])
    # User plugins are on when given; a standard-like one with
    # auto_enable_modules switches on when its module is used.
    host._enabled.pop("auto")
    assert not host.is_enabled("auto")
    host.module_encountered("os", None)
    assert not host.is_enabled("auto")
    host.module_encountered("json.decoder", None)
    assert host.is_enabled("auto")


# -- anti-bloat ------------------------------------------------------------------------


def test_numpy_build_tools_are_left_out(prog):
    """numpy's lazy np.f2py / np.distutils (build tools) and the test helpers
    that import numpy.distutils are not followed; a program that imports them
    itself gets them, and they keep their own modules."""
    host = host_for([str(prog)])
    assert host.decide_follow("numpy.f2py", "numpy")[0] is False
    assert host.decide_follow("numpy.distutils", "numpy")[0] is False
    assert host.decide_follow("numpy.distutils.cpuinfo", "numpy._pytesttester")[0] is False
    assert host.decide_follow("numpy.distutils.misc_util", "numpy.testing._private.utils")[0] is False
    assert host.decide_follow("numpy.f2py", "__main__") is None
    assert host.decide_follow("numpy.f2py.crackfortran", "numpy.f2py") is None
    assert host.decide_follow("numpy.linalg", "numpy") is None


def test_noinclude_modes(prog):
    warnings = []
    host = host_for([str(prog)], warn=warnings.append)
    # Defaults: pytest left out of a library, but the program itself gets it.
    assert host.decide_follow("pytest", "mypkg.testing")[0] is False
    assert host.decide_follow("pytest", "__main__") is None
    # unittest: followed with a warning naming the importer.
    assert host.decide_follow("unittest", "mypkg.testing") is None
    assert "imports 'unittest'" in warnings[0] and "--noinclude-unittest-mode=nofollow" in warnings[0]
    host = host_for(["--noinclude-pytest-mode=warning", str(prog)], warn=warnings.append)
    assert host.decide_follow("pytest", "mypkg.testing") is None
    assert "imports 'pytest'" in warnings[-1]
    host = host_for(["--noinclude-unittest-mode=nofollow", str(prog)])
    assert host.decide_follow("unittest.mock", "mypkg")[0] is False
    assert host.decide_follow("unittest.mock", "__main__")[0] is False  # given: applies to all
    assert host.decide_follow("unittest.case", "unittest") is None  # inside the package
    host = host_for(["--noinclude-pytest-mode=nofollow", str(prog)])
    assert host.decide_follow("_pytest.config", "pytest") is None  # inside the group
    host = host_for(["--noinclude-custom-mode=json:error", str(prog)])
    with pytest.raises(PluginError, match="'mypkg' imports 'json.decoder', which --noinclude-custom-mode=json:error forbids"):
        host.decide_follow("json.decoder", "mypkg")
    host = host_for(["--noinclude-unittest-mode=allow", str(prog)], warn=warnings.append)
    count = len(warnings)
    assert host.decide_follow("unittest", "x") is None and len(warnings) == count


def test_source_changes(tmp_path, prog):
    config = write(tmp_path, """\
        - module-name: 'mod'
          anti-bloat:
            - description: 'plain and re'
              replacements_plain: {'import heavy': 'heavy = None'}
              replacements_re: {'^DEBUG = .*$': 'DEBUG = False'}
            - description: 'only in accelerated'
              replacements_plain: {'X = 1': 'X = 2'}
              when: 'accelerated'
            - description: 'functions'
              change_function: {'helper': 'un-callable', 'K.method': 'un-callable'}
              append_code: 'APPENDED = True'
        """)
    host = host_for(["--standalone", "--user-package-configuration-file=%s" % config, str(prog)])
    source = textwrap.dedent("""\
        import heavy
        DEBUG = True
        X = 1
        def helper(a):
            import something
            return a

        class K:
            def method(self): return 1
        AFTER = 'line 10'
        """)
    changed = host.change_source("mod", "mod.py", source)
    lines = changed.splitlines()
    assert lines[0] == "heavy = None" and lines[1] == "DEBUG = False" and lines[2] == "X = 1"
    assert "raise RuntimeError" in lines[4] and "import something" not in changed
    assert "raise RuntimeError" in lines[8] and lines[9] == "AFTER = 'line 10'"
    assert lines[-1] == "APPENDED = True"
    namespace = {}
    exec(compile(changed.replace("heavy = None", "heavy = 1"), "mod.py", "exec"), namespace)
    with pytest.raises(RuntimeError, match="mod.helper was removed by the anti-bloat plugin"):
        namespace["helper"](1)
    assert [d.kind for d in host.decisions] == ["source"]
    assert host.change_source("other", "other.py", source) == source


def test_make_uncallable_keeps_lines():
    source = 'def f():\n    """doc"""\n    x = 1\n\n    return x\ny = 2\n'
    changed = make_uncallable(source, "f", "m", "m.py", print, "t")
    assert changed.count("\n") == source.count("\n") and changed.splitlines()[5] == "y = 2"


def test_resolve_relative_names():
    assert resolve_name(".sub", "pkg.mod") == "pkg.sub"
    assert resolve_name(".sub", "pkg", is_package=True) == "pkg.sub"
    assert resolve_name("..x", "a.b.c") == "a.x"
    assert resolve_name("abs.name", "pkg") == "abs.name"


# -- effect on the module graph --------------------------------------------------------------


class _FollowAll(FollowPolicy):
    def should_follow(self, info):
        return info.compilable


def closure(tmp_path, source, argv=()):
    main = tmp_path / "main.py"
    main.write_text(source)
    host = host_for(["--standalone"] + list(argv) + [str(main)])
    graph = ModuleGraph(ModuleFinder(default_search_path(str(tmp_path))), _FollowAll(), plugins=host)
    graph.add_main(str(main))
    while True:
        module = graph.next_module()
        if module is None:
            break
        graph.scan(module)
    return set(graph.modules), host


def test_json_argparse_program_carries_no_bloat(tmp_path):
    names, _ = closure(tmp_path, "import json, argparse\n")
    for unwanted in ("unittest", "pytest", "setuptools", "pydoc", "distutils", "email", "http", "doctest"):
        assert not any(n == unwanted or n.startswith(unwanted + ".") for n in names), unwanted
    assert "json.decoder" in names and "argparse" in names


def test_pydoc_pager_brings_no_web_server(tmp_path):
    # rich's Console.pager() uses pydoc.pager(): no web server (http.server, webbrowser).
    names, _ = closure(tmp_path, "import pydoc\n")
    assert "pydoc" in names
    # (email.message comes with importlib.metadata, which pkgutil may use.)
    assert not {"http.server", "webbrowser"} & names, {"http.server", "webbrowser"} & names
    names, _ = closure(tmp_path, "import pydoc, http.server\n")
    assert "http.server" in names


def test_no_follow_is_per_importer(tmp_path):
    # multiprocessing.connection leaves xmlrpc out, a program importing it gets it.
    names, host = closure(tmp_path, "import multiprocessing.connection\n")
    assert "xmlrpc" not in names and "xmlrpc.client" not in names
    assert any(d.kind == "nofollow" and d.detail == "xmlrpc" for d in host.decisions)
    names, _ = closure(tmp_path, "import multiprocessing.connection, xmlrpc.client\n")
    assert "xmlrpc.client" in names


def test_self_test_functions_are_not_followed(tmp_path):
    (tmp_path / "lib.py").write_text(
        "def _helper():\n    import doctest\n"
        "def _test():\n    _helper()\n"
        "def _used():\n    import difflib\n"
        "VALUE = _used\n"
        "if __name__ == '__main__':\n    _test()\n"
    )
    names, _ = closure(tmp_path, "import lib\n")
    assert "difflib" in names and "doctest" not in names


def test_main_block_imports_of_imported_modules_are_not_followed(tmp_path):
    (tmp_path / "helper.py").write_text("if __name__ == '__main__':\n    import doctest\n")
    names, _ = closure(tmp_path, "import helper\nif __name__ == '__main__':\n    import difflib\n")
    assert "helper" in names and "difflib" in names and "doctest" not in names


def test_implicit_imports_from_configuration(tmp_path):
    (tmp_path / "plug").mkdir()
    (tmp_path / "plug" / "__init__.py").write_text("")
    (tmp_path / "plug" / "loader.py").write_text("import importlib\n")
    (tmp_path / "plug" / "backends").mkdir()
    (tmp_path / "plug" / "backends" / "__init__.py").write_text("")
    (tmp_path / "plug" / "backends" / "fast.py").write_text("")
    (tmp_path / "plug" / "extra.py").write_text("")
    config = write(tmp_path, """\
        - module-name: 'plug.loader'
          implicit-imports:
            - depends: ['.extra', 'plug.backends.*']
        """)
    names, host = closure(tmp_path, "import plug.loader\n",
                          ["--user-package-configuration-file=%s" % config])
    assert {"plug.extra", "plug.backends", "plug.backends.fast"} <= names


# -- package metadata --------------------------------------------------------------------------


def test_package_metadata_of_used_distributions(prog):
    import pytest as pytest_module

    host = host_for(["--standalone", str(prog)])
    files = host.data_files("pytest", pytest_module.__file__, True)
    dests = [dest for _, dest, _ in files]
    assert any(d.endswith(".dist-info/METADATA") and d.startswith("pytest-") for d in dests), dests
    assert not any(d.endswith("/RECORD") for d in dests)
    assert host.data_files("pytest", pytest_module.__file__, True) == []  # once
    assert host_for([str(prog)]).data_files("pytest", pytest_module.__file__, True) == []  # accelerated


# -- extension modules, package data, load code ----------------------------------------


def test_extension_imports(tmp_path):
    from nuitka.standalone.extension_imports import extension_imports, top_level_extensions

    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (tmp_path / "_helper_backend.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (tmp_path / "abcdef__mypyc.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    ext = pkg / "_fast.cpython-311-x86_64-linux-gnu.so"
    # C strings, and Rust's names written one after another.
    ext.write_bytes(b"\x00pkg._errors\x00os.path\x00pkg.a.bpkg.c.d\x00abcdef__mypyc\x00_helper_backend\x00"
                    b"x_helper_backendx\x00")
    (pkg / "_fast.py").write_text("from . import _shared\nimport json\n")
    extensions = top_level_extensions([str(tmp_path)])
    assert extensions == {"_helper_backend", "abcdef__mypyc"}
    names = extension_imports("pkg._fast", str(ext), False, extensions)
    assert names == ["pkg", "pkg._shared", "json", "pkg._errors", "pkg.a.b", "pkg.c.d",
                     "abcdef__mypyc", "_helper_backend"]


def test_package_data_files(tmp_path):
    from nuitka.plugins.standard.package_data import LOADERS, folder_data_files

    (tmp_path / "templates" / "sub").mkdir(parents=True)
    (tmp_path / "templates" / "sub" / "a.html").write_text("")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "x.txt").write_text("")
    (tmp_path / "subpkg").mkdir()
    (tmp_path / "subpkg" / "__init__.py").write_text("")
    (tmp_path / "subpkg" / "data.bin").write_text("")
    for name in ("__init__.py", "mod.pyi", "py.typed", "header.h", "cacert.pem"):
        (tmp_path / name).write_text("")
    assert [rel for _, rel in folder_data_files(str(tmp_path))] == ["cacert.pem", "templates/sub/a.html"]
    assert LOADERS.search("here = os.path.dirname(__file__)")
    assert LOADERS.search("importlib.resources.files(__package__)")
    assert LOADERS.search("pkgutil.get_data(__name__, 'x')")
    assert not LOADERS.search("import json\nprint(filename)\n")


def test_load_code_keeps_lines():
    import ast

    from nuitka.plugins.load_code import add_code_to_source, add_code_to_tree

    source = '"""doc"""\nfrom __future__ import annotations\nx = 1\ndef f():\n    raise ValueError\n'
    changed = add_code_to_source(source, "A = 1\nB = 2\n", "C = 3")
    assert changed.splitlines()[2] == "exec('A = 1\\nB = 2\\n'); x = 1"
    assert changed.splitlines()[4] == "    raise ValueError" and changed.endswith("C = 3\n")
    namespace = {}
    exec(compile(changed, "m", "exec"), namespace)
    assert (namespace["A"], namespace["B"], namespace["C"]) == (1, 2, 3)
    # A compound first statement: the code goes on a line of its own.
    assert add_code_to_source("def f(): pass\n", "A = 1", "") == "exec('A = 1')\ndef f(): pass\n"
    tree = add_code_to_tree(ast.parse(source), "A = 1", "C = 3")
    assert [type(n).__name__ for n in tree.body] == ["Expr", "ImportFrom", "Assign", "Assign", "FunctionDef", "Assign"]
    assert tree.body[4].body[0].lineno == 5


def test_cython_extensions_get_their_hidden_standard_library_imports(prog):
    # pandas' Cython modules import these from C (compressed string constants):
    # without them 'import pandas' fails in a standalone program.
    host = host_for(["--standalone", str(prog)])
    assert "cmath" in host.implicit_imports("pandas._libs.testing", None)
    assert "zoneinfo._zoneinfo" in host.implicit_imports("pandas._libs.tslibs.timezones", None)
