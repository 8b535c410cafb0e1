# Set and dict comprehensions: key order, duplicates, evaluation order.


def v(x):
    print("eval", repr(x))
    return x


print(sorted({x % 4 for x in range(20)}))
print(sorted({c.lower() for c in "HeLLo"}))
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({x % 3: x for x in range(10)})
print({v("k%d" % i): v("v%d" % i) for i in range(2)})
print({k: [i for i in range(k)] for k in range(3)})
print({(a, b): a * b for a in range(2) for b in range(2)})
print(dict(sorted({s: len(s) for s in ["bb", "a", "ccc"]}.items())))
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
print({True: "bool", 1: "int", 1.0: "float"})
print({x: x for x in [1, 1.0, True]})
print(sorted({frozenset({i, i + 1}) for i in range(3)}, key=sorted))
try:
    print({[x]: x for x in range(2)})
except TypeError as e:
    print("TypeError", e)
try:
    print({[x] for x in range(2)})
except TypeError as e:
    print("TypeError", e)
nested = {i: {j: i * j for j in range(i)} for i in range(4)}
print(nested)
print({k: v for k, v in sorted({"z": 1, "a": 2}.items())})
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print({w: c for w, c in counts.items() if c > 1})
print(len({i for i in range(1000)}), sum({i: i for i in range(10)}.values()))
print({**{k: 0 for k in "ab"}, **{k: 1 for k in "bc"}})
key_order = {v("key"): v("value") for _ in range(1)}
print(key_order)
