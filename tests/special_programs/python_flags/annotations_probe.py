"""Annotations everywhere; compiled with --python-flag=no_annotations it
must behave like this file with its annotations removed (the test strips
them with ast and runs that under CPython)."""
import dataclasses
import inspect
import sys
import typing

log = []


def note(value):
    log.append(value)
    return value


class Box:
    pass


box = Box()
items = {}

counter: int = note(1)
declared_only: note("module declaration")
box.attr: note("attribute annotation") = 5
items[note("key")]: note("subscript annotation")


def function(a: note("arg a"), *args: note("args"), b: int = 2, **kw: note("kw")) -> note("return"):
    local: note("never evaluated in functions") = a
    return local


class Klass:
    field: note("class field") = 3
    other: int

    def method(self, x: "Klass") -> None:
        pass


@dataclasses.dataclass
class Point:
    x: int = 0
    y: int = 0


lam = lambda x: x  # noqa: E731


def with_lambda(x: (lambda: note(float))()):
    return x


print("log", log)
print("function", function(7), function.__annotations__)
print("module has __annotations__", "__annotations__" in globals())
print("module annotations attribute", getattr(sys.modules[__name__], "__annotations__", None))
print("class", Klass.__annotations__, Klass.field, Klass.method.__annotations__)
print("dataclass fields", [f.name for f in dataclasses.fields(Point)])
print("signature", inspect.signature(function))
print("type hints", typing.get_type_hints(Klass.method), typing.get_type_hints(with_lambda))
print("box", box.attr, items)
