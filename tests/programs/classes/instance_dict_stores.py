# Attribute stores into an instance's own dict object (not the values array
# of its class): the compiled store replaces the value in place when the
# name is where it was (attributes.c, Nuitka_Attr_StoreDictHint), and must
# keep everything a full dict store does: a new dict version, GC tracking
# of the dict, finalizers of the old value running last, descriptors added
# to the class afterwards, names that moved or went away.
import gc
import weakref

try:
    from _testcapi import dict_get_version
except ImportError:
    dict_get_version = None


class Plain:
    def __init__(self):
        self.__dict__ = {}  # a dict object of its own
        self.x = 0
        self.y = 0


def bump(p, n):
    for i in range(n):
        p.x = i
        p.y = p.x + 1
    return p.x, p.y


p = Plain()
print(bump(p, 100), sorted(vars(p).items()))

if dict_get_version is not None:
    versions = []
    for i in range(5):
        p.x = i
        versions.append(dict_get_version(p.__dict__))
    print("versions grow", all(a < b for a, b in zip(versions, versions[1:])))
else:
    print("versions grow", True)


# The dict holds only ints (untracked by the GC); a store makes a cycle.
class Node:
    def __init__(self):
        self.__dict__ = {}
        self.link = 0


def make_cycle():
    n = Node()
    for i in range(3):
        n.link = i
    n.link = n
    return weakref.ref(n)


ref = make_cycle()
gc.collect()
print("cycle collected", ref() is None)


# The old value's finalizer runs after the store and changes the object.
class Noisy:
    def __init__(self, target, action):
        self.target, self.action = target, action

    def __del__(self):
        print("finalizer sees", self.target.x if hasattr(self.target, "x") else "no x")
        self.action(self.target)


def store(obj, value):
    obj.x = value


q = Plain()
q.x = Noisy(q, lambda t: t.__dict__.pop("y"))
store(q, 1)
print(sorted(vars(q).items()))
q.x = Noisy(q, lambda t: setattr(t, "__dict__", {"replaced": True}))
store(q, 2)
print(sorted(vars(q).items()))
for i in range(3):
    store(q, i)
print(sorted(vars(q).items()))


# A data descriptor added to the class later takes the stores.
class Later:
    def __init__(self):
        self.__dict__ = {}
        self.x = 0


obj = Later()
for i in range(5):
    store(obj, i)


def setter(self, value):
    print("setter", value)
    self.__dict__["x"] = value * 100


Later.x = property(lambda self: self.__dict__["x"], setter)
store(obj, 7)
print(obj.x)
del Later.x
store(obj, 8)
print(obj.x, vars(obj))


# Names deleted and added again move within the dict.
r = Plain()
for i in range(4):
    store(r, i)
del r.x
r.z = 1
store(r, 5)
print(sorted(vars(r).items()))
r.__dict__.clear()
store(r, 6)
print(vars(r))


# Many attributes: CPython gives such instances a dict of their own.
class Wide:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)


def update_wide(w, n):
    for i in range(n):
        w.a3 = w.a3 + 1
        w.a40 = i
    return w.a3, w.a40


w = Wide(60)
print(update_wide(w, 50), len(vars(w)))
