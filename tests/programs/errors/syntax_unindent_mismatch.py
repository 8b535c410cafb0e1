# nuitka-test: compile-error
def f():
        x = 1
    return x
