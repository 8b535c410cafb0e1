"""Integration modules (nuitka.modules.integrations): a module of a package
imported only sometimes (in a function, by a name in a string) that imports
at module level a distribution the package names for an extra only is left
out by anti-bloat, unless the program uses that distribution itself."""

import textwrap

import pytest

from nuitka.modules import distributions
from nuitka.modules.finder import ModuleFinder, default_search_path
from nuitka.modules.graph import FollowPolicy, ModuleGraph
from nuitka.modules.integrations import IntegrationCheck
from nuitka.options import parse_options
from nuitka.plugins import PluginHost


class _FollowAll(FollowPolicy):
    def should_follow(self, info):
        return info.compilable


def _write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


@pytest.fixture
def world(tmp_path, monkeypatch):
    """Packages ``frames`` (requires ``arrays``, extra ``plot`` needs
    ``plotlib``, which requires ``colours``), ``plotlib``, ``colours``,
    ``arrays`` and ``stray`` (named by nobody)."""
    _write(tmp_path, {
        "frames/__init__.py": """
            from frames import core
            try:
                from frames import uses_plotlib  # used whenever installed
            except ImportError:
                pass
            def style():
                from frames import styler
                return styler
            def stray_feature():
                from frames import uses_stray
                return uses_stray
            """,
        "frames/core.py": """
            import arrays
            def plot():
                import importlib
                return importlib.import_module("frames.plotting")
            def numbers():
                from frames import helpers
                return helpers
            """,
        "frames/plotting/__init__.py": "from frames.plotting.draw import draw\n",
        "frames/plotting/draw.py": "import plotlib\ndef draw():\n    return plotlib.NAME\n",
        "frames/styler.py": "from frames.render import render\n",
        "frames/render.py": "try:\n    import fancy\nexcept ImportError:\n    fancy = None\nimport colours\nrender = 1\n",
        "frames/helpers.py": "import arrays\nHELP = 1\n",
        "frames/uses_stray.py": "import stray\n",
        "frames/uses_plotlib.py": "import plotlib\n",
        "app/__init__.py": "import frames\n",
        "plotlib/__init__.py": "import colours\nNAME = 'plotlib'\n",
        "colours/__init__.py": "RED = 1\n",
        "arrays/__init__.py": "ARRAY = 1\n",
        "stray/__init__.py": "STRAY = 1\n",
    })
    tops = {name: frozenset({name}) for name in ("frames", "plotlib", "colours", "arrays", "stray", "app")}
    requires = {
        "app": ["frames", "colours"],
        "frames": ["arrays>=1", "plotlib; extra == \"plot\""],
        "plotlib": ["colours"],
    }

    def fake_requirements(dist, extras):
        return frozenset(distributions.normalize(r.split(";")[0].split(">")[0])
                         for r in requires.get(dist, []) if ("extra" in r) == extras)

    monkeypatch.setattr(distributions, "_top_level_map", lambda: tops)
    monkeypatch.setattr(distributions, "_requirements", fake_requirements)
    for cached in (distributions._direct_requirements, distributions._extra_requirements,
                   distributions.required_closure, distributions.extras_closure):
        cached.cache_clear()
    yield tmp_path
    for cached in (distributions._direct_requirements, distributions._extra_requirements,
                   distributions.required_closure, distributions.extras_closure):
        cached.cache_clear()


def closure(root, source, argv=()):
    main = root / "main.py"
    main.write_text(source)
    host = PluginHost(parse_options(["--standalone"] + list(argv) + [str(main)]))
    graph = ModuleGraph(ModuleFinder(default_search_path(str(root))), _FollowAll(), plugins=host)
    graph.add_main(str(main))
    while True:
        module = graph.next_module()
        if module is None:
            break
        graph.scan(module)
    return set(graph.modules), host


def test_lazy_module_needing_an_extra_is_left_out(world):
    (world / "frames" / "__init__.py").write_text(
        (world / "frames" / "__init__.py").read_text().replace("from frames import uses_plotlib", "pass"))
    names, host = closure(world, "import frames\n")
    assert "frames.core" in names and "arrays" in names
    # import_module("frames.plotting") in a function: needs plotlib (extra).
    assert "frames.plotting" not in names and "plotlib" not in names
    # styler -> render -> colours (required by plotlib, the extra): left out.
    assert "frames.styler" not in names and "colours" not in names
    # helpers needs arrays, a requirement: followed.
    assert "frames.helpers" in names
    # stray is named by nobody (metadata does not say it is optional): followed.
    assert "frames.uses_stray" in names and "stray" in names
    reasons = [d.reason for d in host.decisions if d.detail == "frames.plotting"]
    assert reasons and "plotlib" in reasons[0] and "frames.plotting.draw" in reasons[0]


def test_program_using_the_extra_keeps_the_integration(world):
    names, _ = closure(world, "import plotlib\nimport frames\n")
    assert "frames.plotting" in names and "frames.plotting.draw" in names
    # colours came with plotlib: the styler works too.
    assert "frames.styler" in names


def test_module_level_try_uses_what_is_installed(world):
    # "try: from frames import uses_plotlib" runs on every import of frames
    # (bs4 registering its lxml tree builder): followed, plotlib with it.
    names, _ = closure(world, "import frames\n")
    assert "frames.uses_plotlib" in names and "plotlib" in names


