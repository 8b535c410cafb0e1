# Structural pattern matching (3.10+).
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


class Plain:
    __match_args__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def describe(subject):
    match subject:
        case 0 | 1 as small:
            return "small int %r" % small
        case True:
            return "True (never: 1 matched)"
        case None:
            return "None"
        case int(n) if n < 0:
            return "negative %d" % n
        case float() | complex():
            return "float or complex"
        case "a" | "b":
            return "letter"
        case str() as s if len(s) > 3:
            return "long string " + s
        case [] | ():
            return "empty sequence"
        case [x]:
            return "one element %r" % (x,)
        case [1, *rest]:
            return "starts with 1, rest %r" % (rest,)
        case [_, _, *_, last]:
            return "3+ elements, last %r" % (last,)
        case {"type": "user", "name": name, **extra}:
            return "user %s extra %r" % (name, extra)
        case {"type": _}:
            return "other typed mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return "diagonal %d" % x
        case Point(x=px):
            return "point with x %d" % px
        case Plain(1, b):
            return "plain with a=1, b=%r" % (b,)
        case Plain(a=a):
            return "plain a=%r" % (a,)
        case _:
            return "fallback %r" % (subject,)


for subject in (0, 1, True, None, -5, 7, 2.5, 1j, "a", "long!", "xy", [], (), [9], [1, 2, 3],
                (4, 5, 6, 7), [4, 5], {"type": "user", "name": "bob", "age": 3}, {"type": "x"},
                {"other": 1}, Point(0, 0), Point(3, 3), Point(1, 2), Plain(1, "b"), Plain(2, 3),
                "abcd", b"bytes", range(3)):
    print(repr(subject), "->", describe(subject))

import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


for c in (Color.RED, Color.GREEN, 3):
    match c:
        case Color.RED:
            print("red")
        case Color.GREEN:
            print("green")
        case other:
            print("other", other)

match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("mapping partial match")

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print("nested", a, b, c, d)

try:
    match Plain(1, 2):
        case Plain(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)

x = 5
match x:
    case 1:
        pass
print("no case matched, x still", x)
match (1, 2):
    case (a, b) if a > b:
        print("no")
    case (a, b):
        print("captured", a, b)
