# Assignment expressions in conditions, comprehensions, nested scopes.
import re

data = [1, 5, 12, 7, 20, 3]
if (n := len(data)) > 5:
    print("long list", n)

i = 0
while (item := data[i]) != 7:
    print("item", item)
    i += 1
print("stopped at", item, i)

print([y for x in data if (y := x * 2) > 10])
print(y)
print([last := x for x in range(5)], last)
print(total := sum(data), total)

values = [(m := re.match(r"(\d+)-(\d+)", s)) and m.groups() for s in ("1-2", "x", "30-40")]
print(values, m)


def f():
    [z := c for c in "abc"]
    return z


print(f())


def outer():
    found = None

    def inner():
        return [found := x for x in range(3) if x == 1]

    res = inner()
    return res, found


print(outer())


def counter():
    count = 0
    results = [(count := count + x) for x in range(5)]
    return results, count


print(counter())

print((lambda: (q := 10) + q)())
print([(a := x, a * 2) for x in range(3)], a)

x = 5
print(x if (x := 6) else None, x)
print(any((hit := v) > 10 for v in data), hit)
print(all((miss := v) < 10 for v in data), miss)

d = {}
if (val := d.get("k")) is None:
    print("val is None", val)
print([[(k := i * j) for j in range(3)] for i in range(3)], k)


class C:
    attr = [w for w in range(2)]
    attr2 = (w2 := 7)


print(C.attr, C.attr2, w2 if "w2" in globals() else "w2 not global")


def gen():
    yield (g := 5)
    yield g + 1


print(list(gen()))
print(f"{(fx := 3)} {fx * 2}")
print(sorted([(s := v % 3) for v in data]), s)
