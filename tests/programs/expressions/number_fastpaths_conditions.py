# Conditions (if/while/not/and/or/chains) and comparisons: compiled code
# tests exact ints and floats without bool objects, and must still call
# __bool__/__lt__/... exactly as often, and in the order, CPython does.
import math

calls = []


class Truth:
    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __bool__(self):
        calls.append("bool:" + self.name)
        return self.value

    def __repr__(self):
        return self.name


class Cmp:
    """Rich comparisons that return Truth objects."""

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __lt__(self, other):
        calls.append("lt:%s<%s" % (self.name, getattr(other, "name", other)))
        return Truth("lt_" + self.name, self.value < getattr(other, "value", other))

    def __eq__(self, other):
        calls.append("eq:" + self.name)
        return Truth("eq_" + self.name, self.value == getattr(other, "value", other))

    __hash__ = None

    def __del__(self):
        calls.append("del:" + self.name)


def flush(label):
    print(label, calls)
    del calls[:]


VALUES = [0, 1, -1, 5, 2**30 - 1, 2**30, -(2**30), 2**31, 2**64, -(2**64), True, False, 0.0, -0.0, 0.5, -2.5, 1.0,
          5.0, 2.0**53, 2.0**64, math.inf, -math.inf, math.nan, 2**53 + 1, float(2**53 + 1)]

for a in VALUES:
    row = []
    for b in VALUES:
        bits = ""
        if a < b:
            bits += "<"
        if a <= b:
            bits += "l"
        if a == b:
            bits += "="
        if a != b:
            bits += "!"
        if a > b:
            bits += ">"
        if a >= b:
            bits += "g"
        if not a < b:
            bits += "n"
        bits += "%d%d%d" % (a < b, a == b, a >= b)
        row.append(bits)
    print(repr(a), " ".join(row))

# Truth values of the inlined types.
for v in [0, 1, -1, 2**100, -(2**100), 0.0, -0.0, math.nan, 0.1, "", "x", [], [0], (), (0,), {}, {0: 0}, None, True,
          False, set(), frozenset([1]), b"", bytearray(b"a"), 0j, range(0), range(1)]:
    if v:
        r = "T"
    else:
        r = "F"
    print(repr(v), r, "F" if not v else "T", bool(v))

# `if a and b` / `or`: each operand's truth is taken once.
for x, y in [(True, True), (True, False), (False, True), (False, False)]:
    a, b = Truth("a", x), Truth("b", y)
    if a and b:
        calls.append("then")
    flush("and %s %s" % (x, y))
    if a or b:
        calls.append("then")
    flush("or %s %s" % (x, y))
    if not (a and b):
        calls.append("then")
    flush("not-and %s %s" % (x, y))
    while a and b:
        calls.append("loop")
        break
    flush("while-and %s %s" % (x, y))
    r = a and b
    flush("value-and %s %s -> %r" % (x, y, r))
    r = a or b
    flush("value-or %s %s -> %r" % (x, y, r))
    r = "yes" if a or b else "no"
    flush("ifexp-or %s %s -> %s" % (x, y, r))

# Comparisons returning non-bools: __bool__ once, operands released first.
def compare_temps(u, v):
    if Cmp("l", u) < Cmp("r", v):
        calls.append("then")
    else:
        calls.append("else")
    flush("cmp %s %s" % (u, v))


compare_temps(1, 2)
compare_temps(2, 1)

p, q, r = Cmp("p", 1), Cmp("q", 2), Cmp("r", 3)
if p < q < r:
    calls.append("chain")
flush("chain")
if r < q < p:
    calls.append("chain")
flush("chain2")
if p == p:
    calls.append("eq-self")
flush("eq-self")
nan = math.nan
if nan == nan:
    print("nan == nan")
else:
    print("nan != nan")
n2 = [nan]
print(nan in n2, nan not in n2, n2 == n2, n2.count(nan))
if nan in n2:
    print("in uses identity")
x = 1
y = x
if x is y:
    print("is")
if x is not None:
    print("is not")
if 3 in [1, 2, 3] and "a" not in "bcd":
    print("in / not in")
del p, q, r
flush("deleted")

# while loops with int and float conditions.
i, total = 0, 0
while i < 100:
    total += i
    i += 1
print(i, total)
f = 0.0
count = 0
while f != 1.0 and count < 20:
    f += 0.1
    count += 1
print(count, f)
j = 10
while j:
    j -= 3 if j > 2 else 1
print(j)


class Weird(int):
    def __lt__(self, other):
        return "weird"

    def __bool__(self):
        return False


w = Weird(1)
print(w < 2, 1 < w, w > 0, bool(w))
if w < 0:
    print("weird lt is truthy")
if w:
    print("unreachable")
else:
    print("Weird falsy")


class BadBool:
    def __bool__(self):
        raise ValueError("no truth")


class BadLen:
    def __len__(self):
        return -1


for obj in [BadBool(), BadLen()]:
    try:
        if obj:
            pass
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(not obj)
    except Exception as e:
        print(type(e).__name__, e)

for a, b in [(1, "a"), ("a", 1.5), (1.5, None), ([], 1)]:
    try:
        if a < b:
            pass
    except TypeError as e:
        print(e)


# Exact str equality is compared inline; subclasses keep their __eq__.


class MyStr(str):
    def __eq__(self, other):
        return "MyStr.__eq__"

    __hash__ = str.__hash__


STRS = ["", "a", "ab", "abc", "ab" + "c", "\xe9", "\u20ac", "\U0001f600", "a\u20ac"[1:], "\xe9t\xe9",
        "".join(["x", "y"]), "xy", MyStr("a"), b"a"]
for a in STRS:
    row = []
    for b in STRS:
        flags = ""
        if a == b:
            flags += "="
        if a != b:
            flags += "!"
        if not a == b:
            flags += "n"
        flags += str(a == b)[0] + str(a != b)[0]
        row.append(flags)
    print(ascii(a), " ".join(row))


def cond_fail(n, s):
    while n < 3:
        n += 1
    if n >= s:
        return n


print(cond_fail(0, 2))
print(cond_fail(0, "x"))
