# nuitka-test: compile-error
def f(a, b, a):
    return a
