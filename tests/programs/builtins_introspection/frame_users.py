# Library code that inspects the caller's frame to find the module name:
# namedtuple, enum functional API, dataclasses, typing, TypeVar, pickle.
import collections
import dataclasses
import enum
import pickle
import typing


def make_things():
    NT = collections.namedtuple("NT", "a b")
    E = enum.Enum("E", "X Y")
    TD = typing.TypedDict("TD", {"k": int})
    NT2 = typing.NamedTuple("NT2", [("q", int)])
    return NT, E, TD, NT2


NT, E, TD, NT2 = make_things()
print(NT.__module__, E.__module__, TD.__module__, NT2.__module__)
print(NT(1, 2), E.X, NT2(3))
T = typing.TypeVar("T")
print(T.__module__ if hasattr(T, "__module__") else "?")
P = typing.ParamSpec("P")
print(P.__name__)
DC = dataclasses.make_dataclass("DC", ["x"])
print(DC.__module__ in ("__main__", "types"), DC(1))
Point = collections.namedtuple("Point", "x y")
print(pickle.loads(pickle.dumps(Point(1, 2))))
Color = enum.Enum("Color", "RED GREEN")
print(pickle.loads(pickle.dumps(Color.GREEN)) is Color.GREEN)


class Holder:
    Inner = collections.namedtuple("Inner", "v")
    Kind = enum.Enum("Kind", "A B")


print(Holder.Inner.__module__, Holder.Kind.__module__, Holder.Inner.__qualname__)
NewType = typing.NewType("NewType", int)
print(NewType.__module__, NewType(5))


@dataclasses.dataclass
class Regular:
    v: int = 0


print(Regular.__module__, Regular.__init__.__module__ if hasattr(Regular.__init__, "__module__") else "?")
Alias = typing.List[int]
print(Alias, typing.get_origin(Alias))
