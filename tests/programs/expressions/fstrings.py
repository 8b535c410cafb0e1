# f-strings: conversions, format specs, nesting, '=' debugging, escapes.
import decimal


class Fmt:
    def __format__(self, spec):
        return "<Fmt spec=%r>" % spec

    def __repr__(self):
        return "Fmt()"

    def __str__(self):
        return "Fmt-str"


name = "wörld"
num = 1234.5678
neg = -42
big = 2**70
f = Fmt()
items = [1, "two", None]

print(f"hello {name}")
print(f"{name!r} {name!s} {name!a}")
print(f"{f} {f!r} {f!s} {f:abc} {f!r:>10} {f!s:*^12}")
print(f"{num:.2f} {num:10.1f}| {num:<12.3e}| {num:^+14,.2f}| {num:g} {num:%}")
print(f"{neg:5d}|{neg:<5d}|{neg:^7d}|{neg:=7d}|{neg:+d}|{42: d}|{neg:x}|{255:#x}|{255:#X}|{255:o}|{5:#b}|{255:08b}")
print(f"{big:,} {big:_} {big:_x} {12345678:_d} {0.5:.0%}")
print(f"{'left':<10}|{'right':>10}|{'mid':^9}|{'fill':-^11}|{'trunc':.3}")
print(f"{3.0:n} {1e20:f} {1e-7:g} {float('inf'):f} {float('nan'):F} {-0.0:f}")
print(f"{12:c}{0x263A:c}")
width, prec = 12, 3
print(f"{num:{width}.{prec}f}|{num:>{width}}|{'x':{'<'}{width}}|")
print(f"{num=}")
print(f"{num = }")
print(f"{num=:.1f}")
print(f"{name=!s}")
print(f"{items[1]=}, {items[-1]=!r}, {len(items)=}")
print(f"{1 + 2 = }")
print(f"{{literal}} {{{name}}} }}{{")
print(f"{'nested ' + f'{name.upper()}'}")
print(f"{'a' 'b'}")
print(f"{items}")
print(f"{items!r:>30}")
print(f"{[x * 2 for x in range(3)]}")
print(f"{ {'k': 1}['k'] }")
print(f"{(lambda: 'lam')()}")
print(f"{name if len(name) > 3 else 'short'}")
print(f"{3 > 2} {None} {...}")
print(f"multi\nline\t{name}\\")
print(rf"raw\n{name}" + fr"\t{num:.1f}")
print(f"""triple
{name}
quoted""")
print(f"{chr(34)!r} {chr(39)!r}")
print(f"{decimal.Decimal('1.2345'):.2f} {decimal.Decimal('-0'):+}")
print(f"{True:d} {True!s:>6} {False:5}")
print(f"{b'bytes'} {b'bytes'!r} {bytearray(b'x')}")
print(f"{1j:.2f} {complex(1.5, -2):g}")
print(f"{'%'}" + f"{'%s' % 'pct'}")
print(f"{name:{'>' if True else '<'}{10}}")
print(format(num, ".3"), format("s", "^5"), format(12, ""), format(f, "spec"))
print(f"{'a':{'b'}{'^'}{5}}")

for bad in ("{x:d}", "{x:.2s}", "{x:,s}", "{x:==5}", "{x:=5}"):
    try:
        print(eval("f" + repr(bad), {"x": "str"}))
    except Exception as e:
        print(bad, type(e).__name__, e)
for bad in ("{x:z}", "{x:,.2x}"):
    try:
        print(eval("f" + repr(bad), {"x": 3}))
    except Exception as e:
        print(bad, type(e).__name__, e)
try:
    print(f"{f:{'x' * 2}}" + f"{object():d}")
except TypeError as e:
    print("TypeError", e)
values = {"a": 1}
print(f"{values['a']} {values.get('b', 'dflt')}")
print(f"{len(values):03}")
print(f"{name}" f"{num}" "plain" f"{neg}")
