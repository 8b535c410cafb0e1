"""Fixtures for the onefile tests: synthetic standalone folders.

A dist folder holds ``prog.bin``, the C probe (``probe.c``), plus data files,
a sub-folder and a symbolic link.  Onefiles are built from it with
``nuitka.onefile.build_onefile`` directly (no Python compilation: an
accelerated program is not relocatable, and the packer does not care what
the folder holds).  The bootstrap is compiled once per test session into a
private cache (``NUITKA_CACHE_DIR``).
"""

import os
import shutil
import subprocess

import pytest

from onefile_helpers import HERE, Runner, make_dist


@pytest.fixture(scope="session")
def onefile_cache(tmp_path_factory):
    cache = tmp_path_factory.mktemp("nuitka-cache")
    old = os.environ.get("NUITKA_CACHE_DIR")
    os.environ["NUITKA_CACHE_DIR"] = str(cache)
    yield cache
    if old is None:
        os.environ.pop("NUITKA_CACHE_DIR", None)
    else:
        os.environ["NUITKA_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def probe(tmp_path_factory):
    if shutil.which("gcc") is None:
        pytest.skip("gcc is needed")
    out = tmp_path_factory.mktemp("probe") / "probe"
    subprocess.run(["gcc", "-O1", "-o", str(out), str(HERE / "probe.c")], check=True)
    return out


@pytest.fixture
def runner(tmp_path):
    return Runner(tmp_path)


@pytest.fixture
def dist(tmp_path, probe):
    return make_dist(tmp_path, probe)


@pytest.fixture
def build(onefile_cache, tmp_path):
    """build(dist, name="prog.bin", **settings) -> path of the onefile."""
    from nuitka.onefile import OnefileSettings, build_onefile

    def do_build(dist_dir, name="out/prog.bin", binary="prog.bin", **settings):
        settings.setdefault("compression_level", 3)
        output = tmp_path / name
        build_onefile(dist_dir, binary, output, OnefileSettings(**settings))
        return output

    return do_build
