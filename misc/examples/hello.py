"""A small example program: compile and run it with

    python3 -m nuitka --run misc/examples/hello.py

It prints the same lines whether compiled or run by CPython.
"""

import sys


def greet(name):
    return "Hello, %s!" % name


def squares(limit):
    return [number * number for number in range(limit)]


class Counter:
    def __init__(self):
        self.count = 0

    def add(self, amount=1):
        self.count += amount
        return self


def main(argv):
    print(greet("world"))
    print("squares:", squares(6))
    print("count:", Counter().add().add(5).count)
    words = {"compiled": len("compiled"), "python": len("python")}
    print("word lengths:", sorted(words.items()))
    try:
        {}["missing"]
    except KeyError as error:
        print("caught KeyError:", error)
    if argv:
        print("arguments:", " ".join(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
