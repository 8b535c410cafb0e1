# for loops over a predicted range(): the iterator is made without the
# range object for int arguments that fit a C long; everything else, and a
# replaced range, behaves as in CPython.
import builtins
import sys


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


def loops():
    results = []
    for n in (0, 1, 5):
        results.append([i for i in range(n)])
        total = 0
        for i in range(n):
            total += i
        results.append(total)
    for args in ((2, 9, 3), (9, 2, -3), (5, 5), (-3, 3), (3, -3, -1), (0, 10, 100)):
        values = []
        for i in range(*args):
            values.append(i)
        results.append(values)
    big = sys.maxsize
    values = []
    for i in range(big - 2, big + 2):
        values.append(i - big)
    results.append(values)
    values = []
    for i in range(-big - 1, -big + 1):
        values.append(i + big)
    results.append(values)
    values = []
    for i in range(0, big, big // 2):
        values.append(i)
    results.append(len(values))
    values = []
    for i in range(-big, big, big):
        values.append(i)
    results.append(len(values))
    values = []
    for i in range(Index(3)):
        values.append(i)
    results.append(values)
    values = []
    for i in range(True, 3):
        values.append(i)
    results.append(values)
    return results


print(loops())


def errors():
    for args in (("a",), (0, 5, 0), (1.5,), (Index("x"),), (), (1, 2, 3, 4)):
        try:
            for i in range(*args):
                pass
        except Exception as e:
            print(args, type(e).__name__, e)
    try:
        for i in range(0, 5, 0):
            pass
    except ValueError as e:
        print("step 0:", e)
    try:
        for i in range("5"):
            pass
    except TypeError as e:
        print("str:", e)
    try:
        for i in range(1, 2.5):
            pass
    except TypeError as e:
        print("float:", e)
    try:
        for i in range(Index("x"), 3):
            pass
    except TypeError as e:
        print("__index__:", e)


errors()


def iterator_state():
    it = iter(range(3))
    for i in range(2):
        print(i, next(it))
    r = range(10)
    for i in r:
        if i == 2:
            break
    print(i, type(iter(range(3))).__name__, type(iter(range(2**70))).__name__)
    gen = (i * 2 for i in range(4))
    print(list(gen))


iterator_state()


def replaced():
    out = []
    for i in range(3):
        out.append(i)
    return out


print(replaced())
original = builtins.range
builtins.range = lambda *a: ["fake"] + list(a)
print(replaced())
globals()["range"] = lambda n: iter("xyz")
print(replaced())
del globals()["range"]
builtins.range = original
print(replaced())


def generator_loop(n):
    for i in range(n):
        yield i
        for j in range(i):
            yield -j


print(list(generator_loop(4)))

builtins.range = lambda n: 5
try:
    replaced()
finally:
    builtins.range = original
