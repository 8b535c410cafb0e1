# CPython's exact TypeError messages for bad calls of Python functions,
# methods, lambdas, classes and builtins.


def call(label, f, *args, **kwargs):
    try:
        result = f(*args, **kwargs)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)


def none():
    pass


def one(a):
    pass


def two(a, b):
    pass


def three(a, b, c):
    pass


def four(a, b, c, d):
    pass


def with_default(a, b=1):
    pass


def with_defaults(a, b, c=1, d=2):
    pass


def star(a, *args):
    pass


def kw(a, *, k):
    pass


def kw2(a, b=1, *, k, m):
    pass


def kwargs_only(**kw):
    pass


def posonly(a, b, /, c):
    pass


call("none(1)", none, 1)
call("none(1, 2)", none, 1, 2)
call("none(x=1)", none, x=1)
call("one()", one)
call("one(1, 2)", one, 1, 2)
call("one(b=1)", one, b=1)
call("one(1, a=1)", one, 1, a=1)
call("two()", two)
call("two(1)", two, 1)
call("two(b=1)", two, b=1)
call("two(1, 2, 3)", two, 1, 2, 3)
call("three()", three)
call("three(1)", three, 1)
call("four()", four)
call("four(c=1)", four, c=1)
call("with_default()", with_default)
call("with_default(1, 2, 3)", with_default, 1, 2, 3)
call("with_defaults(1)", with_defaults, 1)
call("with_defaults(1, 2, 3, 4, 5)", with_defaults, 1, 2, 3, 4, 5)
call("with_defaults(1, 2, 3, 4, 5, 6)", with_defaults, 1, 2, 3, 4, 5, 6)
call("with_defaults(1, 2, b=3)", with_defaults, 1, 2, b=3)
call("star()", star)
call("star(a=1, b=2)", star, a=1, b=2)
call("star(1, 2, a=3)", star, 1, 2, a=3)
call("kw(1)", kw, 1)
call("kw(1, 2)", kw, 1, 2)
call("kw(1, 2, k=3)", kw, 1, 2, k=3)
call("kw(1, k=2, j=3)", kw, 1, k=2, j=3)
call("kw2(1)", kw2, 1)
call("kw2(1, 2, 3)", kw2, 1, 2, 3)
call("kw2(1, 2, 3, k=1)", kw2, 1, 2, 3, k=1)
call("kw2(1, 2, 3, k=1, m=2)", kw2, 1, 2, 3, k=1, m=2)
call("kwargs_only(1)", kwargs_only, 1)
call("posonly(1, 2)", posonly, 1, 2)
call("posonly(1, 2, 3, 4)", posonly, 1, 2, 3, 4)
call("posonly(a=1, b=2, c=3)", posonly, a=1, b=2, c=3)
call("posonly(1, b=2, c=3)", posonly, 1, b=2, c=3)
call("unexpected 2", two, 1, 2, x=1, y=2)
call("unexpected + multiple", two, 1, 2, a=1, x=3)


class C:
    def method(self, a):
        pass

    @classmethod
    def cm(cls, a):
        pass

    @staticmethod
    def sm(a):
        pass

    def noself():
        pass

    def __init__(self, x=0):
        pass


class Plain:
    pass


class WithNew:
    def __new__(cls, a):
        return object.__new__(cls)


c = C()
call("c.method()", c.method)
call("c.method(1, 2)", c.method, 1, 2)
call("C.method(1)", C.method, 1)
call("C.method()", C.method)
call("c.method(self=1, a=2)", c.method, self=1, a=2)
call("C.cm()", C.cm)
call("c.cm(1, 2)", c.cm, 1, 2)
call("C.sm()", C.sm)
call("c.sm(1, 2)", c.sm, 1, 2)
call("c.noself()", c.noself)
call("C(1, 2)", C, 1, 2)
call("C(y=1)", C, y=1)
call("Plain(1)", Plain, 1)
call("Plain(a=1)", Plain, a=1)
call("WithNew()", WithNew)
call("WithNew(1, 2)", WithNew, 1, 2)
call("object(1)", object, 1)


def outer():
    def inner(a):
        pass

    return inner


call("nested inner()", outer())
call("lambda()", lambda x: x)
call("lambda(1, 2)", lambda x: x, 1, 2)
call("call int", 5)
call("call None", None)
call("call str", "string")
call("call list obj", [])
call("call module", __builtins__)
call("len()", len)
call("len(1, 2)", len, 1, 2)
call("len(1)", len, 1)
call("len(obj=1)", len, obj=1)
call("isinstance(1)", isinstance, 1)
call("isinstance(1, 1)", isinstance, 1, 1)
call("int(x=1)", int, x=1)
call("int('1', 2, 3)", int, "1", 2, 3)
call("str(1, 2, 3, 4)", str, 1, 2, 3, 4)
call("list(1, 2)", list, 1, 2)
call("dict(1)", dict, 1)
call("getattr()", getattr)
call("getattr(1, 2)", getattr, 1, 2)
call("sorted()", sorted)
call("print(sep=1)", print, sep=1)
call("max()", max)
call("max(1)", max, 1)
call("min([])", min, [])
call("range()", range)
call("range('a')", range, "a")
call("'abc'.split(1)", "abc".split, 1)
call("'abc'.startswith()", "abc".startswith)
call("[].append()", [].append)
call("[].append(1, 2)", [].append, 1, 2)
call("{}.get()", {}.get)
call("iter(1)", iter, 1)
call("next([])", next, [])
call("hash([])", hash, [])
call("abs('x')", abs, "x")
call("ord('ab')", ord, "ab")
call("chr('a')", chr, "a")
call("sum(['a'])", sum, ["a", "b"])
call("sum([1], 'x')", sum, [1], "x")
call("zip(1)", zip, 1)
call("map(1, [])", lambda: list(map(1, [1])))
call("object.__init__ extra", object.__init__, object(), 1)
call("type(1, 2)", type, 1, 2)
call("super(1)", super, 1)
call("divmod('a', 1)", divmod, "a", 1)
call("pow(1)", pow, 1)
call("round('x')", round, "x")
call("format(1, 2)", format, 1, 2)
call("setattr(1, 'a', 2)", setattr, 1, "a", 2)
call("dir(1, 2)", dir, 1, 2)
call("enumerate()", enumerate)
call("reversed(1)", reversed, 1)
