# Constant folding with 3.12+ features: inlined comprehensions, PEP 695
# scopes, and ``~`` on bools (deprecated at run time, folded when constant).
import warnings

warnings.simplefilter("error")
print("folded", ~True, ~False, -True)
flag = True
try:
    print(~flag)
except DeprecationWarning as e:
    print("DeprecationWarning", str(e)[:40])


def f[T](x=(1, 2)):
    return x, (3, 4)


print(f() is f(), f()[1] is f()[1], f())


class Box[T]:
    items = (1, (2, 3))

    def get(self):
        return (1, (2, 3))


print(Box().get() is Box().get(), Box.items[1] is Box().get()[1])

type Pair = (1, 2)
print(Pair.__value__, Pair.__value__ is Pair.__value__)

print([x * 2 for x in [1, 2, 3]], {x for x in {3, 1, 2}}, {k: v for k, v in [(1, 2), (3, 4)]})


def g():
    return [c for c in "ab" * 3], [v for v in (1, 2) * 2]


print(g(), g()[0] is g()[0])
