# dataclasses: generated methods, options, fields, errors.
import dataclasses
from dataclasses import dataclass, field, InitVar, asdict, astuple, replace, fields, FrozenInstanceError


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    hidden: str = field(default="h", repr=False, compare=False)


p = Point(1)
print(p, p == Point(1), p == Point(1, tags=[1]), p.tags is Point(1).tags)
print(asdict(p), astuple(p), replace(p, y=5))
print([(f.name, f.type, f.default is dataclasses.MISSING) for f in fields(p)])
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__module__)
print(Point.__dataclass_fields__["x"].type, Point.__match_args__)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

    @property
    def label(self):
        return "v%d.%d" % (self.major, self.minor)


vs = sorted([Version(1, 2), Version(0, 9), Version(1, 0)])
print(vs, vs[0] < vs[1], Version(1) == Version(1, 0), hash(Version(1)) == hash(Version(1, 0)))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    del vs[0].minor
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(vs[0].label, {Version(1): "hashable"})


@dataclass
class WithPostInit:
    a: int
    scale: InitVar[int] = 1
    b: int = field(init=False)

    def __post_init__(self, scale):
        self.b = self.a * scale


w = WithPostInit(3, 10)
print(w, [f.name for f in fields(w)])


@dataclass
class Base:
    a: int = 1


@dataclass
class Derived(Base):
    b: int = 2
    a: int = 10


print(Derived(), Derived(5, 6))

try:
    @dataclass
    class BadOrder:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)

try:
    @dataclass
    class MutableDefault:
        items: list = []
except ValueError as e:
    print("ValueError", e)


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass(unsafe_hash=True)
class Hashed:
    v: int


print(hash(Hashed(1)) == hash(Hashed(1)))


@dataclass(kw_only=True)
class KwOnly:
    a: int
    b: int = 2


print(KwOnly(a=1))
try:
    KwOnly(1)
except TypeError as e:
    print("TypeError", e)


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0


sl = Slotted(1)
print(sl, Slotted.__slots__, hasattr(sl, "__dict__"))


@dataclass
class WithClassVar:
    import typing
    counter: typing.ClassVar[int] = 0
    value: int = 1


print(WithClassVar(), [f.name for f in fields(WithClassVar)])
Dyn = dataclasses.make_dataclass("Dyn", [("q", int), ("r", str, field(default="r"))])
print(Dyn(1), Dyn.__module__, Dyn.__qualname__)


@dataclass
class Node:
    value: int
    children: "list[Node]" = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
print(dataclasses.is_dataclass(tree), dataclasses.is_dataclass(Node), dataclasses.is_dataclass(1))
try:
    Point()
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, [], "h", "extra")
except TypeError as e:
    print("TypeError", e)
import copy
import pickle

print(copy.deepcopy(tree) == tree, pickle.loads(pickle.dumps(tree)) == tree, pickle.loads(pickle.dumps(Version(2))))
