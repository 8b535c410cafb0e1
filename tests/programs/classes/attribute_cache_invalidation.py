# Attribute site caches must notice every change that alters what
# obj.name / obj.name = v / obj.name() means.


def get_x(o):
    return o.x


def try_get_x(o):
    try:
        return o.x
    except AttributeError as e:
        return "AttributeError: %s" % e


def set_x(o, v):
    o.x = v


def call_m(o):
    try:
        return o.m()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def warm(f, *args):
    for _ in range(5):
        r = f(*args)
    return r


class C:
    def __init__(self):
        self.x = 1

    def m(self):
        return "C.m"


c = C()
print("instance", warm(get_x, c))
C.x = 5
print("class attr added, instance wins", warm(get_x, c))
del c.x
print("instance attr deleted, class attr", warm(get_x, c))
C.x = 6
print("class attr changed", warm(get_x, c))
del C.x
print("class attr deleted", warm(try_get_x, c))
c.x = 2
C.x = property(lambda self: "property")
print("data descriptor added later", warm(get_x, c))
try:
    set_x(c, 3)
except AttributeError as e:
    print("AttributeError:", e)
del C.x
print("property removed", warm(get_x, c))

# setter added later
seen = []
C.x = property(lambda self: "getter", lambda self, v: seen.append(v))
warm(set_x, c, 9)
print("setter called", seen, c.__dict__)
del C.x
warm(set_x, c, 10)
print("store after setter removed", get_x(c), c.__dict__)

# __setattr__ added later
C.__setattr__ = lambda self, n, v: seen.append(("setattr", n, v))
warm(set_x, c, 11)
print("__setattr__ added", seen[-1], get_x(c))
del C.__setattr__
warm(set_x, c, 12)
print("__setattr__ removed", get_x(c))

# __getattr__ / __getattribute__ added later
d = C()
del d.x
print("missing", warm(try_get_x, d))
C.__getattr__ = lambda self, n: "getattr:" + n
print("__getattr__ added", warm(try_get_x, d), warm(get_x, c))
del C.__getattr__
print("__getattr__ removed", warm(try_get_x, d))
C.__getattribute__ = lambda self, n: "getattribute:" + n
print("__getattribute__ added", warm(get_x, c), warm(call_m, c))
del C.__getattribute__
print("__getattribute__ removed", warm(get_x, c))

# instance dict replaced, mutated through __dict__
e = C()
print("before dict replaced", warm(get_x, e))
e.__dict__ = {"x": "replaced"}
print("dict replaced", warm(get_x, e))
e.__dict__["x"] = "mutated"
print("dict mutated", warm(get_x, e))
e.__dict__.clear()
print("dict cleared", warm(try_get_x, e))
try:
    del e.__dict__
    print("dict deleted", warm(try_get_x, e))
except (TypeError, AttributeError) as ex:
    print("del __dict__:", type(ex).__name__, ex)

# non-string keys in the instance dict
f = C()
f.__dict__[1] = "one"
f.__dict__[(1, 2)] = "tuple"
print("non-str keys", warm(get_x, f), sorted(map(str, f.__dict__)))


class WeirdKey:
    def __hash__(self):
        return hash("x")

    def __eq__(self, other):
        return other == "x"


g = C()
del g.x
g.__dict__[WeirdKey()] = "weird"
print("key equal to 'x'", warm(try_get_x, g))

# __class__ assignment
class P:
    @property
    def x(self):
        return "P.x"

    def m(self):
        return "P.m"


class Q:
    def m(self):
        return "Q.m"


h = C()
print("before __class__", warm(get_x, h), warm(call_m, h))
h.__class__ = Q
print("__class__ = Q", warm(get_x, h), warm(call_m, h))
h.__class__ = P
print("__class__ = P", warm(get_x, h), warm(call_m, h))
h.__class__ = C
print("__class__ = C", warm(get_x, h), warm(call_m, h))

# descriptor class gains __set__ later (it becomes a data descriptor)
class Desc:
    def __get__(self, obj, tp):
        return "Desc.__get__"


class K:
    x = Desc()


k = K()
print("non-data descriptor", warm(get_x, k))
k.__dict__["x"] = "instance"
print("instance shadows non-data descriptor", warm(get_x, k))
Desc.__set__ = lambda self, obj, value: seen.append(("Desc.__set__", value))
print("descriptor became data descriptor", warm(get_x, k))
warm(set_x, k, 13)
print("its __set__", seen[-1])
del Desc.__set__
print("non-data again", warm(get_x, k))
Desc.__get__ = lambda self, obj, tp: "new __get__"
del k.x
print("__get__ replaced", warm(get_x, k))

# methods: shadowed by the instance, replaced on the class, inherited
m1 = C()
print("method", warm(call_m, m1))
m1.m = lambda: "instance m"
print("instance shadows method", warm(call_m, m1))
del m1.m
print("shadow removed", warm(call_m, m1))
C.m = lambda self: "replaced C.m"
print("class method replaced", warm(call_m, m1))


class Sub(C):
    pass


s1 = Sub()
print("inherited", warm(call_m, s1))
C.m = lambda self: "base changed"
print("base changed", warm(call_m, s1))
Sub.m = staticmethod(lambda: "static in Sub")
print("static in subclass", warm(call_m, s1))
Sub.m = classmethod(lambda cls: "classmethod " + cls.__name__)
print("classmethod", warm(call_m, s1))
Sub.m = 42
print("not callable", warm(call_m, s1))
del Sub.m
del C.m
print("method deleted", warm(call_m, s1))

# the name gets into the shared keys through another instance later
class L:
    def m(self):
        return "L.m"


l1 = L()
l2 = L()
print("method first", warm(call_m, l1))
l2.m = lambda: "l2 own m"
print("other instance has m", warm(call_m, l1), warm(call_m, l2), warm(call_m, l1))
l1.__dict__["m"] = lambda: "via __dict__"
print("added via __dict__", warm(call_m, l1))

# many attributes (more than shared keys can hold)
class Many:
    pass


many = Many()
for i in range(40):
    setattr(many, "a%d" % i, i)
many.x = "many"
print("many attributes", warm(get_x, many), warm(set_x, many, "many2"), many.x)
