# Scopes CPython 3.12+ compiles away as unreachable (constant conditions,
# assert with a true constant) next to live ones on the same line.
class T:
    def m(self):
        if 0: lambda: self
        assert 1, lambda x: x + 1
        x = (lambda: 1) if 0 else (lambda y: y * 2)
        z = 0 and (lambda: self)
        w = (lambda: "left") or (lambda: "right")
        return x(3), z, w()

    def n(self):
        while 0:
            def inner():
                return self
        return [g() for g in [lambda: 1, lambda: 2]]


print(T().m(), T().n())
if 0:
    class C:
        def f(self):
            pass

    def g(a=lambda: 2):
        pass

    print((i for i in range(3)))
print((lambda: "a")() if 1 else (lambda: "b")())
print("done")
