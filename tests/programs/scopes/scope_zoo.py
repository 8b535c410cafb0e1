# Scopes (lambdas, comprehensions, generator expressions, defs, classes) in
# every place the language allows them, several per line, so that the
# compiler must pair each one with CPython's symbol table and code object
# exactly: CPython visits defaults, decorators, annotations, bases, dict keys
# and the first iterable of a comprehension in its own order, not in source
# order. Each lambda has parameters of its own name, so a wrong pairing
# shows as a wrong result or a NameError.


def show(label, *values):
    print(label, *values)


# Applied lambdas, nested on one line.
f = lambda: (lambda a1: a1)(lambda b1: b1)
show("apply", f()(3))
g = (lambda a2: a2)(lambda b2: lambda c2: c2)
show("curry", g(1)(2))
Y = lambda f3: (lambda x3: x3(x3))(lambda x4: f3(lambda *a5: x4(x4)(*a5)))
fact = Y(lambda self6: lambda n6: 1 if n6 < 2 else n6 * self6(n6 - 1))
show("Y", fact(6))
v = (lambda f7: f7(2))(lambda p7: sum(p7 for x7 in range(3)))
show("genexpr in lambda", v)

# Defaults, keyword-only defaults and annotations are evaluated outside.
def defaults(a8=lambda b8: b8 + 1, *, c8=lambda d8: d8 * 2, e8: (lambda f8: f8) = lambda g8: g8 - 1) -> (lambda h8: h8):
    return a8(1), c8(2), e8(3)


show("defaults", defaults())
show("annotations", sorted(k for k in defaults.__annotations__))
show("annotation values", [v(5) for k, v in sorted(defaults.__annotations__.items())])


def deco(tag):
    return lambda fn9: (lambda *a9: (tag, fn9(*a9)))


@deco((lambda t10: t10)("first"))
@deco(lambda t11: t11)
def decorated(x12=lambda y12: y12):
    return x12("inner")


show("decorated", decorated()[0], decorated()[1][1])


# Class bases and keywords are evaluated after the class body's code object
# is made, but the symbol table visits them before it.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = {k: v(1) for k, v in kw.items()}
        return cls


@(lambda c13: c13)
class Klass((lambda b14: object)(0), metaclass=Meta, extra=lambda e15: e15 + 10, other=lambda o16: o16 + 20):
    attr = (lambda a17: a17 * 3)(4)
    comp = [(lambda q18: q18)(i18) for i18 in range(3)]
    gen = list(j19 for j19 in (lambda r19: r19)([1, 2]))

    def method(self, d20=lambda e20: e20):
        return (lambda s20: (s20, d20(5)))(self.attr)


show("class", Klass.kw, Klass.attr, Klass.comp, Klass.gen, Klass().method())

# Dict displays: the symbol table visits all keys, then all values.
d = {(lambda k21: 1)(0): (lambda v21: v21)(2), (lambda k22: 3)(0): (lambda v22: v22)(4), **{5: (lambda v23: v23)(6)}}
show("dict", sorted(d.items()))
dc = {(lambda k24: k24)(i24): (lambda v24: v24 * 2)(i24) for i24 in (lambda s24: s24)(range(3)) if (lambda c24: c24 >= 0)(i24)}
show("dictcomp", dc)

# Comprehensions with several loops, conditions and nested scopes.
nested = [
    (lambda x25: (x25, y25))(x26)
    for x26 in (lambda r26: r26)(range(3))
    if (lambda c26: c26 != 1)(x26)
    for y25 in [lambda z27: z27 for _ in range(1)]
]
show("nested", [(a, b(7)) for a, b in nested])
sets = {(lambda s28: s28 % 3)(i28) for i28 in range(10)}
show("set", sorted(sets))
gens = list((lambda g29: g29)(i29) for i29 in (lambda r29: r29)(range(2)) for j29 in range(2))
show("gens", gens)

# Assignment targets, augmented and annotated assignment.
box = {}
box[(lambda i30: i30)("key")] = (lambda v30: v30)("value")
box[(lambda i31: i31)("key")] += (lambda v31: v31)("+")
show("targets", box)
walrus = [(w32 := (lambda a32: a32)(5)), (lambda b32: b32)(w32)]
show("walrus", walrus)
ann: (lambda a33: a33) = (lambda b33: b33)(33)
show("annassign", ann, (lambda c33: c33)(__annotations__["ann"](1)))

