# Frames of comprehensions and generator expressions in tracebacks (3.12+
# inlines list/dict/set comprehensions: CPython's output differs by version).
import traceback


def scale(values, factor):
    return [v / factor for v in values]


def nested(rows):
    return {k: [1 / x for x in row] for k, row in rows.items()}


def genexp(values):
    return sum(10 // v for v in values)


for func, arg in ((lambda: scale([1, 2], 0), None), (lambda: nested({"a": [1, 0]}), None),
                  (lambda: genexp([1, 0]), None)):
    try:
        func()
    except ZeroDivisionError:
        print([fs.name for fs in traceback.extract_tb(__import__("sys").exc_info()[2])])
        traceback.print_exc()


class InClass:
    data = [1, 2, 0]
    try:
        inverted = [1 / d for d in data]
    except ZeroDivisionError:
        traceback.print_exc()


print(sorted({x: [y for y in range(x)] for x in range(3)}.items()))
[[1 / (i - j) for j in range(3)] for i in range(3)]
