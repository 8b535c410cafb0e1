# A comprehension variable captured by a lambda inside the comprehension,
# while the enclosing function also reads an outer variable of that name
# (free there).  Since 3.12 (PEP 709) CPython re-wraps the free slot with a
# new cell that stays after the comprehension: the function then sees the
# comprehension's last value; before 3.12 the comprehension is a function.


def outer():
    x = 1

    def inner():
        print("before", x)
        fs = [lambda: x for x in range(3)]
        print("after capture", x, [f() for f in fs])
        gs = [x for x in range(5)]
        print("after plain", x, gs)
        try:
            [1 / 0 for x in range(2) if (lambda: x)]
        except ZeroDivisionError:
            print("after raise", x)
        return lambda: x

    return inner


print("returned closure", outer()()())


def outer2():
    y = 10

    def inner():
        r = [[lambda: y for y in range(2)] for _ in range(2)]
        z = {y: (lambda: y) for y in "ab"}
        return y, r[1][0](), z["a"]()

    return inner, lambda: y


inner, read_outer = outer2()
print(inner(), read_outer())


class K:
    y = 7
    fs = [lambda: y for y in range(2)]
    print(y, [f() for f in fs])


# Targets that bind no name of their own: a subscript or attribute.
tgt = [None]


class Holder:
    pass


h = Holder()


def subscript_targets():
    first = [tgt[0] for tgt[0] in range(3)]
    second = {h.attr: 1 for h.attr in "ab"}
    return first, tgt, second, h.attr


print(subscript_targets())
