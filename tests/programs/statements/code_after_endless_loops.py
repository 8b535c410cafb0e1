"""Code after a loop that has no way out (no break of its own, not a for
loop) cannot run: CPython compiles it away, and so does the compiler, so
compiled code objects keep CPython's line table (dis.findlinestarts() stays
inside co_code). Loops whose break belongs to an inner loop, returns inside
try/finally, and a generator that never ends."""

import dis


def a():
    while 1:
        pass
    return list


def b(x):
    while True:
        if x:
            break
    return "after break"


def c(items):
    while True:
        for i in items:
            break
        return "inner break is not ours"
    return "never"


def d(items):
    while 1:
        try:
            return 1
        finally:
            pass
    print("never")


def e():
    n = 0
    while True:
        n += 1
        if n > 3:
            return n
    return -1


def forever():
    n = 0
    while True:
        yield n
        n += 1
    yield "never"


# (Not the generator: its code object always lists the positions its
# suspended frames point at, see the user manual.)
for f in (a, b, c, d, e):
    code = f.__code__
    starts = list(dis.findlinestarts(code))
    print(f.__name__, all(offset < len(code.co_code) for offset, _line in starts),
          [line - code.co_firstlineno for _offset, line in starts])
print(b(1), c([1]), d([]), e())
g = forever()
print([next(g) for _ in range(3)])
