# With a raised recursion limit, Python-to-Python calls go far deeper than
# the usual 8 MiB C stack would allow for C-level recursion (CPython 3.11+
# keeps frames on the heap): compiled calls must not crash there.
import sys

sys.setrecursionlimit(10**6)


def count(n):
    return 0 if n == 0 else count(n - 1) + 1


print(count(100000))


def build(n):
    if n == 0:
        return [0]
    items = build(n - 1)
    items.append(n)
    return items


print(len(build(60000)))


class Node:
    def __init__(self, child):
        self.child = child

    def depth(self):
        return 1 + (self.child.depth() if self.child is not None else 0)


node = None
for i in range(50000):
    node = Node(node)
print(node.depth())


def dfs(graph, v, seen):
    seen.add(v)
    for w in graph[v]:
        if w not in seen:
            dfs(graph, w, seen)
    return len(seen)


chain = {i: [i + 1] for i in range(50000)}
chain[50000] = []
print(dfs(chain, 0, set()))

# Recursion past the limit still raises RecursionError, and the program
# recovers.
sys.setrecursionlimit(1000)
depth = 0


def runaway():
    global depth
    depth += 1
    runaway()


try:
    runaway()
except RecursionError as e:
    print("RecursionError", e, depth > 900)
print(count(500))
