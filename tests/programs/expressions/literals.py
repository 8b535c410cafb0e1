# String, bytes and numeric literals, implicit concatenation, escapes.
print("plain", 'single', """triple "double" """, '''triple 'single' ''')
print("escapes: \\ \' \" \a\b\f\n\r\t\v|".encode())
print("octal \101\102\7 hex \x41\x7e unicode \u00e9 \U0001F600 named \N{GREEK SMALL LETTER ALPHA}".encode("utf-8"))
print(r"raw \n \t \x41 \\", R"RAW\d", rb"raw\bytes", Rb"\x00", BR"\n")
print("implicit" " concat" 'enation', "a" r"\b" "c")
print(b"bytes" b" more", b"\x00\xff\n", b'\'', bytes(3), b"%d-%s" % (5, b"x"))
print(u"unicode prefix", len("\U0010FFFF"), "\0".encode(), ord("\77"), ord("\377"))
print(repr("tab\there"), repr("quote's"), repr('dq"'), repr("both'\""), repr("\x7f\x80\u200b"))
print(ascii("héllo ☺ \U0001F600"), repr(b"\x7f\x80abc"), repr(bytearray(b"\t")))
print("""line one
line two \
continued""")
print(len("""
"""), "a\
b")
print(1_000_000, 0x_FF, 0o_17, 0b_1010, 0XDEAD, 0O777, 0B11, 00, 0_0)
print(1.5e3, 1e-3, .5, 5., 1_0.0_1, 1E+2, 0e0, 1.7976931348623157e308, 5e-324, 2.5e-324)
print(3j, 1.5J, 1e3j, 0j, 10_0j, 1 + 2j, -1j)
print(0xffffffffffffffffffffffff, -0o7777777777777777777777777, 0b1 << 100)
print(99999999999999999999999999999999999999 * 0 + 123456789012345678901234567890)
print(True, False, None, ..., Ellipsis is ..., type(...).__name__, NotImplemented)
print((), (1,), [], [1, 2,], {}, {1: 2}, {1, 2}, set(), (1, 2,) + (3,))
print(type(()).__name__, type((1)).__name__, type((1,)).__name__)
print("\N{SNOWMAN}" == "\u2603", "\N{LATIN SMALL LETTER E WITH ACUTE}".encode())
print("ab" "cd" == "abcd", b"ab" b"cd" == b"abcd")
print("%s|%r|%a|%5s|%-5s|%.2s" % ("x", "y", "é", "r", "l", "trunc"))
print("%d %i %o %x %X %e %E %f %F %g %G %c %%" % (1, 2, 8, 255, 255, 1.5, 1.5, 1.5, 1.5, 1.5, 1e20, 65))
print("%(a)s %(b)05.1f" % {"a": "named", "b": 3.14159})
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%#x %#o %+d % d %05d" % (255, 8, 5, 5, -5))
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 5), ("%c", 1114112)]:
    try:
        print(fmt % args)
    except Exception as e:
        print(fmt, type(e).__name__, e)
print(b"%b %s %x" % (b"b", b"s", 255), b"%c" % 65, b"%c" % b"z")
print("a\tb".expandtabs(4), "x".center(7, "*"), "42".zfill(5), "-42".zfill(5))
print(type(1e0).__name__, type(1).__name__, type(1j).__name__, type(b"").__name__)
print(str(b"abc"), str(b"abc", "ascii"), bytes("é", "utf-8"), "é".encode("latin-1"))
print(list(b"abc"), b"abc"[0], b"abc"[-1:], bytes([104, 105]), bytes.fromhex("de ad"), b"\xde\xad".hex("-"))
