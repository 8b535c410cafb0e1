# PEP 646 annotations under `from __future__ import annotations`: the
# strings are CPython's unparsing of the starred expressions; nothing is
# evaluated.
from __future__ import annotations


def f(*args: *Ts, b: tuple[*Ts, int] = 1) -> tuple[int, *Ts]:
    pass


print(f.__annotations__)


def g(*args: *tuple[int, ...], **kw: dict[*A, *B]):
    pass


print(g.__annotations__)


def h(*args: *undefined_name):
    pass


print(h.__annotations__)


class C:
    x: tuple[*Ts]
    y: list[*a, *b] = 3
    z: Generic[*(Ts)]

    def m(self, *a: *(x + y)) -> C[*Ts]:
        pass


print(C.__annotations__)
print(C.m.__annotations__)
v: tuple[*Ts, *Us]
print(__annotations__)


def q(b: tuple[*Ts], *c: *(a or b)) -> list[*(a + b)]:
    pass


print(q.__annotations__)
