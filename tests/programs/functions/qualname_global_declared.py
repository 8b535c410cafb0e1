# A def/class whose name the enclosing function or class declares global
# gets a module-level __qualname__ (PEP 3155).
def outer():
    global inner_global, InnerClass

    def inner_global():
        def nested():
            pass
        return nested

    class InnerClass:
        def method(self):
            pass

    def local():
        pass

    return local


class Holder:
    global held_function

    def held_function():
        return lambda: None


print(outer().__qualname__)
print(inner_global.__qualname__, inner_global().__qualname__)
print(InnerClass.__qualname__, InnerClass.method.__qualname__)
print(held_function.__qualname__, held_function().__qualname__)
