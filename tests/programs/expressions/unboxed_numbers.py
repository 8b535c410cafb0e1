# Arithmetic trees over local variables and number constants run on C
# numbers behind a run-time check (nuitka/codegen/unboxed.py,
# include/nuitka/unboxed.h); everything the check does not accept takes the
# generic code: subclasses, overridden operators, big ints, overflow of
# intermediate results, zero divisors, pow results CPython rejects or makes
# complex, unbound variables, NaN and infinities, -0.0, bools.


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def norm(dx, dy, dz, dt):
    return dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))


def mixed(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, -a + b, +a - -b, a ** 2, a * 2 - b / 4)


def powers(a, b):
    return a ** b + 0, -(a ** b)


def compare(a, b):
    out = []
    if a + 1 < b:
        out.append("lt")
    if a * 2 == b:
        out.append("eq")
    if a - b != 0:
        out.append("ne")
    if a >= b * 1.5:
        out.append("ge")
    while a > b:
        a -= 1
        out.append(a)
    return out


class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"

    def __radd__(self, other):
        return "MyInt.radd"


class MyFloat(float):
    def __mul__(self, other):
        return "MyFloat.mul"

    def __lt__(self, other):
        return "MyFloat.lt"


class Weird:
    def __repr__(self):
        return "Weird()"

    def __add__(self, other):
        return Weird()

    def __mul__(self, other):
        return 7

    def __radd__(self, other):
        return 5

    def __lt__(self, other):
        return True

    def __bool__(self):
        raise ValueError("no truth")


for args in [(1, 2), (0, 0), (3, 4.5), (2.5, 0.5), (10**20, 3), (-5, 7), (2**40, 2**40), (True, False)]:
    show("eval_a%r" % (args,), eval_a, *args)

for args in [(1.0, 2.0, 3.0, 0.01), (0.0, 0.0, 0.0, 0.01), (1, 2, 3, 1), (1e200, 1e200, 0.0, 1.0),
             (float("nan"), 1.0, 1.0, 1.0), (float("inf"), 0.0, 0.0, 2.0), (1e-200, 0.0, 0.0, 1.0)]:
    show("norm%r" % (args,), norm, *args)

for args in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7, 0), (7.5, 0), (0, 0.0), (-0.0, 1.0), (1, -0.0),
             (2**62, 2), (2**30, 2**30), (-(2**63), -1), (2**53 + 1, 1.0), (2**52, 0.5),
             (float("inf"), 2.0), (float("nan"), 3), (5.5, 2), (-5.5, 2), (1e308, 10),
             (MyInt(3), 4), (3, MyInt(4)), (MyFloat(1.5), 2.0), (True, 2), (False, True),
             (2**100, 3), (Weird(), 1), ("a", 1), (None, 1)]:
    show("mixed%r" % (args,), mixed, *args)

for args in [(2, 10), (2, 62), (2, 63), (3, 41), (-3, 3), (0, 0), (2, -1), (-8.0, 1 / 3), (8.0, 1 / 3),
             (10.0, 400.0), (10.0, -400.0), (0.0, -1.0), (0.0, 0.0), (1.0, float("nan")), (-1, 0.5),
             (2, 0.5), (float("inf"), 2.0), (2.0, 1e308), (1.5, 2), (-(2**31), 2), (7, 64), (1, 65)]:
    show("powers%r" % (args,), powers, *args)

for args in [(1, 5), (3, 6), (5, 2), (5.0, 2), (2, 3.0), (float("nan"), 1.0), (2**53 + 1, 2**53),
             (MyFloat(2.0), 1.0), (MyInt(7), 3), (Weird(), 1), (1, None), (10**30 + 2, 10**30)]:
    show("compare%r" % (args,), compare, *args)


def unbound(flag):
    if flag:
        x = 2
    return x * 3 + 1


show("unbound1", unbound, True)
show("unbound0", unbound, False)


def unbound_condition(flag):
    if flag:
        y = 5
    if y * 2 > 3:
        return "big"
    return "small"


show("unbound_condition1", unbound_condition, True)
show("unbound_condition0", unbound_condition, False)


def inplace(n):
    total = 0
    acc = 0.0
    for i in range(n):
        total += i * i - 3
        acc += i / 7 + total * 0.5
    return total, acc


show("inplace", inplace, 50)
show("inplace_big", inplace, 3)


