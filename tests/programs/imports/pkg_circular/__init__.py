print("pkg_circular init start")
from . import first  # noqa: E402
print("pkg_circular init end")
