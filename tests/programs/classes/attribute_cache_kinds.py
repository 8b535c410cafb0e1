# One attribute site meeting many kinds of objects (polymorphic sites),
# __slots__, properties, modules, builtin types, deleted attributes.
import sys
import types


def get_x(o):
    return o.x


def try_get_x(o):
    try:
        return o.x
    except AttributeError as e:
        return "AttributeError: %s" % e


def set_x(o, v):
    try:
        o.x = v
        return "ok"
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def del_x(o):
    try:
        del o.x
        return "deleted"
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def call_m(o, *args):
    try:
        return o.m(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


class A:
    def __init__(self):
        self.x = "A"

    def m(self):
        return "A.m"


class B:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.x = "B"

    def m(self, *args):
        return "B.m%r" % (args,)


class Slots:
    __slots__ = ("a", "x")

    def __init__(self):
        self.x = "Slots"

    def m(self):
        return "Slots.m"


class Prop:
    @property
    def x(self):
        return "Prop"

    @x.setter
    def x(self, v):
        print("Prop setter", v)

    @x.deleter
    def x(self):
        print("Prop deleter")

    m = property(lambda self: lambda: "Prop.m via property")


class Getattr:
    def __getattr__(self, name):
        return "Getattr:" + name


class DictSub(dict):
    pass


class WithClassAttr:
    x = "class attr"
    m = staticmethod(lambda: "static m")


class IntSub(int):
    pass


mod = types.ModuleType("mod")
mod.x = "module x"
mod.m = lambda: "module m"

isub = IntSub(3)
isub.x = "IntSub x"

ds = DictSub()
ds.x = "DictSub x"

objects = [A(), B(), Slots(), Prop(), Getattr(), WithClassAttr(), mod, isub, ds, 1, "s", None, A]
for round in range(3):
    print("round", round)
    for o in objects:
        print(" ", type(o).__name__, try_get_x(o), call_m(o))

print("stores")
for o in objects:
    print(" ", type(o).__name__, set_x(o, "new"), try_get_x(o), del_x(o), try_get_x(o), del_x(o))
for o in objects:
    print(" ", type(o).__name__, set_x(o, "again"), try_get_x(o))

# slots: unset slot, deleted slot
s = Slots()
print("slot a unset", [try_get_x(s) for _ in range(3)])
del s.x
print("slot deleted", [try_get_x(s) for _ in range(3)])
print("slot set", [set_x(s, i) for i in range(3)], try_get_x(s))

# a slot descriptor of another class, slots next to a __dict__
class Foreign:
    x = Slots.__dict__["x"]


def any_get_x(o):
    try:
        return o.x
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print("foreign slot", [any_get_x(Foreign()) for _ in range(2)], [set_x(Foreign(), 1) for _ in range(2)])


class SlotsDict(Slots):
    __slots__ = ("__dict__",)


sd = SlotsDict()
sd.y = 1
print("slots and dict", [get_x(sd) for _ in range(2)], [set_x(sd, i) for i in range(2)], get_x(sd), sd.__dict__)


# descriptors that remove themselves from the class while running
class SelfDel:
    @property
    def x(self):
        del SelfDel.x
        return "self-deleting property"

    def _set(self, v):
        del SelfDel.y
        print("self-deleting setter", v)

    y = property(None, _set)


print("self-deleting", [any_get_x(SelfDel()) for _ in range(3)])
for i in range(2):
    sdl = SelfDel()
    sdl.y = i
    print(sdl.__dict__)

# instances of one class in different shapes
class Shape:
    pass


shapes = []
for i in range(6):
    o = Shape()
    for j in range(i):
        setattr(o, "f%d" % j, j)
    if i % 2:
        o.x = i
    shapes.append(o)
for _ in range(2):
    print("shapes", [try_get_x(o) for o in shapes])
print("shape stores", [set_x(o, -1) for o in shapes], [get_x(o) for o in shapes])

# module attributes: rebinding, deleting, module __getattr__
print("module", [get_x(mod) for _ in range(3)])
mod.x = "rebound"
print("module rebound", [get_x(mod) for _ in range(3)])
del mod.x
print("module deleted", [try_get_x(mod) for _ in range(2)])
mod.__getattr__ = lambda name: "module __getattr__ " + name
print("module __getattr__", [try_get_x(mod) for _ in range(2)])
mod.x = "back"
print("module back", [try_get_x(mod) for _ in range(2)])
mod.__dict__["x"] = "through dict"
print("module dict", [try_get_x(mod) for _ in range(2)])
print("sys module", [sys.maxsize > 2 for _ in range(2)], types.ModuleType.__name__)


class ModSub(types.ModuleType):
    @property
    def x(self):
        return "ModSub property"


mod.__class__ = ModSub
print("module __class__", [try_get_x(mod) for _ in range(2)])

# builtin methods through the method cache
lst = []
for i in range(4):
    lst.append(i)
d = {}
for i in range(3):
    d.setdefault(i % 2, []).append(i)
print(lst, d, "-".join(str(i) for i in lst), (3).real, (1 + 2j).imag)


class ListSub(list):
    pass


ls = ListSub()
for i in range(3):
    ls.append(i)
ls.append = lambda v: print("own append", v)
ls.append(5)
print(ls)

# deleted attribute read: exact message
del A.x
a = A()
del a.x
print([try_get_x(a) for _ in range(2)])
print(del_x(a))
a.x = 1
print(get_x(a))
del a.x
get_x(a)
