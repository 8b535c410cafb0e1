# All assignment forms: chained, tuple, nested, attribute, subscript, starred.


class Rec:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)

    def __setitem__(self, key, value):
        print("setitem", key, value)

    def __getitem__(self, key):
        return key


def v(x):
    print("eval", x)
    return x


a = b = c = v(1)
print(a, b, c)
r = Rec()
r.x = r[0] = r.y = v("chained")
x = y = [v("shared")]
x.append(1)
print(x, y, x is y)
a, b = b, a = v((10, 20))
print(a, b)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, b] = "xy"
print(a, b)
a, (b, (c, d)) = 1, [2, (3, 4)]
print(a, b, c, d)
r.attr, r["key"], *rest = v([1, 2, 3, 4])
print(rest)
lst = [0, 0, 0]
lst[0], lst[1:], lst[-1] = "abc"
print(lst)
i = 0
lst = [10, 20, 30]
i, lst[i] = 2, 99
print(i, lst)
d = {}
d["a"] = d["b"] = d
print(sorted(d), d["a"] is d)
t = ()
t, = [5],
print(t)
(single,) = {"only"}
print(single)
[] = ()
() = []
print("empty targets ok")
for r.loop_attr in range(2):
    pass
for d["k"] in "pq":
    pass
print(d["k"])
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
n: int = 5
m: "str"
print(n, "m" in globals(), __annotations__)
(p) = 7
print(p)
obj = type("O", (), {})()
obj.a = obj.b = 3
obj.c, obj.d = obj.a, obj.b + 1
print(obj.a, obj.b, obj.c, obj.d)
x = 1
x, y = x + 1, x + 2
print(x, y)
big = small = 0
big += 1
print(big, small)
try:
    a, b = 1
except TypeError as e:
    print("TypeError", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
try:
    None.attr = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    (1).real = 2
except AttributeError as e:
    print("AttributeError", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    x = {}
    x[[]] = 1
except TypeError as e:
    print("TypeError", e)


def gen():
    yield 1
    yield 2


a, b = gen()
print(a, b)
a, b = {"k1": 1, "k2": 2}
print(a, b)
