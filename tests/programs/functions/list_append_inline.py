# x.append(v) is inlined when x is exactly a list (codegen: expressions.py
# _list_append_call); everything else takes the method call: list
# subclasses with and without their own append, other classes, objects
# without append, wrong argument counts, appends that grow the list past
# its allocation, a list appended to itself, a result that is used.
import gc


class Sub(list):
    def append(self, x):
        print("Sub.append", x)
        super().append(x * 10)


class PlainSub(list):
    pass


class Other:
    def append(self, x):
        print("Other.append", x)
        return "result of Other.append"


class Slotted:
    __slots__ = ("append",)

    def __init__(self):
        self.append = lambda x: print("instance attribute append", x) or 7


def fill(target, n):
    result = "unset"
    for i in range(n):
        result = target.append(i)
    return list(target) if isinstance(target, list) else type(target).__name__, result


print(fill([], 5))
print(fill(Sub(), 3))
print(fill(PlainSub(), 3))
print(fill(Other(), 2))
print(fill(Slotted(), 2))

big = []
for i in range(100000):
    big.append(i)
print(len(big), big[-1], sum(big))

for args in [(), (1, 2)]:
    try:
        [].append(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    [].append(x=1)
except TypeError as e:
    print("TypeError", e)
try:
    (1,).append(2)
except AttributeError as e:
    print("AttributeError", e)
try:
    undefined_name.append(1)
except NameError as e:
    print("NameError", e)

x = [1]
print(x.append(x), len(x), x[1] is x)


class Tracked:
    count = 0

    def __del__(self):
        Tracked.count += 1


holder = []
holder.append(Tracked())
print("alive", Tracked.count)
del holder
gc.collect()
print("collected", Tracked.count)


def order():
    def target():
        print("target evaluated")
        return []

    def value():
        print("value evaluated")
        return 1

    t = target()
    t.append(value())
    return t


print(order())
