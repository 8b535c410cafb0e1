# Global name load sites keep the value they found while neither the module
# dict nor the builtins changed; a store to any global changes the module
# dict, after which the value is checked again where it was found. Every way
# of changing what a name means must be seen.
import builtins
import sys

COUNTER = 0
LIMIT = 10


def bump():
    global COUNTER
    COUNTER += 1
    return LIMIT + COUNTER + len("ab")


def read_limit():
    return LIMIT


def read_len():
    try:
        return len
    except NameError as e:
        return "NameError: %s" % e


def read_missing():
    try:
        return missing_name
    except NameError as e:
        return "NameError: %s" % e


def warm(f):
    for _ in range(5):
        r = f()
    return r


print([bump() for _ in range(5)])
print(warm(read_limit), warm(read_len) is len, warm(read_missing))

# Through globals(), setattr on the module, and the builtins module.
globals()["LIMIT"] = 20
print(warm(read_limit), bump())
setattr(sys.modules[__name__], "LIMIT", 30)
print(warm(read_limit), bump())

builtins.missing_name = "from builtins"
print(warm(read_missing))
bump()
print(warm(read_missing))
globals()["missing_name"] = "from globals"
print(warm(read_missing))
bump()
del globals()["missing_name"]
print(warm(read_missing))
del builtins.missing_name
print(warm(read_missing))
bump()
print(warm(read_missing))

# A global shadowing a builtin, added and removed while other globals change.
warm(read_len)
bump()
len = lambda x: 100
print(warm(read_len)(()), bump())
del len
bump()
print(warm(read_len) is builtins.len, bump())

# Deleting a global, re-adding it (another entry index).
warm(read_limit)
del LIMIT
print(warm(lambda: read_limit.__globals__.get("LIMIT", "gone")))
try:
    read_limit()
except NameError as e:
    print("NameError:", e)
for i in range(20):
    globals()["filler%d" % i] = i
LIMIT = 40
print(warm(read_limit), bump())

# A key that is equal to the name but another string object.
key = "".join(["LIM", "IT"])
globals()[key] = 50
print(warm(read_limit), bump())

# A non-str key in the module dict.
globals()[1.5] = "float key"
LIMIT = 60
print(warm(read_limit), bump(), warm(read_missing))
del globals()[1.5]
