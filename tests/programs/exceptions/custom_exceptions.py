# Custom exception classes: args, str/repr, attributes, hierarchy, pickling.
import pickle


class AppError(Exception):
    """Base application error."""


class NotFound(AppError):
    def __init__(self, name, where="somewhere"):
        super().__init__(name, where)
        self.name = name
        self.where = where

    def __str__(self):
        return "%s not found in %s" % (self.name, self.where)


class NoSuperInit(Exception):
    def __init__(self, code):
        self.code = code


class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr<custom>"


class Multi(Exception):
    pass


for exc in (AppError(), AppError("msg"), NotFound("key"), NotFound("k", "db"), NoSuperInit(5),
            WithRepr("x"), Multi(1, 2, "three"), Multi(), Multi(None), Multi([1])):
    print(type(exc).__name__, "| str:", str(exc), "| repr:", repr(exc), "| args:", exc.args)

try:
    raise NotFound("user", "table")
except AppError as e:
    print("caught as base:", e, e.name, e.where, isinstance(e, NotFound))

e = NoSuperInit(7)
print(e.code, e.args)
e.args = ("changed",)
print(str(e), repr(e))

for exc in (AppError("p"), Multi(1, 2), NotFound("n", "w")):
    try:
        copy = pickle.loads(pickle.dumps(exc))
        print("pickled", type(copy).__name__, copy.args, str(copy))
    except Exception as err:
        print("pickle failed", type(err).__name__, err)

print(KeyError("k"), str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), repr(KeyError("k")))
print(str(OSError(2, "No such file")), repr(OSError(2, "msg")), type(OSError(2, "x")).__name__)
print(str(OSError(2, "No such file", "name.txt")), OSError(13, "denied").errno, type(OSError(13, "d")).__name__)
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(SyntaxError("msg", ("file.py", 3, 5, "bad line", 3, 8))))
print(repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(repr(SystemExit(3)), SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(repr(ImportError("m", name="mod", path="/p")), ImportError("m", name="mod").name)
print(AppError.__doc__, AppError.__module__, AppError.__mro__[1:3])


class CustomAttrs(ValueError):
    def __init__(self, *args, extra=None):
        super().__init__(*args)
        self.extra = extra


ca = CustomAttrs("value", extra={"k": 1})
print(ca, ca.extra, isinstance(ca, ValueError), ca.__dict__)


class StrFails(Exception):
    def __str__(self):
        raise RuntimeError("str failed")


try:
    str(StrFails())
except RuntimeError as err:
    print("RuntimeError", err)
print(repr(StrFails("r")))
try:
    raise AppError
except AppError as err:
    print("raised class instantiated:", repr(err))
print(issubclass(NotFound, Exception), issubclass(NotFound, BaseException), Exception.__bases__)
print(BaseException("a").with_traceback(None).args)
raise NotFound("final", "uncaught location")
