# Operands read from locals and constants without a new reference
# (nuitka/codegen/expressions.py emit_operands): the value must stay alive
# while the operation runs even when later operands rebind the variable,
# float results must never reuse a local's float, and error exits release
# their temps in CPython's order.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return "Noisy(%s)" % self.name

    def method(self, *args):
        return (self.name, len(args))

    def __getitem__(self, key):
        return (self.name, key)


def walrus_rebinds_later(x):
    # x is read before the walrus rebinds it: its old value must survive.
    return x.method((x := Noisy("new")), 1), x


def walrus_in_subscript(x):
    return x[(x := Noisy("index"))]


def comprehension_shadows(x):
    return [x for x in range(3)], x.method()


def float_locals():
    a = 1.5
    b = a * 2.0
    c = a + b
    d = -a
    a += 1.0
    return a, b, c, d


def float_loop(n):
    total = 0.0
    step = 0.5
    for _ in range(n):
        total = total + step
    return total, step


def unbound_then_bound(flag):
    if flag:
        value = "set"
    try:
        return value.upper()
    except UnboundLocalError as error:
        return str(error)


def deleted_in_branch(flag):
    item = Noisy("item")
    if flag:
        del item
    try:
        return item.method(1, 2)
    except UnboundLocalError as error:
        return "unbound: " + str(error).split()[-1]


def many_temps_fail(a, b):
    # Several temps are live when the last call fails: they are released
    # newest first, after the traceback entry is added.
    return [Noisy("t1"), Noisy("t2"), a.method(b, Noisy("t3"), b.missing)]


def nested_calls(a, b, c):
    return max(a, b, c), isinstance(a, int), len((a, b, c)), str(a).join([str(b), str(c)])


def loop_reuse(items):
    out = []
    for item in items:
        first = item[0]
        out.append((first, item, first == item[0], item.count(first)))
    return out


print(walrus_rebinds_later(Noisy("old")))
print(walrus_in_subscript(Noisy("source")))
print(comprehension_shadows(Noisy("outer")))
print(float_locals())
print(float_loop(5))
print(unbound_then_bound(True), unbound_then_bound(False))
print(deleted_in_branch(False))
print(deleted_in_branch(True))
try:
    many_temps_fail(Noisy("a"), Noisy("b"))
except AttributeError as error:
    print("AttributeError", error, error.__traceback__.tb_next.tb_lineno)
print(nested_calls(3, 1, 2))
print(loop_reuse(["ab", "ba", "aa"]))
