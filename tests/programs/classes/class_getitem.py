# __class_getitem__, builtin generic aliases and typing generics.
import typing


class Box:
    def __class_getitem__(cls, item):
        print("__class_getitem__", cls.__name__, item)
        return "Box[%s]" % (getattr(item, "__name__", item),)


print(Box[int])
print(Box[int, str])
print(type(Box.__dict__["__class_getitem__"]).__name__)


class SubBox(Box):
    pass


print(SubBox["x"])
try:
    Box()[0]
except TypeError as e:
    print("TypeError", e)
try:
    object[int]
except TypeError as e:
    print("TypeError", e)


class Both:
    def __class_getitem__(cls, item):
        return "class-level"

    def __getitem__(self, item):
        return "instance-level"


print(Both[0], Both()[0])


class MetaGet(type):
    def __getitem__(cls, item):
        return "metaclass __getitem__ wins"


class WithMetaGet(metaclass=MetaGet):
    def __class_getitem__(cls, item):
        return "class getitem"


print(WithMetaGet[1])

alias = list[int]
print(alias, alias.__origin__, alias.__args__, type(alias).__name__)
print(dict[str, list[int]], tuple[int, ...], type[int])
print(list[int]([1, 2]), isinstance([1], list))
try:
    isinstance([1], list[int])
except TypeError as e:
    print("TypeError", e)

T = typing.TypeVar("T")


class Stack(typing.Generic[T]):
    def __init__(self):
        self.items = []

    def push(self, item: T) -> None:
        self.items.append(item)


s = Stack[int]()
s.push(1)
print(s.items, Stack[int], Stack.__parameters__, typing.get_origin(Stack[int]), typing.get_args(Stack[str]))
print(T, T.__name__, typing.List[int], typing.Dict[str, int], typing.Optional[str], typing.Union[int, str])
print(int | str, type(int | None).__name__, (int | str).__args__)
print(typing.Callable[[int], str], typing.get_args(typing.Callable[[int], str]))


class Pair(typing.Generic[T]):
    pass


class IntPair(Pair[int]):
    pass


print(IntPair.__orig_bases__, IntPair.__mro__[1:], typing.get_args(IntPair.__orig_bases__[0]))
