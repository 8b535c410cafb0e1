# Comprehension scoping: iteration variables do not leak, closures capture
# the comprehension scope, only the outermost iterable is evaluated outside.
x = "global x"
print([x for x in range(3)], x)
i = "outer i"
squares = [i * i for i in range(4)]
print(squares, i)
print({x for x in "ab"} and x)
print({x: 1 for x in "ab"} and x)
print(list(x for x in "ab"), x)


def func():
    y = "local y"
    result = [y for _ in range(2)]
    inner = [[y for y in range(z)] for z in range(3)]
    return result, inner, y


print(func())


def closures():
    fns = [lambda: n for n in range(3)]
    return [f() for f in fns]


print(closures())


def closures_capture_outer():
    k = 10
    fns = [lambda q=q: q + k for q in range(3)]
    k = 20
    return [f() for f in fns]


print(closures_capture_outer())


def outer_iterable_evaluated_in_enclosing_scope():
    data = [1, 2, 3]
    return [d for d in data if d in data]


print(outer_iterable_evaluated_in_enclosing_scope())


def comprehension_uses_later_binding():
    result = [a + b for a in range(2) for b in range(a, 3)]
    return result


print(comprehension_uses_later_binding())


def local_shadow():
    total = 0
    values = [total + t for t in range(3)]
    return values, total


print(local_shadow())


def nested_function_in_comprehension():
    return [(lambda: m * 2)() for m in range(3)]


print(nested_function_in_comprehension())


def unbound_in_comprehension():
    try:
        return [later for _ in range(1)]
    except NameError as e:
        return "%s: %s" % (type(e).__name__, e)
    later = 1


print(unbound_in_comprehension())


def comprehension_sees_nonlocal():
    acc = []

    def add():
        nonlocal acc
        acc = [a for a in range(3)] + acc

    add()
    return acc


print(comprehension_sees_nonlocal())
g = (x for x in range(3))
print(g.gi_code.co_name, type(g).__name__)
print([type(e).__name__ for e in [lambda: 0, (i for i in [])]])
print([locals().get("x", "x not in locals") for x in range(1)][0] in (0, "x not in locals"))


def iteration_var_named_like_global():
    return [len for len in range(2)], len("still builtin")


print(iteration_var_named_like_global())
print([[j for j in range(i)] for i in range(3)])
print([j for i in range(3) for j in range(i)])
a = 5
print([a for a in range(2) if a], a)