def overflow_chain(x):
    y = x * x * x * x * x
    return y, y - x * 3


for v in [10, 1000, 2**20, -(2**29), 2**29 + 1, 2**62]:
    show("overflow_chain(%r)" % v, overflow_chain, v)


def generator_numbers(n):
    a = 1.5
    for i in range(n):
        yield a * i + i // 2
        a = a * 2 - i


print(list(generator_numbers(6)))


# Subscripts whose index is an int constant or computed on C numbers: exact
# lists and tuples are indexed in C, everything else gets the int object.
class Recorder:
    def __repr__(self):
        return "Recorder()"

    def __getitem__(self, key):
        return ("get", key, type(key).__name__)

    def __setitem__(self, key, value):
        print("set", key, type(key).__name__, value)


class MyList(list):
    def __getitem__(self, key):
        return ("MyList", key)

    def __setitem__(self, key, value):
        print("MyList set", key, value)


def subscripts(seq, i, j):
    out = [seq[0], seq[-1], seq[i], seq[i - 1], seq[i + j * 2 - 1]]
    out.append(seq[i * j - 3] if i * j >= 3 else None)
    return out


def stores(seq, i):
    seq[0] = "a"
    seq[i - 1] = "b"
    seq[-1] = "c"
    seq[i] += 5
    return seq


for args in [([10, 20, 30, 40, 50], 2, 1), ((10, 20, 30, 40, 50), 1, 1), ([1, 2, 3], 3, 0), ([1, 2, 3], -3, 1),
             ([1, 2, 3], 2.0, 0), ([1, 2, 3], True, 0), ("hello", 2, 1), (b"bytes", 1, 1), ({0: "z", -1: "m", 2: "t", 1: "o", 3: "x"}, 2, 1),
             (Recorder(), 4, 5), (MyList([1, 2, 3]), 1, 0), ([1, 2, 3], 2**62, 2**62), ([1, 2], 10**20, 0),
             ([1, 2, 3], None, 0), (range(10), 3, 2)]:
    show("subscripts%r" % (args,), subscripts, *args)

for args in [([1, 2, 3, 4], 2), ([1, 2, 3, 4], -1), ([1, 2, 3, 4], 4), ((1, 2, 3), 1), ({0: 0, 1: 1, 2: 2}, 2),
             (Recorder(), 3), (MyList([5, 6, 7]), 1), ([1, 2, 3], 2**63), (bytearray(b"abc"), 1)]:
    show("stores%r" % (args,), stores, *args)


def big_constant_index(seq):
    return seq[2**40], seq[-(2**40)]


show("big_constant_index", big_constant_index, Recorder())
show("big_constant_index_list", big_constant_index, [1, 2, 3])


# Bitwise operations and shifts (ints only), and trees as conditions.
def bits(a, b):
    out = [a & b, a | b, a ^ b, ~a, a << b, a >> b, (a << 3) | (b >> 1), ~(a ^ b) & 0xFF]
    if a & b:
        out.append("and-true")
    if not (a ^ a):
        out.append("xor-false")
    if a - a * 1.0:
        out.append("float-true")
    return out


for args in [(12, 10), (-12, 3), (5, 0), (1, 62), (1, 63), (3, 62), (-1, 63), (-5, 64), (-5, 200), (7, 200),
             (2**40, 30), (-(2**40), 3), (1, -1), (1.5, 2), (2**70, 1), (0, 100)]:
    show("bits%r" % (args,), bits, *args)

show("bool_bits", lambda a, b: (a & b, a | b, a ^ b, a << b, a >> b, (a | b) << 2), True, False)


def reverse_bits(v, n):
    a = 1 << 0
    b = 1 << (n - 1)
    z = 0
    for i in range(n - 1, -1, -2):
        z |= (v >> i) & a
        z |= (v << i) & b
        a <<= 1
        b >>= 1
    return z


show("reverse_bits", reverse_bits, 0b1011001, 8)
show("reverse_bits_big", reverse_bits, 2**70 + 5, 80)


def truth(x, y):
    out = []
    if x - y:
        out.append("diff")
    if x * 0.0:
        out.append("never")
    if -(x * 0.0):
        out.append("never2")
    if x / 3:
        out.append("div")
    return out


for args in [(1, 1), (2, 1), (float("nan"), 1), (0, 0), (MyInt(5), 2), (3.0, 3)]:
    show("truth%r" % (args,), truth, *args)
