"""PEP 517 backend: ``build-backend = "nuitka.distutils.Build"``.

setuptools' own backend, except that ``build_wheel`` makes the wheel with
``bdist_nuitka`` (compiled packages, options from ``[tool.nuitka]``).
sdists, metadata and editable wheels are setuptools' unchanged.
"""

import os

from setuptools import build_meta as _setuptools_backend
from setuptools.build_meta import *  # noqa: F401,F403 - the hooks we do not change

from .commands import FORCE_ENVIRONMENT


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    old = os.environ.get(FORCE_ENVIRONMENT)
    os.environ[FORCE_ENVIRONMENT] = "1"
    try:
        return _setuptools_backend.build_wheel(wheel_directory, config_settings, metadata_directory)
    finally:
        if old is None:
            del os.environ[FORCE_ENVIRONMENT]
        else:
            os.environ[FORCE_ENVIRONMENT] = old
