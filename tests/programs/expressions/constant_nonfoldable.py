# Expressions on constants that CPython does not fold: they run each time,
# with their exceptions, messages and tracebacks at run time.


def run(label, make):
    try:
        value = make()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(value)[:60])


run("str % tuple", lambda: "%s-%s" % (1, 2))
run("str % dict", lambda: "%(a)s" % {"a": 1})
run("str % wrong count", lambda: "%s %s" % (1,))
run("bytes %", lambda: b"%d" % 3)
run("list + list", lambda: [1] + [2])
run("big repeat", lambda: len("x" * 100000))
run("big tuple repeat", lambda: len((1,) * 1000))
run("big power", lambda: len(str(7 ** 1000)))
run("big shift", lambda: (1 << 1000).bit_length())
run("negative power", lambda: 2 ** -2)
run("float power overflow", lambda: 2.0 ** 10000)
run("complex div zero", lambda: 1j / 0)
run("int too big for float", lambda: 10 ** 400 / 1.0)
run("bool invert", lambda: ~False if False else "skipped")
run("subscript slice", lambda: "abcdef"[1:4])
run("subscript bytes", lambda: b"abc"[-1])
run("subscript dict display", lambda: {"a": 1}["a"])
run("subscript list display", lambda: [1, 2, 3][1])
run("frozenset key", lambda: {1: 2}[1])
run("in unhashable", lambda: {1, 2} in {1, 2, 3})
key, index = "a", 1.0
run("tuple index type", lambda: (1, 2)[key])
run("str index float", lambda: "abc"[index])
run("mod zero float", lambda: 1.5 % 0)
run("divmod", lambda: divmod(7, 2))


def loop():
    total = 0
    for i in range(3):
        total += (10 ** 3) * i
    return total


print(loop())
print((1, 2, 3)[1], ("a" * 3)[0])
print((1, 2, 3)[10])
