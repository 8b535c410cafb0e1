# Names the module assigns are not predicted (and stay correct either way).
import builtins


def get_len():
    return len("abc"), min(1, 2)


print(get_len())
len = lambda x: "module len"  # noqa: E731
print(get_len())
del len
print(get_len())


def set_min():
    global min
    min = lambda *a: "global min"  # noqa: E731


set_min()
print(get_len())
del min
print(get_len())

for abs in [lambda x: "loop abs"]:
    print(abs(-1))
del abs
print(abs(-1))

try:
    import json as max
    print(max.__name__)
finally:
    del max
print(max(1, 2))


class C:
    len = lambda self: "class attribute"  # noqa: E731
    value = len("xy")  # the class namespace's len

    def method(self):
        return len("xyz")  # the global


print(C.value, C().method())
print(builtins.len is len)