# Statements with expressions in several parts.
for (t34) in (lambda r34: r34)([1]):
    show("for", (lambda b34: b34)(t34))
else:
    show("for-else", (lambda e34: e34)("else"))
while (lambda w35: w35)(False):
    pass
else:
    show("while-else", (lambda e35: e35)(35))
if (lambda t36: t36)(True):
    show("if", (lambda b36: b36)(36))
else:
    show("never", (lambda e36: e36)(0))
try:
    show("try", (lambda a37: a37)(37))
    raise (lambda e37: ValueError(e37))("boom") from (lambda c37: KeyError(c37))("cause")
except (lambda t38: ValueError)(0) as exc:
    show("except", (lambda h38: h38)(str(exc)), repr(exc.__cause__))
else:
    show("never", (lambda e39: e39)(0))
finally:
    show("finally", (lambda f39: f39)(39))
try:
    pass
except ValueError:
    show("never", (lambda h40: h40)(0))
else:
    show("try-else", (lambda e40: e40)(40))
finally:
    show("finally", [(lambda f40: f40)(i40) for i40 in range(2)])
with open(__file__) as handle, (lambda c41: open(c41))(__file__) as other:
    show("with", (lambda b41: b41)(handle.readline()[:8]), other.readline()[:8])
assert (lambda t42: t42)(True), (lambda m42: m42)("message")
try:
    assert (lambda t43: t43)(False), (lambda m43: m43)("failed")
except AssertionError as e:
    show("assert", e)
show("fstring", f"{(lambda a44: a44)(1)!r:{(lambda w44: w44)(4)}} and {(lambda b44: b44)(2)}")
seq = list(range(10))
show("slice", seq[(lambda l45: l45)(1):(lambda u45: u45)(8):(lambda s45: s45)(2)])
show("call", (lambda *a46, **k46: (a46, k46))(*(lambda s46: s46)([1]), k=(lambda k47: k47)(2), **(lambda d47: d47)({"z": 3})))
show("ifexp", (lambda a48: a48)(1) if (lambda t48: t48)(False) else (lambda b48: b48)(2))
show("boolop", (lambda a49: a49)(0) or (lambda b49: b49)(49))
show("compare", (lambda a50: a50)(1) < (lambda b50: b50)(2) < (lambda c50: c50)(3))

# Matching.
match (lambda s51: s51)([1, 2]):
    case [a51, b51] if (lambda g51: g51)(a51 < b51):
        show("match", (lambda b52: b52)((a51, b51)))
    case _:
        show("never", (lambda n52: n52)(0))


# Scopes after return are dropped by the compiler; lambdas that look alike.
def dead():
    return (lambda a53: a53)(53)
    unreachable = lambda b53: b53  # noqa: F841


show("dead", dead())
same = (lambda: 1, lambda: 1, lambda: 2, lambda: 1)
show("same", [s() for s in same], same[0].__code__ is same[1].__code__)
generators = ((lambda: 0) for _ in "a"), ((lambda: 0) for _ in "b")
show("same genexprs", [next(gen)() for gen in generators])


# Functions and classes nested in functions, with closures.
def outer(o54=lambda p54: p54):
    cell = 54

    class Inner:
        get = lambda self, i55=lambda j55: j55: (cell, i55(1))

        def method(self):
            return [lambda k56=lambda m56: m56: (cell, k56(2)) for _ in range(1)][0]()

    return Inner().get(), Inner().method(), o54(3), (lambda: (lambda: cell)())()


show("outer", outer())


# Generators and coroutines holding lambdas.
def generator():
    yield (lambda a57: a57)(57)
    yield from ((lambda b57: b57)(i) for i in (lambda r57: r57)([1, 2]))


show("generator", list(generator()))


async def coroutine():
    return [(lambda a58: a58)(i58) async for i58 in agen()], await (lambda a59: awaitable())(0)


async def agen():
    yield (lambda y60: y60)(60)


async def awaitable_coroutine():
    return (lambda r61: r61)(61)


def awaitable():
    return awaitable_coroutine()


try:
    coroutine().send(None)
except StopIteration as stop:
    show("coroutine", stop.value)

# Lambdas in default values of lambdas, on one line.
chain = lambda a62=lambda b62=lambda c62: c62: b62: a62()(62)
show("chain", chain())
