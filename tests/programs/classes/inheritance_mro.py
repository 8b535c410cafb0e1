# Inheritance, method resolution order, cooperative super() chains.


class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]


class B(A):
    def who(self):
        return "B>" + super().who()

    def chain(self):
        return ["B"] + super().chain()


class C(A):
    def who(self):
        return "C>" + super().who()

    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    def chain(self):
        return ["D"] + super().chain()


print([k.__name__ for k in D.__mro__])
print(D().who(), D().chain())
print(D.mro() == list(D.__mro__), D.__bases__, D.__base__)
print(issubclass(D, A), issubclass(D, (int, C)), isinstance(D(), B), isinstance(D(), (int, str)))
print(issubclass(bool, int), issubclass(int, object), isinstance(True, int), type(True) is bool)


class X:
    pass


class Y:
    pass


class Z(X, Y):
    pass


try:
    class Bad(X, Z):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    class Dup(X, X):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    class FromInstance(5):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    class FromBool(bool):
        pass
except TypeError as e:
    print("TypeError", e)


class Base:
    cls_attr = "base"

    def __init__(self, value):
        print("Base.__init__", value)
        self.value = value

    def describe(self):
        return "%s(%s) cls_attr=%s" % (type(self).__name__, self.value, self.cls_attr)


class Child(Base):
    cls_attr = "child"

    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra


class GrandChild(Child):
    pass


g = GrandChild(1, 2)
print(g.describe(), g.extra, vars(g))
print([k.__name__ for k in GrandChild.__mro__])
print(GrandChild.__subclasses__(), [k.__name__ for k in Base.__subclasses__()])


class Left:
    def __init__(self, **kw):
        print("Left init", sorted(kw))
        super().__init__(**kw)


class Right:
    def __init__(self, **kw):
        print("Right init", sorted(kw))
        super().__init__()


class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom init")
        super().__init__(**kw)


Bottom(a=1)
print([k.__name__ for k in Bottom.__mro__])


class IntSub(int):
    def __add__(self, other):
        return IntSub(int(self) + other + 1000)

    def __repr__(self):
        return "IntSub(%d)" % int(self)


print(IntSub(1) + 1, 1 + IntSub(1), IntSub(5) * 2, type(IntSub(5) * 2).__name__)


class ListSub(list):
    def append(self, item):
        super().append(item * 2)


ls = ListSub([1])
ls.append(5)
ls.extend([7])
print(ls, type(ls).__name__, isinstance(ls, list), ls + [0], type(ls + [0]).__name__)


class DictSub(dict):
    def __missing__(self, key):
        return "missing:" + key


ds = DictSub(a=1)
print(ds["a"], ds["b"], ds.get("b"), "b" in ds)


class StrSub(str):
    pass


s = StrSub("hello")
print(s.upper(), type(s.upper()).__name__, type(s).__name__, s == "hello", {s: 1}["hello"])


class Shape:
    sides = 0

    def area(self):
        raise NotImplementedError("area for " + type(self).__name__)


class Square(Shape):
    sides = 4

    def __init__(self, n):
        self.n = n

    def area(self):
        return self.n ** 2


for shape in (Square(3), Shape()):
    try:
        print(type(shape).__name__, shape.sides, shape.area())
    except NotImplementedError as e:
        print("NotImplementedError", e)


class O1:
    pass


class O2(O1):
    pass


class O3(O1):
    pass


class O4(O2, O3):
    pass


class O5(O3, O2):
    pass


print([k.__name__ for k in O4.__mro__], [k.__name__ for k in O5.__mro__])
try:
    class O6(O4, O5):
        pass
except TypeError as e:
    print("TypeError", e)
print(type.__mro__, object.__bases__, type(object), type(type))
