# Exceptions raised in __del__ are printed as "Exception ignored" and do not
# change the exit code.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)
        raise ValueError("error in __del__ of " + self.name)

    def __repr__(self):
        return "Noisy(%s)" % self.name


def make_and_drop():
    n = Noisy("local")
    return "returned"


print(make_and_drop())
x = Noisy("global")
del x
print("program continues")
