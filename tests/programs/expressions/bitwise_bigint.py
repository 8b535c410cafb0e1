# Bit operations on small, big and negative integers.


def show(label, func):
    try:
        result = func()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


nums = [0, 1, -1, 5, -6, 255, 2**64 - 1, 2**100 + 12345, -(2**90), -(2**64)]
for a in nums:
    row = []
    for b in nums[:6]:
        row.append((a & b, a | b, a ^ b))
    print(a, ~a, row)

for a in (1, -1, 3, -3, 2**70, -(2**70)):
    print(a, [a << n for n in (0, 1, 63, 64, 65, 100)])
    print(a, [a >> n for n in (0, 1, 63, 64, 65, 100, 1000)])

show("1 << -1", lambda: 1 << -1)
show("1 >> -1", lambda: 1 >> -1)
show("1 << 2**70", lambda: 1 << 2**70)
show("0 << 2**70", lambda: 0 << 2**70)
show("1 >> 2**70", lambda: 1 >> 2**70)
show("-1 >> 2**70", lambda: -1 >> 2**70)
show("1.0 << 1", lambda: 1.0 << 1)
show("1 & 1.0", lambda: 1 & 1.0)
show("'a' | 1", lambda: "a" | 1)
show("~1.5", lambda: ~1.5)
show("True & False", lambda: True & False)
show("True | False", lambda: True | False)
show("True ^ True", lambda: True ^ True)
show("True & 3", lambda: True & 3)
show("True << 3", lambda: True << 3)
show("{1,2} & {2,3}", lambda: {1, 2} & {2, 3})
show("{1,2} | {2,3}", lambda: sorted({1, 2} | {2, 3}))
show("{1,2} ^ {2,3}", lambda: sorted({1, 2} ^ {2, 3}))
show("{1,2} - {2,3}", lambda: {1, 2} - {2, 3})
show("frozenset & set", lambda: type(frozenset([1]) & {1}).__name__)
show("set & frozenset", lambda: type({1} & frozenset([1])).__name__)
show("dict | dict", lambda: {"a": 1, "b": 2} | {"b": 3, "c": 4})
show("dict | list", lambda: {} | [])
show("keys & set", lambda: sorted({"a": 1, "b": 2}.keys() & {"b", "c"}))
show("bin(-37)", lambda: bin(-37))
show("oct(2**70)", lambda: oct(2**70))
show("format x", lambda: format(2**100 - 1, "x"))
show("format X", lambda: format(-(2**70), "X"))
show("bit_count", lambda: (2**100 - 1).bit_count())
show("int('1' * 50, 2)", lambda: int("1" * 50, 2))
x = 0b1010
x &= 0b0110
print(x)
x |= 0b1000_0000
print(x)
x ^= 2**80
print(x)
x <<= 3
print(x)
x >>= 70
print(x)
