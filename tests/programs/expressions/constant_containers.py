# Tuples, frozensets, lists, sets and dicts of constants: which are
# constants of the module (one object), which are new each time, their
# sizes and iteration order, as CPython makes them.
import sys


def tup():
    return (1, 2)


def nested():
    return ((1, 2), (3, ("a", None)), 4)


def lst():
    return [1, 2, 3]


def st():
    return {1, 2, 3}


def dct():
    return {"a": 1, "b": 2}


print(tup() is tup(), nested() is nested(), nested()[0] is tup())
print(lst() is lst(), st() is st(), dct() is dct(), lst() == [1, 2, 3])
a = lst()
a.append(4)
print(lst(), a)

# Sizes as CPython's displays make them.
x = 1
print(sys.getsizeof([1, 2, 3]) == sys.getsizeof(lst()), len([1, 2, 3]))
print([1, 2, x], [x, 2], [*(1, 2), 3], [*lst(), *tup()])
print(sys.getsizeof([1, 2, 3]) - sys.getsizeof([x, x, x]))

# Iteration order of sets of constants (PYTHONHASHSEED is fixed).
print(list({1, 9, 17, 25, 33, 2, 10, 4, 12, 20, 36, 44, 52, 60}))
print(list({"test_asyncio", "test_concurrent_futures", "test_future_stmt", "test_gdb", "test_inspect",
            "test_multiprocessing_fork", "test_multiprocessing_forkserver", "test_multiprocessing_spawn"}))
print(list({"b", "a"}), list({"c", "b", "a"}))
for item in {"delta", "alpha", "gamma", "beta", 3, 1, 2}:
    print(item, end=" ")
print()
print([v for v in {"z", "y", "x", "w"}], 2 in {1, 2, 3}, "q" not in {"a", "b", "c"})
print({frozenset({1, 2}), (1, 2)} == {(1, 2), frozenset({2, 1})})

# Iterated list displays are tuples (for, comprehensions).
for v in [1, 2, 3]:
    print(v, end=" ")
for v in [x, x + 1]:
    print(v, end=" ")
print([v * 2 for v in [1, 2, 3]], {v for v in [3, 2, 1]}, [v for v in [x, x]])


async def agen():
    return [v async for v in [1, 2]]


coro = agen()
try:
    coro.send(None)
except TypeError as e:
    print("async comprehension:", e)


async def afor():
    async for v in [1, 2]:
        pass


coro = afor()
try:
    coro.send(None)
except TypeError as e:
    print("async for:", e)

# Slices of constants.
data = list(range(10))
print(data[1:3], data[::2], data[-3:], data[:], "abcdef"[1::2], data[1:x + 3])


class Rec:
    def __getitem__(self, index):
        return index


r = Rec()
print(r[1:2], r[::3], r[1:2, 3], r[:, 1:])

# Dicts: constant keys, big dicts, duplicate keys, evaluation order.
print({"a": 1, "b": 2, "a": 3}, {1: "int", 1.0: "float", True: "bool"})
keys = [str(i) for i in range(40)]
big = {"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8, "k9": 9,
       "k10": 10, "k11": 11, "k12": 12, "k13": 13, "k14": 14, "k15": 15, "k16": 16, "k17": 17,
       "k18": 18, "k19": 19, "k20": 20, "k21": x, "k22": 22, "k23": 23, "k24": 24, "k25": 25,
       "k26": 26, "k27": 27, "k28": 28, "k29": 29, "k30": 30, "k31": 31, "k32": 32, "k33": 33,
       "k34": 34, "k35": 35, "k36": [36], "k37": 37, "k38": 38, "k39": 39}
print(len(big), list(big)[:3], big["k21"], big["k36"], sys.getsizeof(big))
small = {"a": x, "b": 2, "c": 3}
print(small, sys.getsizeof(small), sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7}))


def noisy(value):
    print("evaluated", value)
    return value


for make in (
    lambda: {[]: noisy(1), noisy(2): noisy(3)},
    lambda: {noisy("k"): [], noisy([]): noisy(4), 5: noisy(5)},
    lambda: {noisy(1), [], noisy(2)},
    lambda: {**{"a": 1}, noisy("b"): 2, **noisy([]), "c": noisy(3)},
):
    try:
        print(make())
    except TypeError as e:
        print("TypeError", e)

# A big set with an unhashable item stops at that item (items are added one
# by one); a small one evaluates all items first.
try:
    {noisy(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
     26, 27, 28, 29, [], noisy(31)}
except TypeError as e:
    print("TypeError", e)
print(sys.getsizeof([x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                     24, 25, 26, 27, 28, 29, 30, 31, 32]))
print((x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
       27, 28, 29, 30, 31, x))
