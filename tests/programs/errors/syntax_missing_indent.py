# nuitka-test: compile-error
# IndentationError: expected an indented block.
def broken():
return 1
