# An uncaught exception whose __str__ itself fails.


class Broken(Exception):
    def __str__(self):
        raise RuntimeError("cannot describe myself")


print("raising")
raise Broken("payload")
