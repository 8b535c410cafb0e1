"""pkg_basic package docstring."""
print("executing pkg_basic/__init__.py as", __name__)
VALUE = "pkg_basic.VALUE"
from . import mod_a  # noqa: E402
from .mod_a import helper as exported_helper  # noqa: E402
