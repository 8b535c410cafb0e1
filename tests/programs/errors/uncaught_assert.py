# An uncaught AssertionError with a message.


def check_positive(values):
    for v in values:
        assert v > 0, "value %r is not positive" % (v,)
    return True


print(check_positive([1, 2]))
check_positive([3, -4, 5])
