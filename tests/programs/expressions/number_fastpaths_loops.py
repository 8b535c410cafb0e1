# for loops over range, lists and tuples: compiled code steps the common
# iterators itself, so mutation during iteration, exhaustion, reuse of an
# iterator and big ranges must behave as in CPython.
import sys


def show(label, iterable):
    out = []
    for x in iterable:
        out.append(x)
    print(label, out)


show("range", range(5))
show("range step", range(10, -10, -3))
show("empty", range(5, 0))
show("big", range(2**62, 2**62 + 3))
show("bigger", range(2**64, 2**64 + 3))
show("neg big", range(-(2**63), -(2**63) + 2))
show("max", range(sys.maxsize - 2, sys.maxsize))
show("long step", range(0, 2**70, 2**68))
show("tuple", (1, "a", None))
show("list", [1.5, [2], (3,)])
show("str", "abc")
show("dict", {"k": 1, "j": 2})
show("set", {5})
show("gen", (i * i for i in range(4)))

# A list growing and shrinking while iterated.
lst = [1, 2, 3]
seen = []
for x in lst:
    seen.append(x)
    if x < 5:
        lst.append(x + 3)
print(seen, lst)
lst = [1, 2, 3, 4, 5, 6]
seen = []
for x in lst:
    seen.append(x)
    lst.remove(x)
print(seen, lst)
lst = [1, 2, 3]
seen = []
for x in lst:
    seen.append(x)
    lst.clear()
print(seen, lst)
lst = [1, 2]
for x in lst:
    lst[1:] = [7, 8, 9] if x == 1 else []
    print("mut", x, lst)

# An iterator used by two loops, and after exhaustion.
for src in ([1, 2, 3, 4], (1, 2, 3, 4), range(1, 5)):
    it = iter(src)
    for x in it:
        if x == 2:
            break
    print(type(src).__name__, it.__reduce__()[1:], it.__length_hint__())
    rest = []
    for x in it:
        rest.append(x)
    again = [x for x in it]
    print(type(src).__name__, rest, again, list(it), it.__length_hint__(), it.__reduce__()[1:])

# Exhausted list iterator: a list that grows afterwards is not seen.
lst = [1]
it = iter(lst)
for x in it:
    pass
lst.append(2)
print(list(it))
r = iter(range(3))
for x in r:
    pass
print(list(r), r.__length_hint__())


# Loop variables, else clauses, break/continue.
total = 0
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    total += i
else:
    print("no break")
print(total, i)
for i in range(3):
    pass
else:
    print("else", i)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)

# Subclasses of list/tuple iterate through their own __iter__.


class Rev(list):
    def __iter__(self):
        return iter(self[::-1])


class T(tuple):
    def __iter__(self):
        yield "custom"


show("Rev", Rev([1, 2, 3]))
show("T", T((1, 2)))


class BadIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("bad next")


try:
    for x in BadIter():
        pass
except ValueError as e:
    print("ValueError", e)


class NotIterator:
    def __iter__(self):
        return 5


try:
    for x in NotIterator():
        pass
except TypeError as e:
    print(e)


def nested(n):
    count = 0
    for i in range(n):
        for j in range(i):
            for k in (i, j):
                count += k
    return count


print(nested(30))


def gen_loop(seq):
    for x in seq:
        yield x * 2
    for i in range(len(seq)):
        yield seq[i]


print(list(gen_loop([1, 2, 3])), list(gen_loop((4.5,))))
