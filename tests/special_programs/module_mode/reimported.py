"""Executed twice: imported, dropped from sys.modules, imported again. The
second module's functions and classes must use the second module's globals
(a frame kept from a call of the first module's function must not be used
for them)."""


class Base:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.marked = True


class Child(Base):
    pass


def get_base():
    return Base


def get_base_twice():
    return [get_base() for _ in range(2)]


def count_calls():
    global CALLS
    CALLS += 1
    return CALLS


CALLS = 0
for _ in range(3):
    count_calls()
CHILD_OK = Child.__mro__[1] is Base and get_base() is Base
