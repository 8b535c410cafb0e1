# nuitka-test: compile-error
from __future__ import braces
