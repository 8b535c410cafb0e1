# assert with and without messages; the message is evaluated lazily.


def msg(text):
    print("message evaluated:", text)
    return text


assert True
assert 1, msg("not evaluated")
assert [0], msg("not evaluated either")
print("debug", __debug__)

for value, message in [(0, None), ("", "empty string"), ([], ["list", "message"]), (None, 42)]:
    try:
        if message is None:
            assert value
        else:
            assert value, msg(message)
    except AssertionError as e:
        print("AssertionError", repr(e), e.args, str(e))


class Custom:
    def __repr__(self):
        return "Custom()"

    def __str__(self):
        return "custom str"


try:
    assert False, Custom()
except AssertionError as e:
    print("AssertionError", e, e.args)

try:
    assert 1 == 2, f"{1} != {2}"
except AssertionError as e:
    print("AssertionError", e)


def check(x):
    assert isinstance(x, int), "need int, got %s" % type(x).__name__
    return x * 2


print(check(2))
try:
    check("s")
except AssertionError as e:
    print("AssertionError", e)

try:
    assert (lambda: False)(), "lambda false"
except AssertionError as e:
    print("AssertionError", e)

import builtins

original = builtins.AssertionError


class ReplacedAssertionError(Exception):
    pass


builtins.AssertionError = ReplacedAssertionError
try:
    assert False, "which class?"
except original as e:
    print("original AssertionError raised", type(e).__name__, e)
except ReplacedAssertionError as e:
    print("replaced class raised", type(e).__name__, e)
finally:
    builtins.AssertionError = original

try:
    assert 0, msg("final")
except AssertionError:
    import sys
    print("exc_info type", sys.exc_info()[0].__name__)
