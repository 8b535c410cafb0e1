# enum: members, iteration, auto, functional API, flags, unique, pickling.
import enum
import pickle


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return "%s=%s" % (self.name, self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"])
print(list(Color), len(Color), Color.CRIMSON is Color.RED, list(Color.__members__))
print(Color.RED.describe(), Color.default(), type(Color.RED).__name__, isinstance(Color.RED, Color))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED in Color, hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)


class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
    C = enum.auto()


print([(m.name, m.value) for m in Auto])


class Number(enum.IntEnum):
    ONE = 1
    TWO = 2


print(Number.ONE + 1, Number.TWO * 3, Number.ONE < Number.TWO, sorted([Number.TWO, Number.ONE]), int(Number.TWO))
print(str(Number.ONE), format(Number.ONE), f"{Number.TWO}", repr(Number.ONE))


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.W, bool(Perm.R & Perm.X), rw.value)


class IntPerm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(IntPerm.R | IntPerm.X, int(IntPerm.R | IntPerm.W), IntPerm(7), IntPerm.R | 8)

Animal = enum.Enum("Animal", "CAT DOG BIRD")
print(list(Animal), Animal.DOG.value, Animal.__module__, Animal.__qualname__)
Status = enum.Enum("Status", [("OK", 200), ("NOT_FOUND", 404)])
print(Status(404), Status.OK.value)
print(pickle.loads(pickle.dumps(Color.GREEN)) is Color.GREEN)
print(pickle.loads(pickle.dumps(Animal.CAT)) is Animal.CAT)
try:
    @enum.unique
    class Dups(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)


class StrEnumLike(str, enum.Enum):
    X = "x-value"
    Y = "y-value"


print(StrEnumLike.X == "x-value", StrEnumLike.X.upper(), StrEnumLike("y-value"))


class WithMethods(enum.Enum):
    SMALL = (1, "s")
    LARGE = (10, "l")

    def __init__(self, size, code):
        self.size = size
        self.code = code

    @property
    def doubled(self):
        return self.size * 2


print(WithMethods.LARGE.size, WithMethods.LARGE.code, WithMethods.SMALL.doubled, WithMethods((1, "s")))
try:
    class Extend(Color):
        PINK = 9
except TypeError as e:
    print("TypeError", e)
print(Color.__members__["CRIMSON"], [m.name for m in Color], Color._member_map_.keys() >= {"CRIMSON"})


class Planet(enum.Enum):
    EARTH = 1

    def __str__(self):
        return "Planet " + self.name.title()


print(Planet.EARTH, "%s" % Planet.EARTH, [Planet.EARTH])
d = {Color.RED: "r", Number.ONE: "one"}
print(d[Color.RED], d[1], Number(1) is Number.ONE)
print(enum.Enum.__name__, Color.__class__.__name__, type(Color).__name__)
