# nuitka-test: compile-error
value = 5 × 3
