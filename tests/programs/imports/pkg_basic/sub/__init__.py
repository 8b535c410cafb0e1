print("executing pkg_basic/sub/__init__.py as", __name__)
from .sibling import SIBLING  # noqa: E402
