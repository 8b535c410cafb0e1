"""Optional integrations: an import that runs only sometimes, of a package
whose distribution the importer's does not require, is left out by
anti-bloat (nuitka.modules.distributions)."""

import pytest

from nuitka.modules import distributions


@pytest.fixture
def fake_world(monkeypatch):
    tops = {
        "tqdm": frozenset({"tqdm"}),
        "pandas": frozenset({"pandas"}),
        "numpy": frozenset({"numpy"}),
        "requests": frozenset({"requests"}),
        "urllib3": frozenset({"urllib3"}),
        "idna": frozenset({"idna"}),
        "google": frozenset({"protobuf", "googleapis-common-protos"}),
    }
    requires = {
        "tqdm": ["colorama; platform_system == \"Windows\"", "pandas; extra == \"pandas\""],
        "requests": ["urllib3<3,>=1.21.1", "idna>=2.5"],
        "urllib3": [],
        "pandas": ["numpy>=1.22"],
        "googleapis-common-protos": ["protobuf>=3"],
    }
    monkeypatch.setattr(distributions, "_top_level_map", lambda: tops)
    monkeypatch.setattr(distributions, "_direct_requirements",
                        lambda dist: frozenset(distributions.normalize(r.split(";")[0].split("<")[0].split(">")[0])
                                               for r in requires.get(dist, []) if "extra" not in r))
    distributions.required_closure.cache_clear()
    yield
    distributions.required_closure.cache_clear()


def test_undeclared_integration_is_named(fake_world):
    assert distributions.undeclared_reason("pandas.core", "tqdm.std") == (
        "tqdm does not require pandas (an optional integration)")


def test_requirements_direct_and_transitive_are_followed(fake_world):
    assert distributions.undeclared_reason("urllib3.util", "requests.adapters") is None
    assert distributions.undeclared_reason("numpy", "pandas.core.frame") is None


def test_own_code_stdlib_and_same_distribution_are_followed(fake_world):
    assert distributions.undeclared_reason("pandas", "__main__") is None  # the program
    assert distributions.undeclared_reason("json", "tqdm.std") is None  # stdlib
    assert distributions.undeclared_reason("tqdm.contrib", "tqdm.std") is None
    # A namespace shared by two distributions: one of them is required.
    assert distributions.undeclared_reason("google.protobuf", "google.api") is None


def test_normalize():
    assert distributions.normalize("Charset_Normalizer") == "charset-normalizer"
    assert distributions.normalize("zope.interface") == "zope-interface"
