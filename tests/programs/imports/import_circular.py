# nuitka-test: variant=--follow-imports
# Circular imports inside a package see partially initialised modules.
import pkg_circular

print(pkg_circular.first.FIRST_VALUE, pkg_circular.second.SECOND_VALUE)
print(pkg_circular.first.uses_second())
from pkg_circular.second import late_function

print(late_function())
