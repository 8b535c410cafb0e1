# nuitka-test: compile-error
x = 1
    y = 2
