# nuitka-test: compile-error
counter = 0
nonlocal counter
