# match in functions, generators, class bodies, lambdas and comprehension
# scopes; closures over captured names; loops with break/continue/return;
# which names a failed case or a failed guard leaves bound.


def in_function(value):
    match value:
        case [x, y]:
            return lambda: (x, y)
        case {"k": x}:
            def inner():
                nonlocal x
                x = x * 2
                return x
            return inner
        case x:
            return lambda: x


print(in_function([1, 2])(), in_function({"k": 21})(), in_function("s")())


def generator(values):
    for value in values:
        match value:
            case int(n) if (yield ("guard", n)):
                yield ("guard accepted", n)
            case int(n):
                yield ("int", n)
            case [*items]:
                for item in items:
                    yield ("item", item)
            case "stop":
                return
            case _:
                continue
        yield ("after match", value)


gen = generator([1, [2, 3], "skip", 4, "stop", 5])
result = []
try:
    value = next(gen)
    while True:
        result.append(value)
        value = gen.send(value[0] == "guard" and value[1] == 4)
except StopIteration:
    pass
print(result)


class Config:
    settings = {"mode": "fast", "level": 3}
    match settings:
        case {"mode": mode, "level": int(level)}:
            description = "%s/%d" % (mode, level)
    match [1, 2]:
        case [__private, _]:
            pass


print(Config.mode, Config.level, Config.description, Config._Config__private)
print(sorted(k for k in vars(Config) if not k.startswith("__")))

# Store order of the bound names (module globals keep insertion order).
match {"b": 1, "a": 2}:
    case {"b": zz_b, "a": zz_a}:
        pass
match [1, [2, 3]]:
    case [zz_c, [zz_e, zz_d]] | [zz_d, [zz_c, zz_e]]:
        pass
match 5:
    case (zz_g) as zz_f:
        pass
print([name for name in globals() if name.startswith("zz_")])

# A failed case binds nothing; a failed guard leaves its names bound.
match [1, 2]:
    case [unbound_a, 3]:
        pass
    case (bound_b, bound_c) if bound_b > bound_c:
        pass
    case _:
        pass
print("unbound_a" in globals(), bound_b, bound_c)


def local_bindings(flag):
    match (1, 2, 3):
        case (a, b, 4):
            pass
        case (c, d, e) if flag:
            pass
        case _:
            pass
    try:
        print(a)
    except UnboundLocalError as exc:
        print("UnboundLocalError", exc)
    return c, d, e


print(local_bindings(False))

# Comprehensions and lambdas around match statements.
def classify(v):
    match v:
        case int() | float():
            return "number"
        case str():
            return "text"
        case _:
            return "other"


print([classify(v) for v in (1, 2.0, "s", None)])
print({k: (lambda: (match_value := k))() for k in "ab"})


def closures():
    functions = []
    for item in ([1, 2], [3, 4], [5]):
        match item:
            case [first, second]:
                functions.append(lambda: (first, second))
            case [single]:
                functions.append(lambda: single)
    return [f() for f in functions]


print(closures())


def loops():
    out = []
    for value in range(8):
        match value % 4:
            case 0:
                continue
            case 1:
                out.append("one")
            case 2 if value > 5:
                break
            case n:
                out.append(n)
    else:
        out.append("no break")
    while True:
        match out:
            case [*_, "end"]:
                break
            case _:
                out.append("end")
    return out


print(loops())


def nested(value):
    match value:
        case [inner]:
            match inner:
                case {"x": x}:
                    return "nested mapping x=%r" % (x,)
                case _:
                    return "nested other"
        case _:
            return "outer other"


print(nested([{"x": 1}]), nested([2]), nested(3))


# Private names: captures are mangled, keyword attribute names of class
# patterns are not.
class Private:
    __match_args__ = ("__y",)

    def __init__(self):
        self.__x = 1
        self.__y = 2

    def keyword(self):
        match self:
            case Private(__x=v):
                return "keyword", v
            case _:
                return "keyword name not mangled"

    def positional(self):
        match self:
            case Private(v):
                return "positional", v
            case _:
                return "__match_args__ name not mangled"

    def captures(self):
        match [1, 2, 3]:
            case [__a, *__b]:
                return sorted(locals())


print(Private().keyword(), Private().positional(), Private().captures())


def bound_by_global():
    global global_capture
    match [5]:
        case [global_capture]:
            pass


bound_by_global()
print("global capture", global_capture)

