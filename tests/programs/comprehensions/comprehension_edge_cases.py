# Comprehension edge cases: iteration over mutated containers, unpacking
# targets, conditions with side effects, nested scopes reading enclosing
# variables, generator expressions as arguments, and evaluation counts.
calls = []


def track(label, value):
    calls.append(label)
    return value


print([a * b for a, b in [(1, 2), (3, 4)]])
print([(a, rest) for a, *rest in ["abc", "de"]])
print([k for (k, v) in {"x": 1, "y": 2}.items() if v > 1])
print({k: v for k, v in [("a", 1), ("a", 2), ("b", 3)]})
print([x for x in track("iter", range(3)) if track("cond%d" % x, x % 2 == 0)], calls)
calls.clear()
print([track("elt%d" % x, x) for x in range(2) for y in track("inner%d" % x, range(2))], calls)

source = [1, 2, 3]
print([source.append(x) or x for x in source[:2]], source)


def enclosing_default(n=3):
    return [i * n for i in range(n)]


print(enclosing_default(), enclosing_default(2))


def conditional_expression_in_comprehension():
    return [("even" if i % 2 == 0 else "odd") if i else "zero" for i in range(4)]


print(conditional_expression_in_comprehension())
print([[y for y in range(x) if y % 2] for x in range(5) if x > 1])
print([x for x in range(20) if x % 2 if x % 3 if x % 5])
print(sum(x for x in range(10) if x % 3 == 0), max((len(w), w) for w in "a bbb cc".split()))
print(list(zip(*[(i, i * i) for i in range(4)])))
print(sorted({c for word in ["hello", "world"] for c in word}))
print(dict.fromkeys(x % 3 for x in range(10)))
print([i for i in range(3)] == list(i for i in range(3)) == [*range(3)])
matrix = [[1, 2], [3, 4], [5, 6]]
print([row[::-1] for row in matrix[::-1]], [sum(col) for col in zip(*matrix)])
print([str(e) for e in (ValueError("a"), KeyError("b"))])
try:
    [x for x in range(3) if 1 / (x - 1)]
except ZeroDivisionError as e:
    print("ZeroDivisionError in condition:", e)
try:
    {x: 1 / x for x in range(-1, 2)}
except ZeroDivisionError as e:
    print("ZeroDivisionError in dict value:", e)
it = iter(range(10))
print([next(it) for _ in range(3)], list(it)[:2])
nested_lambdas = [[lambda x=x, y=y: (x, y) for y in range(2)] for x in range(2)]
print([[f() for f in row] for row in nested_lambdas])
big = [i for i in range(100000) if i % 9999 == 0]
print(big)
