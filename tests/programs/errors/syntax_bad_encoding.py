# nuitka-test: compile-error
# Latin-1 bytes without an encoding declaration.
s = "café"
print(s)
