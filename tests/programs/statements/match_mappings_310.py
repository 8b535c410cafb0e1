# Mapping patterns: which subjects are mappings, lookups through get()
# (defaultdict does not grow), **rest copies, duplicate keys from value
# patterns, and the order of the calls CPython makes.
import collections
import collections.abc
import types


def describe(subject):
    match subject:
        case {"a": 1, **rest}:
            return "a=1 rest %r" % (rest,)
        case {"a": a}:
            return "a=%r" % (a,)
        case {**rest} if rest:
            return "non-empty mapping %r" % (sorted(rest.items()),)
        case {}:
            return "empty mapping"
        case _:
            return "not a mapping"


class MyMapping(collections.abc.Mapping):
    def __init__(self, **items):
        self.items_ = items

    def __getitem__(self, key):
        return self.items_[key]

    def __iter__(self):
        return iter(self.items_)

    def __len__(self):
        return len(self.items_)


for value in ({}, {"a": 1}, {"a": 1, "b": 2}, {"a": 2}, {"b": 3}, collections.OrderedDict(a=1, c=3),
              collections.Counter("aab"), types.MappingProxyType({"a": 5}), MyMapping(a=1, z=26),
              MyMapping(), [("a", 1)], "a", None, collections.ChainMap({"a": 1}, {"q": 2})):
    print(type(value).__name__, "->", describe(value))

# The rest is a new dict; changing it does not change the subject.
subject = {"a": 1, "b": 2}
match subject:
    case {"a": 1, **rest}:
        rest["c"] = 3
        print("rest", rest, "subject", subject, rest is subject)
match subject:
    case {**everything}:
        print("copy", everything, everything is subject, type(everything).__name__)

# defaultdict: get() does not call __missing__.
dd = collections.defaultdict(list, {"x": 1})
match dd:
    case {"y": _}:
        print("never")
    case {"x": x}:
        print("defaultdict x", x, "keys", sorted(dd))


class Traced(collections.abc.Mapping):
    def __init__(self, **items):
        self.items_ = items

    def __getitem__(self, key):
        print("  getitem", key)
        return self.items_[key]

    def __iter__(self):
        print("  iter")
        return iter(self.items_)

    def __len__(self):
        print("  len")
        return len(self.items_)

    def get(self, key, default=None):
        print("  get", key)
        return self.items_.get(key, default)

    def keys(self):
        print("  keys")
        return self.items_.keys()


print("traced, missing key:")
match Traced(a=1, b=2):
    case {"a": 1, "c": 3}:
        print("never")
    case {"b": 2, "a": 1, **rest}:
        print("  rest", rest)
print("traced, too short:")
match Traced(a=1):
    case {"a": _, "b": _}:
        print("never")
    case {}:
        print("  empty pattern only checks the type")
print("traced, only rest:")
match Traced(a=1):
    case {**rest}:
        print("  rest", rest)


class Keys:
    A = "a"
    B = "a"
    NONE = None


try:
    match {"a": 1}:
        case {Keys.A: 1, Keys.B: 2}:
            print("never")
except ValueError as e:
    print("ValueError", e)

match {None: "none", "a": "A"}:
    case {Keys.NONE: n, Keys.A: a}:
        print("value pattern keys", n, a)

match {1: "one", 1.5: "x", b"b": "bytes", -2: "minus two", 3j: "complex", -1 - 1j: "c2"}:
    case {1: one, b"b": b, -2: m, 3j: c, -1 - 1j: c2}:
        print("literal keys", one, b, m, c, c2)


class BadGet(dict):
    def get(self, key, default=None):
        raise LookupError("get failed for %r" % (key,))


try:
    match BadGet(a=1):
        case {"a": 1}:
            print("never")
except LookupError as e:
    print("LookupError", e)


class DictSub(dict):
    def get(self, key, default=None):
        print("  DictSub.get", key)
        return dict.get(self, key, default)


match DictSub(k="v", other=0):
    case {"k": v, **rest}:
        print("dict subclass", v, rest, type(rest).__name__)

# Nested mappings and sequences
match {"users": [{"name": "ann", "roles": ["admin", "dev"]}, {"name": "bob", "roles": []}]}:
    case {"users": [{"name": first, "roles": [*roles]}, *others]}:
        print("nested", first, roles, len(others))
