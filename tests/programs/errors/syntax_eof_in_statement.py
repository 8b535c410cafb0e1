# nuitka-test: compile-error
x = 1
if x:
    print("unclosed bracket"
