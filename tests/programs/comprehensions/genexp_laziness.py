# Generator expressions: laziness, the first iterable evaluated eagerly,
# exhaustion, and interaction with consumers that stop early.


def source(label, n):
    print("creating source", label)
    for i in range(n):
        print("  yield", label, i)
        yield i


g = (x * 2 for x in source("outer", 3))
print("genexp created")
print(next(g))
print(list(g))
print(list(g))

try:
    bad = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)

lazy_error = (1 / x for x in [1, 0])
print("created lazy error genexp")
print(next(lazy_error))
try:
    next(lazy_error)
except ZeroDivisionError as e:
    print("ZeroDivisionError on second next:", e)
try:
    next(lazy_error)
except StopIteration:
    print("StopIteration after exception")

inner_lazy = ((a, b) for a in source("A", 2) for b in source("B", 2))
print("nested genexp created")
print(list(inner_lazy))


def cond(x):
    print("  cond", x)
    return x % 2


print(any(cond(x) for x in range(10)))
print(all(not cond(x) for x in range(0, 10, 2)))
print(next((x for x in range(100) if x > 5), "none"), next((x for x in []), "default"))
print(sum(x for x in range(10)), max((x for x in "hello"), key=ord), sorted(x for x in "cab"))
print("".join(str(x) for x in range(5)), tuple(x for x in "ab"), set(x % 2 for x in range(5)))
print(dict((k, len(k)) for k in ["a", "bb"]))

items = [1, 2, 3]
g2 = (x for x in items)
items.append(4)
print(list(g2))
items = [1, 2, 3]
g3 = (x for x in items)
items = [9]
print(list(g3))

y = 10
g4 = (x + y for x in range(3))
y = 100
print(list(g4))

g5 = (x for x in range(3))
print(type(g5).__name__, g5.__name__, g5.__qualname__, iter(g5) is g5)
print(list(zip((x for x in range(3)), "ab")))
gen_of_gens = ((y for y in range(x)) for x in range(3))
print([list(g) for g in gen_of_gens])
g6 = (x for x in range(5))
for v in g6:
    if v == 2:
        break
print("rest after break", list(g6))
g7 = (x for x in source("closing", 5))
next(g7)
g7.close()
print("closed", list(g7))
import itertools

print(list(itertools.islice((x * x for x in itertools.count()), 5)))
print(list(x for x in range(3) if x for y in range(x)))
