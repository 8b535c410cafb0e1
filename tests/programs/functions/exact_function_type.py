# Compiled functions are exactly Python functions: type(f) is FunctionType
# for every kind of function, PyFunction_Check-style checks accept them,
# and uncompiled code calling them many times (where the interpreter
# specialises its calls) keeps getting the same behaviour.
import types


def plain(a, b=2, *, c=3):
    return a + b + c


lam = lambda x: x + 1


def outer():
    v = 10

    def middle():
        def inner(y):
            return v + y

        return inner

    return middle()


class K:
    def method(self, x):
        return x

    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm():
        return "sm"

    def __init__(self, value=0):
        self.value = value

    def __getitem__(self, key):
        return key * 2

    @property
    def prop(self):
        return self.value


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


FT = types.FunctionType
for name, obj in [
    ("plain", plain),
    ("lambda", lam),
    ("closure", outer()),
    ("method via class", K.method),
    ("bound method __func__", K().method.__func__),
    ("classmethod __func__", K.cm.__func__),
    ("staticmethod", K.sm),
    ("property fget", K.prop.fget),
    ("generator function", gen),
    ("coroutine function", coro),
    ("async generator function", agen),
]:
    print(name, type(obj) is FT, obj.__class__ is FT, type(obj).__name__)

print(type(K().method) is types.MethodType)
print(type(lam) is type(lambda: None))
print(outer().__closure__[0].cell_contents, outer()(5))


# Called from uncompiled code often enough for the interpreter to
# specialise the calls: every call must still behave the same (a compiled
# body returns compiled nested functions; a mix would mean that the
# interpreter ran some calls itself).
def nested_kind():
    def h():
        pass

    return "__compiled__" in dir(h) or hasattr(h, "__compiled__")


class Made:
    def __init__(self):
        self.kind = nested_kind()

    def __getitem__(self, key):
        return nested_kind()

    @property
    def prop(self):
        return nested_kind()

    def meth(self, a):
        return nested_kind()


def rec(n):
    return nested_kind() if n == 0 else rec(n - 1)


ns = {"nested_kind": nested_kind, "Made": Made, "rec": rec}
exec(
    """
m = Made()
kinds = {
    "call": {nested_kind() for _ in range(3000)},
    "init": {Made().kind for _ in range(3000)},
    "getitem": {m[1] for _ in range(3000)},
    "property": {m.prop for _ in range(3000)},
    "method": {m.meth(1) for _ in range(3000)},
    "bound": {f(1) for f in [m.meth] for _ in range(3000)},
    "recursive": {rec(20) for _ in range(300)},
}
""",
    ns,
)
for name, kinds in ns["kinds"].items():
    print(name, len(kinds))

# Plain function protocols.
plain.__defaults__ = (20,)
plain.__kwdefaults__ = {"c": 30}
print(plain(1))
print(repr(plain).split(" at ")[0])
