# nuitka-test: compile-error
value = 1
1 = value
