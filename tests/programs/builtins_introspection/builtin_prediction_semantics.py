# Predicted builtin calls give CPython's results, exceptions and messages
# for unusual arguments: __len__ returning odd values, __index__, bad
# second arguments, wrong argument counts, keywords, subclasses.
import math


def show(function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as e:
        print("  %s: %s" % (type(e).__name__, e))
    else:
        print("  %r" % (result,))


def attempt(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


class Sized:
    def __init__(self, value):
        self.value = value

    def __len__(self):
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


class Index:
    def __index__(self):
        return 3


class BigIndex:
    def __index__(self):
        return 2**70


print("len")
attempt("len(5)", lambda: len(5))
attempt("len(None)", lambda: len(None))
attempt("len(Sized(3))", lambda: len(Sized(3)))
attempt("len(Sized(True))", lambda: len(Sized(True)))
attempt("len(Sized(-1))", lambda: len(Sized(-1)))
attempt("len(Sized(2**70))", lambda: len(Sized(2**70)))
attempt("len(Sized(Index()))", lambda: len(Sized(Index())))
attempt("len(Sized(1.5))", lambda: len(Sized(1.5)))
attempt("len(Sized('x'))", lambda: len(Sized("x")))
attempt("len(Sized(KeyError('k')))", lambda: len(Sized(KeyError("k"))))
attempt("len({1: 2})", lambda: len({1: 2}))
attempt("len(range(10**20))", lambda: len(range(10**20)))
attempt("len()", lambda: len())
attempt("len(1, 2)", lambda: len(1, 2))
attempt("len(obj=1)", lambda: len(obj=1))


class ListSub(list):
    def __len__(self):
        return 99


attempt("len(ListSub([1]))", lambda: len(ListSub([1])))
attempt("len(b'ab')", lambda: len(b"ab"))
attempt("len('abc')", lambda: len("abc"))
attempt("len(())", lambda: len(()))

print("isinstance / issubclass")


class Meta(type):
    def __instancecheck__(cls, obj):
        return "yes"

    def __subclasscheck__(cls, sub):
        raise ValueError("no subclass check")


class Odd(metaclass=Meta):
    pass


attempt("isinstance(1, 'int')", lambda: isinstance(1, "int"))
attempt("isinstance(1, (str, (int,)))", lambda: isinstance(1, (str, (int,))))
attempt("isinstance(1, (str, 5))", lambda: isinstance(1, (str, 5)))
attempt("isinstance(1, Odd)", lambda: isinstance(1, Odd))
attempt("isinstance(True, int)", lambda: isinstance(True, int))
attempt("isinstance(1, int | str)", lambda: isinstance(1, int | str))
attempt("isinstance(1)", lambda: isinstance(1))
attempt("issubclass(bool, Odd)", lambda: issubclass(bool, Odd))
attempt("issubclass(1, int)", lambda: issubclass(1, int))
attempt("issubclass(bool, int)", lambda: issubclass(bool, int))

print("type / range / enumerate / zip")
attempt("type(ListSub())", lambda: type(ListSub()).__name__)
attempt("type(1, 2)", lambda: type(1, 2))
attempt("type('X', (), {})", lambda: type("X", (), {}).__name__)
attempt("range('a')", lambda: range("a"))
attempt("range(Index())", lambda: list(range(Index())))
attempt("range(1, BigIndex())", lambda: range(1, BigIndex()))
attempt("range(0, 5, 0)", lambda: range(0, 5, 0))
attempt("range(1.0)", lambda: range(1.0))
attempt("range(2, 10, 3)", lambda: list(range(2, 10, 3)))
attempt("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4))
attempt("range()", lambda: range())
attempt("enumerate(5)", lambda: enumerate(5))
attempt("enumerate('ab', 10)", lambda: list(enumerate("ab", 10)))
attempt("enumerate('ab', 'x')", lambda: enumerate("ab", "x"))
attempt("enumerate('ab', start=2)", lambda: list(enumerate("ab", start=2)))
attempt("zip(1)", lambda: zip(1))
attempt("zip('ab', 2)", lambda: zip("ab", 2))
attempt("zip('abc', 'de', [1, 2, 3])", lambda: list(zip("abc", "de", [1, 2, 3])))

print("iter / next")
attempt("iter(5)", lambda: iter(5))
attempt("next([])", lambda: next([]))
attempt("next(iter([]))", lambda: next(iter([])))
attempt("next(iter([]), 'default')", lambda: next(iter([]), "default"))


def raising_gen():
    raise KeyError("inside")
    yield


attempt("next(raising_gen(), 1)", lambda: next(raising_gen(), 1))


class StopsWithValue:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("value")


attempt("next(StopsWithValue(), 'd')", lambda: next(StopsWithValue(), "d"))
attempt("next(StopsWithValue())", lambda: next(StopsWithValue()))

print("abs / min / max")


class Weird:
    def __abs__(self):
        return "abs!"

    def __lt__(self, other):
        return "truthy"

    def __gt__(self, other):
        raise RuntimeError("gt")


attempt("abs('x')", lambda: abs("x"))
attempt("abs(Weird())", lambda: abs(Weird()))
attempt("abs(-0.0)", lambda: abs(-0.0))
attempt("abs(-2**70)", lambda: abs(-(2**70)))
attempt("abs(True)", lambda: abs(True))
attempt("min(1, 'a')", lambda: min(1, "a"))
attempt("min(3, 1.0, 1)", lambda: min(3, 1.0, 1))
attempt("max(1, 1.0)", lambda: max(1, 1.0))
attempt("min(nan, 1.0)", lambda: min(math.nan, 1.0))
attempt("min(1.0, nan)", lambda: min(1.0, math.nan))
attempt("max(nan, 1.0, 2.0)", lambda: max(math.nan, 1.0, 2.0))
attempt("min(0.0, -0.0)", lambda: min(0.0, -0.0))
attempt("min(Weird(), 1) is", lambda: type(min(1, Weird())).__name__)
attempt("max(1, Weird())", lambda: max(1, Weird()))
attempt("min([3, 1])", lambda: min([3, 1]))
attempt("min(3, 1, key=abs)", lambda: min(3, -1, key=abs))
attempt("max(1, 2, default=0)", lambda: max(1, 2, default=0))
attempt("max('b', 'a', 'c')", lambda: max("b", "a", "c"))

print("hasattr / getattr")


class Attrs:
    @property
    def broken(self):
        raise ValueError("property broke")

    @property
    def missing(self):
        raise AttributeError("property missing")

    def __getattr__(self, name):
        if name == "dynamic":
            return "dyn"
        raise AttributeError(name)


class Name(str):
    pass


attempt("hasattr(1, 2)", lambda: hasattr(1, 2))
attempt("hasattr(Attrs(), 'broken')", lambda: hasattr(Attrs(), "broken"))
attempt("hasattr(Attrs(), 'missing')", lambda: hasattr(Attrs(), "missing"))
attempt("hasattr(Attrs(), 'dynamic')", lambda: hasattr(Attrs(), "dynamic"))
attempt("hasattr(Attrs(), Name('dynamic'))", lambda: hasattr(Attrs(), Name("dynamic")))
attempt("getattr(1, 2)", lambda: getattr(1, 2))
attempt("getattr(1, 2, 3)", lambda: getattr(1, 2, 3))
attempt("getattr(1, 'nope')", lambda: getattr(1, "nope"))
attempt("getattr(1, 'nope', 'd')", lambda: getattr(1, "nope", "d"))
attempt("getattr(Attrs(), 'broken', 'd')", lambda: getattr(Attrs(), "broken", "d"))
attempt("getattr(Attrs(), 'missing', 'd')", lambda: getattr(Attrs(), "missing", "d"))
attempt("getattr(Attrs(), 'dynamic')", lambda: getattr(Attrs(), "dynamic"))
attempt("getattr(1)", lambda: getattr(1))

print("conversions")


class StrSub(str):
    def __str__(self):
        return "overridden"


class IntSub(int):
    pass


class Converts:
    def __str__(self):
        return StrSub("sub")

    def __int__(self):
        return 7

    def __float__(self):
        return 2.5

    def __bool__(self):
        return 1


class Truncates:
    def __trunc__(self):
        return 4


attempt("str(StrSub('a'))", lambda: (str(StrSub("a")), type(str(StrSub("a"))).__name__))
attempt("str(Converts())", lambda: (str(Converts()), type(str(Converts())).__name__))
attempt("str(12)", lambda: str(12))
attempt("str(1.5)", lambda: str(1.5))
attempt("str(b'x')", lambda: str(b"x"))
attempt("int('12')", lambda: int("12"))
attempt("int('x')", lambda: int("x"))
attempt("int(2.9)", lambda: int(-2.9))
attempt("int(inf)", lambda: int(math.inf))
attempt("int(nan)", lambda: int(math.nan))
attempt("int(IntSub(5))", lambda: (int(IntSub(5)), type(int(IntSub(5))).__name__))
attempt("int(Converts())", lambda: int(Converts()))
attempt("float('1e3')", lambda: float("1e3"))
attempt("float(2**2000)", lambda: float(2**2000))
attempt("float(Converts())", lambda: float(Converts()))
attempt("float('x')", lambda: float("x"))
attempt("bool(Converts())", lambda: bool(Converts()))
attempt("bool([])", lambda: bool([]))
attempt("tuple(5)", lambda: tuple(5))
attempt("tuple(x for x in 'ab')", lambda: tuple(x for x in "ab"))
attempt("list(5)", lambda: list(5))
attempt("list({'a': 1})", lambda: list({"a": 1}))
attempt("ord('ab')", lambda: ord("ab"))
attempt("ord('')", lambda: ord(""))
attempt("ord(b'a')", lambda: ord(b"a"))
attempt("ord(StrSub('a'))", lambda: ord(StrSub("a")))
attempt("ord('\\U0001f600')", lambda: ord("\U0001f600"))
attempt("chr(-1)", lambda: chr(-1))
attempt("chr(0x110000)", lambda: chr(0x110000))
attempt("chr(2**70)", lambda: chr(2**70))
attempt("chr('a')", lambda: chr("a"))
attempt("chr(Index())", lambda: chr(Index()))
attempt("chr(True)", lambda: chr(True))

print("repr / hash / callable / divmod / pow")
attempt("repr([1, 'a'])", lambda: repr([1, "a"]))
attempt("hash([])", lambda: hash([]))
attempt("hash(1.5) == hash(1.5)", lambda: hash(1.5) == hash(1.5))
attempt("hash(-1)", lambda: hash(-1))
attempt("callable(Attrs)", lambda: callable(Attrs))
attempt("callable(1)", lambda: callable(1))
attempt("divmod(7, 0)", lambda: divmod(7, 0))
attempt("divmod(7.5, 2)", lambda: divmod(7.5, 2))
attempt("divmod('a', 2)", lambda: divmod("a", 2))
attempt("pow(2, -1)", lambda: pow(2, -1))
attempt("pow(2, 10, 7)", lambda: pow(2, 10, 7))
attempt("pow(2, -1, 7)", lambda: pow(2, -1, 7))
attempt("pow(2, 1, 0)", lambda: pow(2, 1, 0))
attempt("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))
attempt("pow(0.0, -1)", lambda: pow(0.0, -1))
attempt("pow(-8, 1/3)", lambda: pow(-8, 1 / 3))

print("constant arguments")
attempt("len('hello')", lambda: len("hello"))
attempt("len((1, 2))", lambda: len((1, 2)))
attempt("abs(-3)", lambda: abs(-3))
attempt("min(3, 2.5)", lambda: min(3, 2.5))
attempt("max('a', 'b')", lambda: max("a", "b"))
attempt("divmod(-7, 2)", lambda: divmod(-7, 2))
attempt("pow(3, 4)", lambda: pow(3, 4))
attempt("repr(1.1)", lambda: repr(1.1))
attempt("str(10**20)", lambda: str(10**20))
attempt("int(-3.7)", lambda: int(-3.7))
attempt("float(7)", lambda: float(7))
attempt("bool('')", lambda: bool(""))
attempt("ord('z')", lambda: ord("z"))
attempt("chr(65)", lambda: chr(65))
attempt("chr(-5)", lambda: chr(-5))
attempt("min(1, 'a')", lambda: min(1, "a"))
attempt("len(1.5)", lambda: len(1.5))
attempt("float(10**400)", lambda: float(10**400))
attempt("divmod(1, 0)", lambda: divmod(1, 0))
attempt("pow(0, -1)", lambda: pow(0, -1))

print("in loops")
total = 0
for i in range(50):
    total += len("x" * i) + min(i, 10) + max(i, 3, 7) + abs(i - 25)
    if isinstance(i, int) and hasattr(i, "real"):
        total += 1
print(total)

# An uncaught error from a direct operation: the traceback is CPython's.
print(len(Sized(ValueError("from __len__"))))