def test_requirement_of_another_distribution_of_the_program_is_used(world):
    # app requires colours: the styler (colours, an extra of frames) stays.
    (world / "frames" / "__init__.py").write_text(
        (world / "frames" / "__init__.py").read_text().replace("from frames import uses_plotlib", "pass"))
    (world / "app" / "__init__.py").write_text("import frames\n")  # (colours not imported by app)
    names, _ = closure(world, "import app\n")
    assert "plotlib" not in names and "frames.plotting" not in names
    assert "frames.styler" in names and "frames.render" in names and "colours" in names


def test_disabled_anti_bloat_follows_everything(world):
    names, _ = closure(world, "import frames\n", ["--disable-plugin=anti-bloat"])
    assert {"frames.plotting", "plotlib", "frames.styler", "colours"} <= names


def test_check_names_the_first_foreign_import(world):
    check = IntegrationCheck(ModuleFinder(default_search_path(str(world))), lambda top: False)
    assert check.module_level_imports("frames.render") == ["colours"]  # fancy is in a try
    assert "colours (in frames.render)" in check.reason("frames.styler")
    assert check.reason("frames.helpers") is None
    assert check.reason("json") is None  # no distribution: no opinion
    used = IntegrationCheck(ModuleFinder(default_search_path(str(world))), lambda top: top == "plotlib")
    assert used.reason("frames.plotting") is None


def test_module_named_with_an_attribute_in_a_string_is_followed(world):
    # boto3 registers handlers as "boto3.s3.inject.inject_s3_transfer_methods"
    # and imports the module part when the handler first runs.
    _write(world, {
        "lazyreg/__init__.py": """
            HANDLERS = ["lazyreg.handlers.inject.setup", "lazyreg.nothing.here", "lazyreg.plain"]
            """,
        "lazyreg/handlers/__init__.py": "",
        "lazyreg/handlers/inject.py": "def setup():\n    return 1\n",
        "lazyreg/plain.py": "PLAIN = 1\n",
        "lazyreg/unnamed.py": "UNNAMED = 1\n",
    })
    modules, _ = closure(world, "import lazyreg\n")
    assert {"lazyreg.handlers.inject", "lazyreg.plain"} <= modules
    assert not {"lazyreg.nothing", "lazyreg.unnamed"} & modules


def test_package_named_as_a_prefix_brings_its_modules(world):
    # docutils: import_module("docutils.writers." + name), and a tuple of
    # such prefixes tried in turn for languages.
    _write(world, {
        "docs/__init__.py": """
            from importlib import import_module
            def writer(name):
                return import_module("docs.writers." + name)
            PACKAGES = ("docs.languages.", "")
            TOP = "docs."
            """,
        "docs/writers/__init__.py": "",
        "docs/writers/html.py": "HTML = 1\n",
        "docs/writers/latex/__init__.py": "LATEX = 1\n",
        "docs/writers/latex/styles.py": "STYLES = 1\n",
        "docs/languages/__init__.py": "",
        "docs/languages/en.py": "EN = 1\n",
        "docs/writers/tests/__init__.py": "",
        "docs/writers/tests/test_html.py": "import pytest\n",
        "docs/other/__init__.py": "",
        "docs/other/unnamed.py": "UNNAMED = 1\n",
    })
    modules, _ = closure(world, "import docs\n")
    assert {"docs.writers.html", "docs.writers.latex", "docs.writers.latex.styles",
            "docs.languages.en"} <= modules
    assert not {"docs.other.unnamed", "docs.writers.tests", "docs.writers.tests.test_html"} & modules


def test_module_name_completed_at_run_time_brings_the_modules_it_can_name(world):
    # anyio: import_module(f"anyio._backends._{name}"); also "+", "%" and
    # .format templates, and starts that end inside a module name.
    _write(world, {
        "lib/__init__.py": """
            from importlib import import_module
            def backend(name):
                return import_module(f"lib._backends._{name}")
            def codec(name):
                return import_module("lib.codecs.c_" + name)
            def driver(name):
                return import_module("lib.drivers.%s" % name)
            def store(name):
                return import_module("lib.stores.{}".format(name))
            MESSAGE = f"lib.other is {backend}"
            """,
        "lib/_backends/__init__.py": "",
        "lib/_backends/_asyncio.py": "A = 1\n",
        "lib/_backends/_trio.py": "T = 1\n",
        "lib/_backends/helpers.py": "H = 1\n",
        "lib/codecs/__init__.py": "",
        "lib/codecs/c_utf8.py": "U = 1\n",
        "lib/codecs/other.py": "O = 1\n",
        "lib/drivers/__init__.py": "",
        "lib/drivers/pg.py": "P = 1\n",
        "lib/stores/__init__.py": "",
        "lib/stores/disk.py": "D = 1\n",
        "lib/other/__init__.py": "",
        "lib/other/unnamed.py": "X = 1\n",
    })
    modules, _ = closure(world, "import lib\n")
    assert {"lib._backends._asyncio", "lib._backends._trio", "lib.codecs.c_utf8", "lib.drivers.pg",
            "lib.stores.disk"} <= modules
    assert not {"lib._backends.helpers", "lib.codecs.other", "lib.other.unnamed"} & modules
