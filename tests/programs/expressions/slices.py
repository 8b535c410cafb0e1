# Slicing in all forms: reading, assignment, deletion, extended slices,
# slice objects and custom __getitem__/__index__.


def show(label, func):
    try:
        result = func()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


data = list(range(10))
s = "abcdefghij"
t = tuple(data)
b = b"0123456789"
for lo in (None, 0, 3, -3, 15, -15):
    for hi in (None, 5, -2, 20):
        for step in (None, 1, 2, -1, -3):
            sl = slice(lo, hi, step)
            print(lo, hi, step, data[sl], s[sl], t[sl] == tuple(data[sl]), b[sl])

show("s[::0]", lambda: s[::0])
show("data[1:2:0]", lambda: data[1:2:0])
show("s['a':]", lambda: s["a":])
show("s[1.0:]", lambda: s[1.0:])
show("s[::-1]", lambda: s[::-1])
show("s[-100:100]", lambda: s[-100:100])
show("s[5:2]", lambda: s[5:2])
show("s[2**100:]", lambda: s[2**100:])
show("s[-2**100:]", lambda: s[-2**100:])
show("s[None:None:None]", lambda: s[None:None:None])
show("range slice", lambda: range(0, 20, 3)[2:-1:2])
show("range[::-1]", lambda: range(5)[::-1])
show("memoryview slice", lambda: bytes(memoryview(b"abcdef")[1:5:2]))
show("bytearray slice", lambda: bytearray(b"abcdef")[::2])
show("slice obj", lambda: (slice(1, 10, 2).start, slice(1, 10, 2).stop, slice(1, 10, 2).step))
show("slice repr", lambda: slice(None, -1))
show("slice indices", lambda: slice(-3, None, -1).indices(10))
show("slice eq", lambda: slice(1, 2) == slice(1, 2))
show("slice hashable", lambda: {slice(1, 2): 1} and "ok")
show("index 10", lambda: data[10])
show("index -11", lambda: data[-11])
show("str index", lambda: s[20])
show("tuple index", lambda: t[-20])
show("index str", lambda: data["1"])
show("index float", lambda: data[1.5])
show("dict slice", lambda: {}[1:2])
five = 5
show("int subscript", lambda: five[0])

print("assignment:")
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[:0] = [-1, -2]
print(a)
a[len(a):] = "yz"
print(a)
a[::2] = range(len(a[::2]))
print(a)
a[1::3] = a[1::3][::-1]
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    a[1:3] = 5
except TypeError as e:
    print("TypeError", e)
a[:] = []
print(a)
a = [1, 2, 3]
a[5:10] = [9]
print(a)
a[-1:-10:-1] = "dcba"
print(a)
a[::-1] = a
print(a)
a[1:2] = a
print(a)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    t[1:2] = (1,)
except TypeError as e:
    print("TypeError", e)
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
ba[6:] = b"there!!"
ba[::2] = b"-" * len(ba[::2])
print(ba)

print("deletion:")
a = list(range(12))
del a[::3]
print(a)
del a[-2:]
print(a)
del a[1:3]
print(a)
del a[::-1]
print(a)
a = list(range(10))
del a[100:]
del a[5:2]
print(a)
try:
    del s[1:2]
except TypeError as e:
    print("TypeError", e)


class Recorder:
    def __getitem__(self, key):
        return ("get", key)

    def __setitem__(self, key, value):
        print("set", key, value)

    def __delitem__(self, key):
        print("del", key)


r = Recorder()
print(r[1:2], r[::], r[:], r[1:2:3], r[..., 1:2], r[1, ::2], r[:, None])
r[1:2] = "v"
r[::-1] = "w"
r[1:2, 3] = "z"
del r[5:]
del r[:, :]


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        print("  __index__", self.n)
        return self.n


print(data[Idx(2):Idx(8):Idx(2)], s[Idx(-1)], data[Idx(0)])
print("abc" * Idx(2), [0] * Idx(3), range(Idx(3)), bin(Idx(5)), hex(Idx(255)).upper())
