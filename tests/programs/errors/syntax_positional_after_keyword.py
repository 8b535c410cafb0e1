# nuitka-test: compile-error
print(end="", "positional")
