# Container displays: evaluation order, duplicates, nesting, constructors.


def v(x):
    print("eval", repr(x))
    return x


print([v(1), v(2), v(3)])
print((v("a"), v("b")))
print({v("k1"): v("v1"), v("k2"): v("v2")})
print(sorted({v(3), v(1), v(2)}))
print({v("dup"): v(1), v("dup"): v(2)})
print({1: "int", 1.0: "float", True: "bool"})
print({True: "bool", 1: "int"}, {0: "a", False: "b", 0.0: "c"})
print(len({1, 1.0, True}), {1.0, 1}, {(1, 2), (1, 2)})
print([[]] * 3, [[] for _ in range(3)])
lst = [[]] * 3
lst[0].append(1)
print(lst)
print(list("abc"), tuple([1, 2]), dict(a=1, b=2), dict([("x", 1)], y=2), set("hello") == set("ohel"))
print(dict.fromkeys("ab", 0), dict(zip("ab", range(2))), list({"b": 1, "a": 2}))
print(frozenset([3, 1]) == {1, 3}, sorted(frozenset("cba")))
try:
    print({[1]: 2})
except TypeError as e:
    print("TypeError", e)
try:
    print({[1], [2]})
except TypeError as e:
    print("TypeError", e)
try:
    print({{}: 1})
except TypeError as e:
    print("TypeError", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    dict([1])
except TypeError as e:
    print("TypeError", e)
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
del d["a"]
d["a"] = 4
print(d, list(d.keys()), list(d.values()), list(d.items()))
d.update({"z": 10}, q=5)
print(d, d.pop("q"), d.popitem(), d.setdefault("new", []), d)
print(list(reversed(d)), list(reversed(d.items())))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    {}.pop("x")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
try:
    (1, 2).index(3)
except ValueError as e:
    print("ValueError", e)
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError", e)
l2 = [3, 1, 2]
l2.sort(reverse=True)
print(l2, sorted(l2, key=lambda x: -x), l2.index(1), l2.count(3))
l2.insert(-1, "ins")
l2.extend(range(2))
print(l2, l2[::-1], l2 * 2)
try:
    l2.sort()
except TypeError as e:
    print("TypeError", e)
print(l2)
t = (1, [2], "3")
print(t, t[1:], len(t), t + t, t.count(1))
print([1, 2] + [3], (1,) * 3, "-".join(["a", "b"]), [*range(3)] == list(range(3)))
nested = {"a": [1, {"b": (2, 3)}], "c": {4, 5} and {"d": None}}
print(nested, nested["a"][1]["b"][0])
print({1: 2}.get(3), {1: 2}.get(3, "default"), {"a": 1}.keys() == {"a"}, {"a": 1}.items() - {("a", 1)})
print(repr([]), repr([[]]), repr({}), repr(set()), repr(frozenset()), repr(()), repr((None,)))
rec = [1]
rec.append(rec)
print(rec)
drec = {}
drec["self"] = drec
print(drec)
