# A class body reading __class__ (a free variable from the enclosing method)
# while its methods use __class__ (the class's own cell): the body sees the
# outer class, the methods their own class.


class A:
    def f(self):
        return "A"


class Outer:
    def f(self):
        class X:
            x = __class__

            def f():
                __class__

        return X

    def g(self):
        class Y:
            seen = __class__

            def get(self):
                return __class__

        return Y

    def h(self):
        class Z(A):
            def f(self):
                return super().f()

            __class__ = 413

        return Z


print(Outer().f().x)
Y = Outer().g()
print(Y.seen, Y().get())
Z = Outer().h()
print(Z().f(), Z().__class__)
