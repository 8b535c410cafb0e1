# seq[i], d[k] and lst[i] = v: exact lists/tuples with exact int indexes and
# exact dicts have fast paths in compiled code; everything else, and every
# error, must behave as in CPython.


def get(seq, index):
    try:
        return seq[index]
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def put(seq, index, value):
    try:
        seq[index] = value
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return seq


class Index:
    def __index__(self):
        return 1

    def __repr__(self):
        return "Index()"


class MyInt(int):
    pass


class MyList(list):
    def __getitem__(self, index):
        return ("MyList", index)

    def __setitem__(self, index, value):
        print("MyList set", index, value)


class MyTuple(tuple):
    pass


lst = [10, 20, 30]
tup = (10, 20, 30)
INDEXES = [0, 1, 2, 3, -1, -3, -4, 2**30, -(2**30), 2**31, 2**62, 2**100, -(2**100), True, False, MyInt(2), Index(),
           1.0, "1", None, slice(1, None)]
for seq in [lst, tup, MyList(lst), MyTuple(tup), [], ()]:
    print([get(seq, i) for i in INDEXES])

for i in INDEXES:
    print(put([1, 2, 3], i, "v"))
print(put((1, 2), 0, "v"))
print(put(MyList([1, 2]), 5, "v"))
a = [1, 2, 3]
b = a
a[-1] = a
print(len(b[2]), b[2] is b, b[0])
a[0] = 5
a[0] += 1
a[1] *= 3
print(a[:2])


class Key:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        print("hash", self.value)
        return hash(self.value)

    def __eq__(self, other):
        print("eq", self.value)
        return isinstance(other, Key) and self.value == other.value

    def __repr__(self):
        return "Key(%r)" % self.value


class Missing(dict):
    def __missing__(self, key):
        return ("missing", key)


d = {1: "one", "two": 2, (1, 2): "tuple", 2.5: "float", Key(1): "key"}
for k in [1, 1.0, True, "two", (1, 2), 2.5, 3, (3, 4), (), Key(1), Key(2), [1], {}, None, float("nan")]:
    print(repr(k), get(d, k))
m = Missing(a=1)
print(m["a"], m["b"], get(m, [1]))
d2 = {}
d2["x"] = 1
d2[Key(5)] = 2
d2[1] = 3
d2[1.0] = 4
d2[True] = 5
print(put(d2, [], 1))
print(d2)
d2["x"] += 10
print(d2["x"])


def key_error_trace(dd):
    return dd[(1, 2)]


def index_error_trace(seq):
    return seq[5]


for func, arg in [(key_error_trace, {}), (index_error_trace, [1])]:
    try:
        func(arg)
    except (KeyError, IndexError) as e:
        print(type(e).__name__, e, e.args)

print(index_error_trace((1, 2)))
