# Integer arithmetic: signs of floor division and modulo, powers, big ints.


def show(label, func):
    try:
        result = func()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result), type(result).__name__)


values = [7, -7, 0, 1, -1, 3, -3, 2**70, -(2**70)]
for a in values:
    for b in (3, -3, 2, -2, 2**65):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))

show("7 / 2", lambda: 7 / 2)
show("-7 / 2", lambda: -7 / 2)
show("1 / 0", lambda: 1 / 0)
show("1 // 0", lambda: 1 // 0)
show("1 % 0", lambda: 1 % 0)
show("divmod(1, 0)", lambda: divmod(1, 0))
show("2 ** 10", lambda: 2**10)
show("2 ** -1", lambda: 2**-1)
show("-2 ** 2", lambda: -(2**2))
show("(-2) ** 2", lambda: (-2) ** 2)
show("(-2) ** 3", lambda: (-2) ** 3)
show("(-2) ** -3", lambda: (-2) ** -3)
show("0 ** 0", lambda: 0**0)
show("0 ** -1", lambda: 0**-1)
show("2 ** 100", lambda: 2**100)
show("(-8) ** (1/3) real>0", lambda: ((-8) ** (1 / 3)).real > 0)
show("pow(3, 4, 5)", lambda: pow(3, 4, 5))
show("pow(3, -1, 7)", lambda: pow(3, -1, 7))
show("pow(2, -1, 4)", lambda: pow(2, -1, 4))
show("pow(3, 4, 0)", lambda: pow(3, 4, 0))
show("pow(3.0, 4, 5)", lambda: pow(3.0, 4, 5))
show("10 ** 20 // 7", lambda: 10**20 // 7)
show("-(10 ** 20) // 7", lambda: -(10**20) // 7)
show("-(10 ** 20) % 7", lambda: -(10**20) % 7)
show("int * str", lambda: 3 * "ab")
show("str * -1", lambda: "ab" * -1)
show("list * 0", lambda: [1, 2] * 0)
show("True + True", lambda: True + True)
show("True * 3", lambda: True * 3)
show("-True", lambda: -True)
show("~True", lambda: ~True)
show("+False", lambda: +False)
show("abs(-5)", lambda: abs(-5))
show("abs(-2**80)", lambda: abs(-(2**80)))
show("int('-12')", lambda: int("-12"))
show("int('1_000')", lambda: int("1_000"))
show("int('0x1f', 16)", lambda: int("0x1f", 16))
show("int('z', 36)", lambda: int("z", 36))
show("int('12a')", lambda: int("12a"))
show("int(3.99)", lambda: int(3.99))
show("int(-3.99)", lambda: int(-3.99))
show("round(2.5)", lambda: round(2.5))
show("round(3.5)", lambda: round(3.5))
show("round(-2.5)", lambda: round(-2.5))
show("round(1234, -2)", lambda: round(1234, -2))
show("round(1250, -2)", lambda: round(1250, -2))
show("(2**64).bit_length()", lambda: (2**64).bit_length())
show("(-255).to_bytes", lambda: (-255).to_bytes(2, "big", signed=True))
show("int.from_bytes", lambda: int.from_bytes(b"\x01\x00", "little"))
show("(10).__floordiv__(3)", lambda: (10).__floordiv__(3))
show("(10).__rsub__(3)", lambda: (10).__rsub__(3))
show("int + None", lambda: 1 + None)
show("None - 1", lambda: None - 1)
show("'a' - 'b'", lambda: "a" - "b")
show("[] * 2.0", lambda: [] * 2.0)
show("2 ** 'x'", lambda: 2 ** "x")
big = 12345678901234567890123456789
print(big * big, big // 97, big % 97, -big // 97, -big % 97)
print(big**3 % 1000003)
x = 5
x **= 3
print(x)
x //= -7
print(x)
x %= -4
print(x)
