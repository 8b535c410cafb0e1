# Operations on values whose shape the optimizer knows (exact int, exact
# float, bool: nuitka/optimization/shapes.py) use C helpers without type
# dispatch (include/nuitka/shaped_numbers.h): overflow to big ints, division
# by zero messages, -0.0, inf and NaN must be CPython's; unknown shapes
# (parameters, subclasses, overridden operators) take the generic path.


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def int_loop():
    a = 1
    b = 3
    i = 0
    out = []
    while i < 70:
        a = a * 3 + 1
        b = b - a
        i += 1
        if i % 20 == 0:
            out.append((a, b, a // 7, a % 7, b // 7, b % 7, a & 1023, b | 5, a ^ b))
    return out, a > b, a == b, a != b, b <= a, b >= a, a < b


show("int_loop", int_loop)


def int_small():
    x = -7
    y = 2
    out = [x + y, x - y, x * y, x // y, x % y, x & y, x | y, x ^ y]
    out += [x < y, x <= y, x == y, x != y, x > y, x >= y]
    z = 2 ** 29
    w = z * z * z
    out += [z + z, z * z, w, w // z, w % (z - 1), -w < z, w == w]
    return out


show("int_small", int_small)


def int_zero():
    x = 5
    y = 0
    out = []
    for f in (lambda: x // y, lambda: x % y):
        try:
            f()
        except ZeroDivisionError as e:
            out.append(str(e))
    try:
        out.append(x // y)
    except ZeroDivisionError as e:
        out.append(str(e))
    try:
        out.append(x % y)
    except ZeroDivisionError as e:
        out.append(str(e))
    return out


show("int_zero", int_zero)


def float_ops():
    x = 7.5
    y = -2.0
    z = 0.0
    out = [x + y, x - y, x * y, x / y, x // y, x % y, -x % y, x // -y]
    out += [x < y, x <= y, x == y, x != y, x > y, x >= y]
    nz = z * y
    out += [nz, str(nz), 1.0 % -2.0, -1.0 % 2.0, -0.0 % 1.0, 0.0 // -1.0, -1.0 // 3.0]
    for name, f in (("/", lambda: x / z), ("//", lambda: x // z), ("%", lambda: x % z)):
        try:
            f()
        except ZeroDivisionError as e:
            out.append((name, str(e)))
    try:
        out.append(x / z)
    except ZeroDivisionError as e:
        out.append(str(e))
    try:
        out.append(x // z)
    except ZeroDivisionError as e:
        out.append(str(e))
    try:
        out.append(x % z)
    except ZeroDivisionError as e:
        out.append(str(e))
    return out


show("float_ops", float_ops)


def float_special():
    big = 1e308
    inf = big * 10.0
    nan = inf - inf
    ninf = -1.0 * inf
    out = [inf, ninf, nan, nan == nan, nan != nan, nan < nan, nan <= 1.0, nan > 1.0, nan >= nan]
    out += [inf == inf, inf > big, ninf < -big, inf % 3.0, 3.0 % inf, -3.0 % inf, 3.0 // inf, -3.0 // inf]
    out += [inf // 3.0 if False else 0.0, big * big, nan + 1.0]
    r = 0.1
    for _ in range(10):
        r = r * 3.0 - 0.2
    out.append(r)
    return out


show("float_special", float_special)


def truth():
    b = 3 > 2
    n = 0
    m = 2 ** 70
    out = []
    if b:
        out.append("b")
    if n:
        out.append("n")
    if m:
        out.append("m")
    k = 5
    while k:
        k -= 1
    out.append(k)
    t = True
    out += [t + t, t & t, t | False, t ^ t, type(t & t).__name__, type(t + t).__name__, -t, ~t if False else 0]
    return out


show("truth", truth)


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __lt__(self, other):
        return "MyInt.__lt__"


class MyFloat(float):
    def __mul__(self, other):
        return "MyFloat.__mul__"


def generic(a, b):
    x = 1
    y = 1.5
    return a + x, a < x, b * y, x + 1, y * 2.0


show("generic", lambda: generic(MyInt(3), MyFloat(2.0)))
show("generic plain", lambda: generic(3, 2.0))


def rebinding(v):
    x = 1
    if v:
        x = "s"
    return x * 2, x + x


show("rebinding 0", lambda: rebinding(0))
show("rebinding 1", lambda: rebinding(1))


def mixed(n):
    x = 1
    for i in range(n):
        x = x / 2
    return x, type(x).__name__


show("mixed 0", lambda: mixed(0))
show("mixed 3", lambda: mixed(3))


def overflow_cmp():
    a = 2 ** 40
    b = -(2 ** 40)
    c = 1
    return a > c, b < c, a == a, a != b, c < a, c > b, a + c, b - c, a * b
show("overflow_cmp", overflow_cmp)
