# With postponed evaluation, annotations are stored as strings.
from __future__ import annotations

import typing


def f(a: int, b: list[undefined] = None, *args: tuple, c: "quoted", **kw: dict[str, int]) -> Return:
    return a


print(f.__annotations__)
print(f(1, c=2))


class C:
    attr: SomeType = 1
    other: list[int]

    def m(self, x: C) -> C:
        return self


print(C.__annotations__)
print(C.m.__annotations__)
module_level: int | None = None
print(__annotations__)


def inner_scope():
    def g(x: x_type = 1) -> y_type:
        pass

    return g.__annotations__


print(inner_scope())
print(typing.get_type_hints(C.m))
try:
    typing.get_type_hints(f)
except NameError as e:
    print("NameError", e)
