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


# Predicates: compiled functions are accepted like Python functions, other
# callables are rejected like in CPython.
def is_value_error(e):
    return isinstance(e, ValueError)


seen = []


def recording(e):
    seen.append(type(e).__name__)
    return isinstance(e, TypeError)


print(repr(eg.split(is_value_error)))
print(repr(nested.subgroup(recording)), seen)
limit = 1
print(repr(eg.split(lambda e: len(str(e)) > limit)))
print(eg.subgroup(lambda e: False), eg.split(lambda e: True)[1])
for bad in (len, str.upper, eg.split, 42, [ValueError]):
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    eg.split()
except TypeError as e:
    print("TypeError", e)
try:
    eg.subgroup(is_value_error, 1)
except TypeError as e:
    print("TypeError", e)
print(type(BaseExceptionGroup.__dict__["split"]).__name__, BaseExceptionGroup.split.__qualname__)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


mg = MyGroup("mine", [ValueError(1), KeyError(2)])
print(repr(mg.split(is_value_error)))


def raising(e):
    raise RuntimeError("predicate failed for %r" % (e,))


try:
    eg.subgroup(raising)
except RuntimeError as e:
    import traceback

    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))


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
