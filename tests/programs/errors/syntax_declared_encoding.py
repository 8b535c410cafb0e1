# -*- coding: latin-1 -*-
# nuitka-test: compile-error
# With a declared encoding the bytes are fine, the error is elsewhere.
s = "café"
print(s
