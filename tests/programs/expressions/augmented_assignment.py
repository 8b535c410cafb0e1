# Augmented assignment on immutable and mutable values, identity effects and
# evaluation order of targets.


class Tracker:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        print("  getitem", key)
        return self.data[key]

    def __setitem__(self, key, value):
        print("  setitem", key, value)
        self.data[key] = value


class Attr:
    def __init__(self):
        object.__setattr__(self, "x", 10)

    def __getattribute__(self, name):
        value = object.__getattribute__(self, name)
        if name == "x":
            print("  getattr", name, value)
        return value

    def __setattr__(self, name, value):
        print("  setattr", name, value)
        object.__setattr__(self, name, value)


def key(k):
    print("  key", k)
    return k


def val(v):
    print("  val", v)
    return v


i = 10
j = i
i += 5
print("int", i, j, i is j)

s = "ab"
t = s
s += "cd"
print("str", s, t, s is t)

tup = (1, 2)
tup2 = tup
tup += (3,)
print("tuple", tup, tup2, tup is tup2)

lst = [1, 2]
lst2 = lst
lst += (3, 4)
print("list", lst, lst2, lst is lst2)
lst *= 2
print("list *=", lst, lst is lst2)
lst += "xy"
print("list += str", lst)

st = {1, 2}
st2 = st
st |= {3}
st &= {1, 3, 4}
st ^= {5}
st -= {1}
print("set", sorted(st), st is st2)

d = {"a": 1}
d2 = d
d |= {"b": 2}
d |= [("c", 3)]
print("dict", d, d is d2)

fs = frozenset([1])
fs2 = fs
fs |= {2}
print("frozenset", sorted(fs), fs is fs2)

b = bytearray(b"ab")
b2 = b
b += b"cd"
b *= 2
print("bytearray", b, b is b2)

x = 7
for op in ("+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="):
    ns = {"x": 7}
    exec("x " + op + " 3", ns)
    print("x", op, 3, "->", ns["x"])

x = 2
x **= -1
print(x)

print("subscript augmented:")
tr = Tracker({"k": [1], "n": 5})
tr[key("n")] += val(3)
tr[key("k")] += [val(2)]
print(tr.data)

print("attribute augmented:")
a = Attr()
a.x += val(1)
print(a.x)

print("list element:")
m = [[1], [2]]
m[0] += [10]
m[1] *= 3
print(m)


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print("  __add__")
        return OnlyAdd(self.v + other)


class InPlace(OnlyAdd):
    def __iadd__(self, other):
        print("  __iadd__")
        self.v += other
        return self


class NotImpl(OnlyAdd):
    def __iadd__(self, other):
        print("  __iadd__ -> NotImplemented")
        return NotImplemented


for cls in (OnlyAdd, InPlace, NotImpl):
    o = cls(1)
    before = o
    o += 2
    print(cls.__name__, o.v, o is before)

# tuple item augmented assignment: mutates and then raises
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError", e)
print(t)

try:
    undefined_name += 1
except NameError as e:
    print("NameError", e)


def local_aug():
    try:
        y += 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    y = 0


local_aug()

s = "x"
try:
    s += 1
except TypeError as e:
    print("TypeError", e)
n = None
try:
    n += 1
except TypeError as e:
    print("TypeError", e)
lst = [1]
try:
    lst += 1
except TypeError as e:
    print("TypeError", e)
try:
    lst -= [1]
except TypeError as e:
    print("TypeError", e)
