# Attribute site caches for instances whose attributes live in a dict object
# of their own (3.11+: once a class's shared keys are used up, e.g. because
# many instances exist before further attributes are set, each instance gets
# a dict; the caches then use an index hint into that dict). Every way the
# hint can be wrong must give CPython's answer.


def get_a(o):
    return o.a


def try_get_a(o):
    try:
        return o.a
    except AttributeError as e:
        return "AttributeError: %s" % e


def set_a(o, v):
    o.a = v


def call_m(o):
    try:
        return o.m()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def warm(f, *args):
    for _ in range(5):
        r = f(*args)
    return r


class P:
    def __init__(self, i):
        self.i = i

    def m(self):
        return "P.m %d" % self.i


# Many instances first, attributes later: their dicts are materialised.
ps = [P(i) for i in range(200)]
for p in ps:
    p.b = p.i * 2
for p in ps:
    p.a = p.i + 1
    p.c = -p.i

print(sum(warm(get_a, p) for p in ps))
print(warm(call_m, ps[3]))
for p in ps[:50]:
    warm(set_a, p, p.a * 10)
print(sum(get_a(p) for p in ps))

# Hint no longer right: deletion, re-insertion at another index.
q = ps[7]
warm(get_a, q)
del q.a
print(warm(try_get_a, q))
q.z = 1
q.a = "back"
print(warm(get_a, q))

# An attribute of the instance now shadows the method.
r = ps[8]
warm(call_m, r)
r.m = lambda: "instance m"
print(warm(call_m, r))
del r.m
print(warm(call_m, r))

# Keys that are equal but not the same string object.
s = ps[9]
name = "".join(["a"])
setattr(s, name, "via setattr")
print(warm(get_a, s), getattr(s, "a"))

# A non-str key in the instance dict.
t = ps[10]
t.__dict__[1] = "int key"
print(warm(get_a, t), warm(call_m, t))
warm(set_a, t, "stored")
print(t.__dict__["a"], t.__dict__[1])


# __dict__ replaced by a dict subclass.
class D(dict):
    def __getitem__(self, key):
        return "never used by attribute access"


u = ps[11]
u.__dict__ = D(a="from D", i=11)
print(warm(get_a, u), warm(call_m, u))
warm(set_a, u, "D store")
print(dict.__getitem__(u.__dict__, "a"), type(u.__dict__).__name__)

# A class attribute (non-data descriptor) becoming a data descriptor.
v = ps[12]
warm(get_a, v)


class Getter:
    def __get__(self, obj, owner):
        return "descriptor"


P.a = Getter()
print(warm(get_a, v))
Getter.__set__ = lambda self, obj, value: print("descriptor set", value)
print(warm(get_a, v))
warm(set_a, v, 5)
del P.a
print(warm(get_a, v))

# Instances of one class with values and with dicts at the same sites.
class Q:
    pass


fresh = Q()
fresh.a = "values"
many = [Q() for _ in range(100)]
for i, o in enumerate(many):
    o.x1 = i
for o in many:
    o.a = "dict"
    o.x2 = 0
print(warm(get_a, fresh), warm(get_a, many[0]), warm(get_a, fresh), warm(get_a, many[99]))
print(warm(try_get_a, Q()))


# Methods on dict instances, also when the class attribute is not a function.
class R:
    m = staticmethod(lambda: "static m")

    def n(self):
        return "R.n"


rs = [R() for _ in range(100)]
for i, o in enumerate(rs):
    o.k = i
for o in rs:
    o.l = 0
print(warm(call_m, rs[0]), warm(lambda o: o.n(), rs[1]))
rs[1].n = lambda: "own n"
print(warm(lambda o: o.n(), rs[1]), warm(lambda o: o.n(), rs[2]))
