# Two comprehensions with the same body, the second starting on the line
# where the first is and going on on the next: CPython 3.10 stores them as
# one code object (its code equality leaves line tables out), 3.11+ as two.
# The compiler must pair both scopes with what CPython made.


def pairs(a, b):
    return [(k, v) for k, v in sorted(a.items()) if k in "xy"], [
        (k, v) for k, v in sorted(b.items()) if k in "xy"
    ]


print(pairs({"x": 1, "z": 2}, {"y": 3}))
codes = [c for c in pairs.__code__.co_consts if hasattr(c, "co_code")]
print(len(codes), [c.co_name for c in codes])


def nested(rows):
    return {r: [c for c in r if c] for r in rows}, {
        r: [c for c in r if c] for r in rows
    }


print(nested(["ab", "c"]))
print(len([c for c in nested.__code__.co_consts if hasattr(c, "co_code")]))
