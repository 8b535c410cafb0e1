# Every kind of pattern: literals, captures, wildcards, values, sequences,
# mappings, classes, or-patterns, as-patterns and guards.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Consts:
    class Inner:
        ZERO = 0
        NAME = "name"


def literal(subject):
    match subject:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case -1:
            return "minus one"
        case 0:
            return "zero"
        case 1.5:
            return "one and a half"
        case -2.5:
            return "minus two and a half"
        case 1 + 2j:
            return "complex 1+2j"
        case -3 - 4j:
            return "complex -3-4j"
        case 5j:
            return "imaginary 5j"
        case "text":
            return "string"
        case "con" "cat":
            return "concatenated"
        case b"raw":
            return "bytes"
        case _:
            return "other %r" % (subject,)


for value in (None, True, False, 1, 1.0, 0, 0.0, -0.0, -1, -1.0, 1.5, -2.5, 1 + 2j, -3 - 4j, 5j,
              "text", "concat", b"raw", bytearray(b"raw"), "raw", [], 2):
    print(repr(value), "->", literal(value))


def value_patterns(subject):
    match subject:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Consts.Inner.ZERO:
            return "inner zero"
        case Consts.Inner.NAME:
            return "inner name"
        case other:
            return "captured %r" % (other,)


for value in (Color.RED, Color.GREEN, 0, False, 0.0, "name", 1, Color):
    print(repr(value), "->", value_patterns(value))


class Eq:
    """Equality with a log, to show which comparisons happen."""

    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print("  %s == %r" % (self.name, other))
        return NotImplemented

    __hash__ = object.__hash__


class Values:
    a = Eq("a")
    b = Eq("b")


print("value pattern comparisons:")
match 42:
    case Values.a | Values.b:
        print("matched?")
    case _:
        print("no")


class Truthy:
    def __eq__(self, other):
        return self

    def __bool__(self):
        print("  __bool__ of the comparison result")
        return True


class Holder:
    t = Truthy()


match 3:
    case Holder.t:
        print("truthy comparison result matches")


def sequences(subject):
    match subject:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case (x, y):
            return "two: %r %r" % (x, y)
        case [1, 2, *rest]:
            return "1, 2 then %r" % (rest,)
        case [first, *middle, last] if len(middle) > 2:
            return "first %r middle %r last %r" % (first, middle, last)
        case [*_, "end"]:
            return "ends with end"
        case ["start", *_]:
            return "starts with start"
        case [_, _, _]:
            return "three things"
        case [[a, b], [c, d]]:
            return "nested %r" % ((a, b, c, d),)
        case [*_]:
            return "some sequence of %d" % len(subject)
        case _:
            return "not a sequence"


for value in ([], (), [1], (2,), [1, 2], (3, 4), [1, 2, 3, 4], (1, 2), [5, 6, 7, 8, 9, 10],
              ["x", "end"], ["start", 1, 2, 3], [9, 8, 7], [[1, 2], [3, 4]], [[1, 2], [3]],
              [1, 2, 3, 4, 5], "ab", b"ab", {1: 2}, 5, range(2), range(7)):
    print(repr(value), "->", sequences(value))


def mappings(subject):
    match subject:
        case {"kind": "point", "x": x, "y": y}:
            return "point %r %r" % (x, y)
        case {"kind": "named", "name": str() as name, **rest}:
            return "named %s rest %r" % (name, rest)
        case {"kind": _, **rest} if not rest:
            return "only a kind"
        case {None: v, True: w, -1: z}:
            return "odd keys %r %r %r" % (v, w, z)
        case {Color.RED: red}:
            return "enum key %r" % (red,)
        case {}:
            return "some mapping %r" % (subject,)
        case _:
            return "not a mapping"


for value in ({"kind": "point", "x": 1, "y": 2}, {"kind": "point", "x": 1},
              {"kind": "named", "name": "n", "a": 1, "b": 2}, {"kind": "named", "name": 3},
              {"kind": 1}, {"kind": 1, "more": 2}, {None: 1, True: 2, -1: 3}, {None: 1, 1: 2, -1: 3},
              {Color.RED: "r"}, {}, {"a": 1}, [("kind", 1)], "kind"):
    print(repr(value), "->", mappings(value))


def captures_and_or(subject):
    match subject:
        case [1, x] | [x, 1]:
            return "or with binding x=%r" % (x,)
        case (0 | 1 | 2) as small:
            return "small %r" % (small,)
        case [(3 | 4) as a, (5 | 6) as b] as whole:
            return "as nested %r %r %r" % (a, b, whole)
        case {"k": [x, *ys]} | {"q": [*ys, x]}:
            return "or of mappings x=%r ys=%r" % (x, ys)
        case str(s) | bytes(s) if len(s) == 1:
            return "single char %r" % (s,)
        case ((7 | 8) | (9 | 10)) as nested:
            return "nested or %r" % (nested,)
        case _:
            return "nothing"


for value in ([1, 5], [5, 1], [1, 1], 0, 2, [3, 6], [4, 5], [3, 7], {"k": [1, 2, 3]}, {"q": [1, 2, 3]},
              "a", b"b", "ab", 8, 10, 11):
    print(repr(value), "->", captures_and_or(value))


def guards(subject):
    match subject:
        case int(n) if n > 100:
            return "big"
        case int(n) if n % 2 == 0:
            return "even"
        case int(n):
            return "odd"
        case x if x:
            return "truthy non-int"
        case _ if True:
            return "falsy non-int"


for value in (101, 4, 3, "x", "", None, []):
    print(repr(value), "->", guards(value))


# Only the first matching case runs; the subject is evaluated once.
def make_subject():
    print("evaluating the subject")
    return [1, 2]


match make_subject():
    case [1, 2]:
        print("first")
    case [1, _]:
        print("second (never)")

# A match without a matching case does nothing.
match 5:
    case 6:
        print("never")
print("after a match without matching case")

# Singletons are compared by identity: 1 == True but 1 is not True.
for value in (1, True, 0, False, 1.0):
    match value:
        case True:
            print(repr(value), "is True")
        case False:
            print(repr(value), "is False")
        case 1:
            print(repr(value), "== 1")
        case 0:
            print(repr(value), "== 0")

# NaN is not equal to itself
match float("nan"):
    case 1.5:
        print("never")
    case x:
        print("nan captured", x)

# Names bound by the pattern are visible after the statement.
match (10, 20):
    case (first, second):
        pass
print("after:", first, second)
