# nuitka-test: compile-error
def not_async():
    await something()
