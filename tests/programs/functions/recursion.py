# Recursion, including hitting the recursion limit and recovering.
import sys


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(fact(30), fib(20), ackermann(2, 3))


def flatten(obj):
    if isinstance(obj, list):
        out = []
        for item in obj:
            out.extend(flatten(item))
        return out
    return [obj]


print(flatten([1, [2, [3, [4, [5]]]], 6]))


def infinite(n):
    return infinite(n + 1)


sys.setrecursionlimit(200)
for attempt in range(3):
    try:
        infinite(0)
    except RecursionError as e:
        print("RecursionError caught", attempt, "message:", e)

print("still works", fact(50) > 0)


class Node:
    def __init__(self, child=None):
        self.child = child

    def depth(self):
        return 1 + (self.child.depth() if self.child else 0)

    def __repr__(self):
        return "Node(%r)" % (self.child,)


chain = None
for _ in range(50):
    chain = Node(chain)
print(chain.depth())


class Recursive:
    def __getattr__(self, name):
        return getattr(self, name + "x")


try:
    Recursive().attr
except RecursionError as e:
    print("RecursionError via __getattr__")


def mutual_a(n):
    return mutual_b(n)


def mutual_b(n):
    return mutual_a(n)


try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion error caught")


def recursive_generator(n):
    if n > 0:
        yield n
        yield from recursive_generator(n - 1)


print(list(recursive_generator(20)))


def deep_repr():
    lst = []
    for _ in range(1000):
        lst = [lst]
    try:
        repr(lst)
        return "repr ok"
    except RecursionError:
        return "repr RecursionError"


print(deep_repr())


def recurse_in_finally(n):
    try:
        return recurse_in_finally(n + 1)
    finally:
        pass


try:
    recurse_in_finally(0)
except RecursionError:
    print("recursion through finally caught")


def handler_recursion(n):
    try:
        raise ValueError(n)
    except ValueError:
        return handler_recursion(n + 1)


try:
    handler_recursion(0)
except RecursionError:
    print("recursion in handlers caught")

sys.setrecursionlimit(1000)
print(fact(400) % 1000003)
