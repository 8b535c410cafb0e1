# Comprehension variables are isolated from the enclosing scope (functions
# of their own before 3.12, inlined with saved/restored slots since 3.12,
# PEP 709): shadowing, cells, walrus, class bodies, exceptions, frames.
import sys
import traceback

x = "outer"
a = [x for x in range(3)]
print(a, x)
b = [lambda: x for x in range(3)]
print([f() for f in b], x)
print([x for x in x])


def shadowing(y):
    x = 10
    r = [x * y for x in range(3)]
    s = [lambda: x for x in range(2)]
    return r, x, [g() for g in s]


print(shadowing(2))


def implicit_global():
    r = [i for i in range(3)]
    try:
        return r, i  # noqa: F821
    except NameError as e:
        return "NameError", str(e)


print(implicit_global())


def declared_global():
    global gx
    r = [gx for gx in range(2)]
    return r


gx = "G"
print(declared_global(), gx)


def outer():
    x = "free"

    def f():
        r = [x for x in range(3)]
        return x, r

    def g():
        nonlocal x
        r = [x for x in range(2)]
        return x, r

    return f(), g(), x


print(outer())


def comp_locals():
    a = 1
    return [sorted(k for k in locals() if not k.startswith(".")) for b in range(1)], sorted(locals())


print(comp_locals())


class K:
    vals = [1, 2]
    out = [v * 2 for v in vals]
    pairs = {k: [k for _ in range(2)] for k in "ab"}
    try:
        hidden = [vals for _ in range(1)]
    except NameError as e:
        hidden = str(e)


print(K.out, K.pairs, K.hidden, "v" in K.__dict__, "k" in K.__dict__)


def class_in_function():
    v = 5

    class D:
        v = "class v"
        w = [v + i for i in range(2)]

    return D.w, D.v


print(class_in_function())


def walrus():
    r = [(last := i) for i in range(3)]
    return r, last


print(walrus())


def restored_after_error():
    i = "kept"
    try:
        [1 / (i - 1) for i in range(3)]
    except ZeroDivisionError as e:
        print("caught", e)
    return i


print(restored_after_error())


def as_call_argument(p):
    return max(p, len([c for c in "abc"]), *[n for n in range(2)], **{k: None for k in []})


print(as_call_argument(1))


def in_generator():
    x = 1
    yield [x + i for i in range(3)]
    yield {i: x for i in range(2)}
    yield {i % 2 for i in range(5)}


print(list(in_generator()))


def frame_name():
    return [sys._getframe().f_code.co_name for _ in range(1)]


print(frame_name())


def super_in_comprehension():
    class A:
        def m(self):
            return "A"

    class B(A):
        def m(self):
            return [super().m() for _ in range(2)]

    return B().m()


print(super_in_comprehension())


def nested():
    return [[(i, j) for j in range(i)] for i in range(3)], [(i, j) for i in range(3) for j in range(i) if j]


print(nested())


def genexp_inside():
    return [list(x * k for k in range(2)) for x in range(3)]


print(genexp_inside())


def unpacking():
    return [(a, b) for a, *b in [(1, 2, 3)]], {p: q for p, q in [(1, 2)]}


print(unpacking())


def failing():
    return [1 / (i - 1) for i in range(3)]


try:
    failing()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
print([y for y in range(3)] + [1 / 0 for y in range(1)])
