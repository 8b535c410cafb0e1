# nuitka-test: compile-error
*a, *b = [1, 2, 3]
