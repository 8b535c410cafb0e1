# An exception raised while executing a class body and a decorator at
# module level (import time of the main module).


def register(cls):
    print("registering", cls.__name__)
    return cls.configure()


class Base:
    @classmethod
    def configure(cls):
        return cls.settings["mode"]


@register
class Good(Base):
    settings = {"mode": "fast"}


print("Good is", Good)


class Loader:
    table = {"a": 1}
    value = table["a"]
    print("in class body, value =", value)
    derived = table["missing"]


print("unreachable")
