# Annotations: evaluation time and order, __annotations__ of functions,
# classes and the module; local variable annotations are not evaluated.
import typing


def ann(value):
    print("evaluating annotation", value)
    return value


def f(a: ann("a"), b: ann("b") = 1, *args: ann("args"), c: ann("c"), d=2, **kw: ann("kw")) -> ann("ret"):
    local: ann("never evaluated") = 5
    return local


print("defined")
print(f.__annotations__)
print(f(1, c=3))


def no_annotations(a, b):
    pass


print(no_annotations.__annotations__)
no_annotations.__annotations__["a"] = int
print(no_annotations.__annotations__)
no_annotations.__annotations__ = {"new": str}
print(no_annotations.__annotations__)


def strings(x: "List[int]", y: "undefined_name") -> "str":
    pass


print(strings.__annotations__)


def complex_annotations(x: typing.Optional[int] = None, y: list[int] = (), z: dict[str, "int"] = None) -> tuple[int, ...]:
    pass


print(complex_annotations.__annotations__)
print(typing.get_type_hints(complex_annotations))


class Annotated:
    x: int
    y: str = "default"
    z: ann("class annotation") = 3

    def method(self, v: "Annotated") -> None:
        pass


print(Annotated.__annotations__)
print(Annotated.method.__annotations__)
print(hasattr(Annotated, "x"), Annotated.y)
module_var: int = 5
other: ann("module annotation")
(paren): int = 1
print(__annotations__)
lst = [0]
lst[0]: ann("subscript target annotation") = 7
print(lst, "lst" in __annotations__)


def nested():
    def inner(p: ann("inner param")) -> ann("inner ret"):
        pass

    return inner.__annotations__


print(nested())
lam = lambda x: x
print(lam.__annotations__)


class NoAnnotations:
    pass


print(getattr(NoAnnotations, "__annotations__", "missing"))
import inspect

print(inspect.signature(f))
print(inspect.get_annotations(f))
print(inspect.get_annotations(Annotated))
try:
    print(typing.get_type_hints(Annotated))
except Exception as e:
    print(type(e).__name__, e)
