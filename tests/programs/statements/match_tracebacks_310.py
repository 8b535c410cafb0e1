# Errors raised while matching: the traceback points at the pattern (or
# guard, or subject) that failed, like CPython's.
import collections.abc
import sys
import traceback


def show(function, *args):
    try:
        function(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


class NoArgs:
    pass


class BadEq:
    def __eq__(self, other):
        raise ValueError("no comparing")

    __hash__ = object.__hash__


class Values:
    bad = BadEq()


class BadLen(collections.abc.Sequence):
    def __len__(self):
        raise RuntimeError("len failed")

    def __getitem__(self, index):
        raise IndexError(index)


class BadGet(dict):
    def get(self, key, default=None):
        raise LookupError(key)


def class_pattern(subject):
    match subject:
        case int():
            pass
        case NoArgs(1):
            pass


def value_pattern(subject):
    match subject:
        case 1 | 2:
            pass
        case Values.missing:
            pass


def value_eq(subject):
    match subject:
        case [x, Values.bad]:
            pass


def sequence_len(subject):
    match subject:
        case {}:
            pass
        case [first, second]:
            pass


def mapping_get(subject):
    match subject:
        case {
            "key": value,
        }:
            pass


def guard_error(subject):
    match subject:
        case [x] if x / 0:
            pass


def subject_error():
    match 1 / 0:
        case _:
            pass


def unpack_error(subject):
    match subject:
        case [a, b]:
            pass


class Liar(collections.abc.Sequence):
    def __len__(self):
        return 2

    def __getitem__(self, index):
        if index < 3:
            return index
        raise IndexError(index)


show(class_pattern, NoArgs())
show(value_pattern, 3)
show(value_eq, [1, 2])
show(sequence_len, BadLen())
show(mapping_get, BadGet(key=1))
show(guard_error, [1])
show(subject_error)
show(unpack_error, Liar())

match NoArgs():
    case str() | bytes():
        pass
    case NoArgs(
        1,
    ):
        pass
