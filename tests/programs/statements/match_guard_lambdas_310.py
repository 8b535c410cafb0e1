# match: lambdas and comprehensions in a guard and in a body on the same
# line are matched with CPython's code objects in source order.


def same_line(v):
    match v:
        case x if (lambda: x > 1)(): g = lambda: ("big", x)
        case x: g = lambda: ("small", x)
    return g()


print(same_line(1), same_line(2))
match 3:
    case n if [i for i in range(n)]: print([j * 2 for j in range(n)])
