# Default values: evaluated once at definition time, mutable defaults,
# __defaults__/__kwdefaults__ changed at run time.

log = []


def make_default(name):
    log.append(name)
    print("evaluating default", name)
    return name


def f(a=make_default("a"), *, b=make_default("b")):
    return a, b


print("defined f")
print(f(), f(), log)


def append(item, target=[]):
    target.append(item)
    return target


print(append(1), append(2), append(3, []), append(4))
print(append.__defaults__)


def counter(_cache={"n": 0}):
    _cache["n"] += 1
    return _cache["n"]


print(counter(), counter(), counter())

x = 10


def uses_global_at_def(value=x):
    return value


x = 20
print(uses_global_at_def())


def order(a=print("default 1") or 1, b=print("default 2") or 2, *, c=print("kwdefault c") or 3):
    return a, b, c


print(order())

f.__defaults__ = ("new a",)
f.__kwdefaults__ = {"b": "new b"}
print(f(), f.__defaults__, f.__kwdefaults__)
f.__kwdefaults__ = None
try:
    f()
except TypeError as e:
    print("TypeError", e)
f.__defaults__ = None
try:
    f(b=1)
except TypeError as e:
    print("TypeError", e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print("TypeError", e)
try:
    f.__kwdefaults__ = 5
except TypeError as e:
    print("TypeError", e)


def many(a, b=1, c=2, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw


print(many.__defaults__, many.__kwdefaults__)
print(many(0, d=4))
many.__defaults__ = (100, 200)
print(many(0, d=4))
many.__defaults__ = (7,)
print(many(0, 1, d=4))


def none_defaults(a, b):
    return a, b


print(none_defaults.__defaults__, none_defaults.__kwdefaults__)
none_defaults.__defaults__ = (9,)
print(none_defaults(1))


def closure_default():
    results = []
    for i in range(3):
        def inner(i=i, acc=[]):
            acc.append(i)
            return list(acc)
        results.append(inner)
    return [fn() for fn in results] + [results[0]()]


print(closure_default())


def default_referencing_earlier(a, b=len(log)):
    return a, b


print(default_referencing_earlier(1))


class WithDefaults:
    base = 3

    def method(self, n=base * 2):
        return n


print(WithDefaults().method(), WithDefaults.method.__defaults__)
lam = lambda q=[]: q.append(1) or len(q)
print(lam(), lam(), lam.__defaults__)


def default_none(x=None):
    if x is None:
        x = []
    x.append(1)
    return x


print(default_none(), default_none())
