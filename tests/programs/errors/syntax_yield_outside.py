# nuitka-test: compile-error
x = 1
yield x
