# generator.close() returns the value the generator returned on GeneratorExit
# (3.13; None before).
def f():
    try:
        yield
    except GeneratorExit:
        return 0
gen = f()
gen.send(None)
print(gen.close())
print(gen.close())

def g():
    yield
    return 5
gen = g()
gen.send(None)
print(gen.close())

def h():
    try:
        yield
    except GeneratorExit:
        return "from h"
def outer():
    r = yield from h()
    print("outer never sees", r)
gen = outer()
next(gen)
print(gen.close())
gen = f()
print(gen.close())
