# nuitka-test: compile-error
def outer():
    def inner():
        nonlocal never_bound
        never_bound = 1
    return inner
