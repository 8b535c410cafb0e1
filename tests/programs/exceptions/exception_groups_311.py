# nuitka-test: xfail=ExceptionGroup.subgroup/split with a predicate uses an exact PyFunction_Check in CPython, compiled functions are a subtype
# ExceptionGroup basics (no except*): construction, subgroup, split, str,
# and an uncaught group traceback.
eg = ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
print(repr(eg.subgroup(ValueError)))
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
print(eg.subgroup(lambda e: "2" in str(e)))
print(eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [eg, KeyError("k")])
print(repr(nested.subgroup(ValueError)))
print(isinstance(eg, Exception), issubclass(BaseExceptionGroup, BaseException), type(eg).__mro__[1].__name__)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("base but all exceptions", [ValueError()])
print(type(beg2).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError", e)
try:
    raise eg
except ExceptionGroup as caught:
    print("caught with plain except:", caught.message)


def task(n):
    if n % 2:
        raise ValueError("task %d failed" % n)
    return n


errors = []
for n in range(4):
    try:
        task(n)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup("tasks failed", errors)
