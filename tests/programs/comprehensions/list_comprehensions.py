# List comprehensions: filters, nesting, multiple for clauses, side effects.


def v(x):
    print("eval", x)
    return x


print([x * x for x in range(6)])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in range(x)])
print([(x, y) for x in range(4) if x % 2 for y in "ab" if y != "b" or x == 3])
print([[r * c for c in range(3)] for r in range(3)])
print([c for row in [[1, 2], [3], []] for c in row])
print([v(x) for x in v([1, 2]) if v(x) > 1])
print([x if x % 2 else -x for x in range(5)])
print([f(x) for f in (str, hex, bin) for x in (5, 6)])
print([i for i in "hello" if i not in "lo"])
print([(i, ch) for i, ch in enumerate("abc")])
print([a + b for a, b in zip("abc", "xyz")])
print([*[x for x in range(2)], *[y for y in "ab"]])
print([x for x in []], [x for x in () if x], [[] for _ in range(2)])
print([len(w) for w in "the quick brown fox".split()])
print([k for k in {"b": 1, "a": 2}])
print([x for x in range(10)][::3])
print([y for x in range(3) for y in [x, x * 10]])
print([(lambda: x)() for x in range(3)])
print([x for x in (lambda: range(3))()])
print(sum([x for x in range(101)]))
print([x for x in range(3) for x in "ab"])
print([[x for x in range(i)] for i in range(4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([str(x) + y for x in range(2) for y in "ab" if (x, y) != (1, "a")])
try:
    print([1 / x for x in (1, 0)])
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print([x for x in 5])
except TypeError as e:
    print("TypeError", e)
try:
    print([undefined_name for x in range(1)])
except NameError as e:
    print("NameError", e)
data = [3, 1, 2]
data = [x * 2 for x in data]
print(data)
lst = [1, 2, 3]
print([lst.append(x) for x in range(2)], lst)
it = iter(range(6))
print([(a, next(it)) for a in it])
