# Qualified names of functions defined inside comprehensions: CPython puts
# "<locals>" below functions and lambdas, not below comprehension scopes.
print([(lambda: 1).__qualname__ for _ in range(1)])


def f():
    return (
        [(lambda: 1).__qualname__ for _ in range(1)],
        {k: (lambda: 1).__qualname__ for k in "a"},
        {(lambda: 1).__qualname__ for _ in "a"},
        list((lambda: 1).__qualname__ for _ in "a"),
        [[(lambda: 1).__qualname__ for _ in "a"] for _ in "b"],
        [g.__qualname__ for g in [(lambda: (lambda: 0))() for _ in "a"]],
    )


print(f())


class C:
    x = [(lambda: 1).__qualname__ for _ in "a"]
    y = list((lambda: 1).__qualname__ for _ in "a")

    def method(self):
        return [(lambda: 1).__qualname__ for _ in "a"]


print(C.x, C.y, C().method())
