# nuitka-test: compile-error
import os
from __future__ import annotations
