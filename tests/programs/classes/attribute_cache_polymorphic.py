# A site in a base class method sees instances of several subclasses (each
# type gets its own cache way): every way must notice changes of its type
# and of the instance.


class Base:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def call(self):
        try:
            return self.m()
        except Exception as e:
            return "%s: %s" % (type(e).__name__, e)

    def m(self):
        return "Base.m %s" % self.x


class A(Base):
    def m(self):
        return "A.m %s" % self.x


class B(Base):
    pass


class C(Base):
    def __init__(self, x):
        self.y = 0
        super().__init__(x)


class D(A):
    def m(self):
        return "D.m " + super().m()


objs = [A(1), B(2), C(3), D(4), A(5)]


def rounds(n=3):
    out = []
    for _ in range(n):
        out.append([(o.get(), o.call()) for o in objs])
    return out[-1]


print(rounds())
B.m = lambda self: "B.m patched %s" % self.x
print(rounds())
objs[2].m = lambda: "instance m"
print(rounds())
del objs[1].x
try:
    print(rounds())
except AttributeError as e:
    print("AttributeError:", e)
objs[1].x = "back"
del A.m
print(rounds())
Base.m = property(lambda self: (lambda: "property m %s" % self.x))
print(rounds())


# Instances that a base's __new__ made (list subclasses) have no values
# array and no dict until an attribute is set on them.
class Collection(list):
    pass


class Values:
    WEAK = 1
    STRONG = 2

    @classmethod
    def stronger(cls, a, b):
        return max(a, b)

    def helper(v):
        return "helper %s" % v


def use(c):
    c.append(len(c))
    return (c.pop(0) if c else "empty"), Values.STRONG, Values.stronger(1, 3), Values.helper(c)


cols = [Collection([1, 2]), Collection()]
for _ in range(3):
    print([use(c) for c in cols])
cols[0].append = lambda v: print("instance append", v)
print([use(c) for c in cols])
cols[1].__dict__["pop"] = lambda i: "instance pop %s" % i
print([use(c) for c in cols])
Values.STRONG = "changed"
Values.helper = staticmethod(lambda v: "static helper")
print([use(c) for c in cols])
del Values.stronger
try:
    use(cols[0])
except AttributeError as e:
    print("AttributeError:", e)
