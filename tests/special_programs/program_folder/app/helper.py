CODE = 3


def greet(name):
    return "hello " + name
