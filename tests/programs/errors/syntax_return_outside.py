# nuitka-test: compile-error
# A compiler (not parser) error: return outside of a function.
def ok():
    return 1


return ok()
