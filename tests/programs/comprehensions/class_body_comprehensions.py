# The classic gotchas of comprehensions inside class bodies.


class Config:
    names = ["a", "b", "c"]
    limit = 2
    upper = [n.upper() for n in names]
    try:
        limited = [n for n in names if names.index(n) < limit]
    except NameError as e:
        limited = "NameError: %s" % e
    try:
        pairs = [(n, m) for n in names for m in names]
    except NameError as e:
        pairs = "NameError: %s" % e
    first_only = [(n, k) for n in names for k in range(2)]
    try:
        as_dict = {n: limit for n in names}
    except NameError as e:
        as_dict = "NameError: %s" % e
    try:
        as_gen = list(n * limit for n in names)
    except NameError as e:
        as_gen = "NameError: %s" % e
    lam = [(lambda: limit) for _ in range(1)]


print(Config.upper)
print(Config.limited)
print(Config.pairs)
print(Config.first_only)
print(Config.as_dict)
print(Config.as_gen)
try:
    print(Config.lam[0]())
except NameError as e:
    print("NameError", e)
limit = "global limit"
print(Config.lam[0]())


class UsesGlobal:
    names = "xy"
    result = [(n, limit) for n in names]


print(UsesGlobal.result)


def enclosing():
    factor = 10

    class Inner:
        values = [1, 2]
        scaled = [v * factor for v in values]

    return Inner.scaled


print(enclosing())


def enclosing_shadowed():
    factor = "from function"

    class Inner:
        factor = "from class"
        seen = [factor for _ in range(1)]

    return Inner.seen


print(enclosing_shadowed())


class Nested:
    rows = [[1, 2], [3, 4]]
    flat = [x for row in rows for x in row]
    try:
        sums = [sum(r) + len(rows) for r in rows]
    except NameError as e:
        sums = "NameError: %s" % e


print(Nested.flat, Nested.sums)
