# nuitka-test: compile-error
value = 1


def f():
    print(value)
    global value
