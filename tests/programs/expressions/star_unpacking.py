# Star unpacking in assignments, calls and displays, with error messages.


def show(label, func):
    try:
        result = func()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


a, *b, c = range(6)
print(a, b, c)
*a, b = "xyz"
print(a, b)
a, *b = [1]
print(a, b)
(a, b), *c, [d, *e] = [(1, 2), 3, 4, "def"]
print(a, b, c, d, e)
[a, [b, [c, *d]]] = [1, (2, "345")]
print(a, b, c, d)
a, b = b, a
print(a, b)
for x, *rest in [(1, 2, 3), "ab", [4]]:
    print(x, rest)
first, *_ = {"k1": 1, "k2": 2}
print(first)
*init, last = iter(range(4))
print(init, last)
a = b = c = None
x = y, *z = 1, 2, 3
print(x, y, z)


def unpack(value, n):
    try:
        if n == 2:
            p, q = value
            return p, q
        if n == 3:
            p, *q, r, s = value
            return p, q, r, s
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(unpack([1, 2, 3], 2))
print(unpack([1], 2))
print(unpack([], 2))
print(unpack(5, 2))
print(unpack(None, 2))
print(unpack([1, 2], 3))
print(unpack("abc", 3))
print(unpack(iter([1, 2, 3, 4, 5]), 3))
print(unpack({1: 2}, 2))
print(unpack((i for i in range(10)), 2))


def f(*args, **kwargs):
    return args, kwargs


print(f(*[1, 2], *(3,), *"ab"))
print(f(0, *[], *range(2), 9))
print(f(**{"a": 1}, **{"b": 2}, c=3))
print(f(1, *[2], x=1, **{"y": 2}, z=3))
print(f(*{3: 4, 5: 6}, **dict(q=1)))
show("dup kw", lambda: f(**{"a": 1}, **{"a": 2}))
show("dup kw2", lambda: f(a=1, **{"a": 2}))
show("not iterable", lambda: f(*5))
show("not mapping", lambda: f(**[1]))
show("non-str keys", lambda: f(**{1: 2}))
show("None star", lambda: f(*None))


class Mapping:
    def keys(self):
        print("  keys()")
        return ["m1", "m2"]

    def __getitem__(self, k):
        print("  getitem", k)
        return k.upper()


print(f(**Mapping()))
print({**Mapping(), "m1": "over"})

print([*range(3), *"ab", *[None]])
print((*range(2),), (*[], 1), (*"x",))
print(sorted({*range(3), *[2, 3], 1}))
print({**{"a": 1, "b": 2}, "a": 3, **{"c": 4}})
print({"x": 1, **{}, "y": 2})
print([*{"k": 1}])
print([*iter([1, 2])])
show("star in display not iterable", lambda: [*1])
show("dict star not mapping", lambda: {**[1, 2]})
show("dict star of pairs", lambda: {**dict([(1, 2)])})


def gen():
    print("  gen start")
    yield 1
    print("  gen end")
    yield 2


print([0, *gen(), 3])
a, *b = gen()
print(a, b)
print(*[1, 2], sep="-")
print(*"hello", sep="")
print(*[], "only")
