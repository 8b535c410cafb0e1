# Sequence patterns: what is a sequence (str, bytes, bytearray, iterators and
# mappings are not; deque, range, array, memoryview and registered or
# subclassed collections.abc.Sequence are), star captures, and the order of
# the len/getitem/iter calls CPython makes.
import array
import collections
import collections.abc


def kind(subject):
    match subject:
        case []:
            return "empty sequence"
        case [x]:
            return "one item %r" % (x,)
        case [*items]:
            return "sequence of %d: %r" % (len(items), items)
        case _:
            return "not a sequence"


class MySeq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]


class Registered:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


collections.abc.Sequence.register(Registered)


class OnlyGetItem:
    def __getitem__(self, index):
        return index


class ListSub(list):
    pass


for value in ("", "a", "abc", b"", b"ab", bytearray(b"ab"), iter([1, 2]), (i for i in range(2)),
              {1: 2}, {1, 2}, range(0), range(1), range(3), collections.deque([1, 2, 3]),
              array.array("i", [4, 5]), memoryview(b"xy"), MySeq(), MySeq(1), MySeq(1, 2, 3),
              Registered("r", "s"), OnlyGetItem(), ListSub([7, 8]), None, 1.5):
    print(type(value).__name__, "->", kind(value))


class Traced(collections.abc.Sequence):
    """Logs how the pattern looks at it."""

    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        print("  len")
        return len(self.items)

    def __getitem__(self, index):
        print("  getitem", index)
        return self.items[index]

    def __iter__(self):
        print("  iter")
        return iter(self.items)


def trace(subject, label):
    print(label)
    match subject:
        case [1, 2, 3, 4]:
            print(" -> four")
        case [a, *_, b]:
            print(" -> first and last (indexes)", a, b)


trace(Traced(1, 2, 3), "three items")
trace(Traced(5), "one item")
trace(Traced(1, 2, 3, 4), "four items")

print("star captures unpack by iterating")
match Traced(1, 2, 3, 4, 5):
    case [a, *middle, b]:
        print(" ->", a, middle, b)
match Traced(1, 2):
    case [*_]:
        print(" -> [*_] needs no len at all")
match Traced(1, 2):
    case [_, _]:
        print(" -> [_, _] only checks len")
match Traced(9, 8, 7):
    case [*_, last]:
        print(" -> last", last)
match Traced(9, 8, 7):
    case [first, *_]:
        print(" -> first", first)
match Traced(9, 8, 7):
    case [_, second, *_]:
        print(" -> second", second)

# Star captures always give lists, whatever the subject.
for value in ((1, 2, 3), [1, 2, 3], range(1, 4), "abc", collections.deque([1, 2, 3])):
    match value:
        case [head, *tail]:
            print(type(value).__name__, "head", head, "tail", tail)
        case _:
            print(type(value).__name__, "no match")

match (1, 2):
    case [*before, 1, 2]:
        print("empty star capture", before)

match [1, [2, 3], (4, [5, 6])]:
    case [a, [b, *c], (d, [*e])]:
        print("nested", a, b, c, d, e)


class Liar(collections.abc.Sequence):
    """Its len does not match what iteration gives."""

    def __len__(self):
        return 2

    def __getitem__(self, index):
        if index < 3:
            return index
        raise IndexError(index)


try:
    match Liar():
        case [a, b]:
            print("never", a, b)
except ValueError as e:
    print("ValueError", e)

try:
    match Liar():
        case [a, *b]:
            print("star", a, b)
except ValueError as e:
    print("ValueError", e)


class BadLen(collections.abc.Sequence):
    def __len__(self):
        raise RuntimeError("len failed")

    def __getitem__(self, index):
        raise IndexError


try:
    match BadLen():
        case [x]:
            print("never")
except RuntimeError as e:
    print("RuntimeError", e)

match BadLen():
    case [*_]:
        print("[*_] does not call len")
