# del of names, attributes, subscripts, slices, tuples; and the errors.


def show(label, func):
    try:
        func()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "-> ok")


x = 1
del x
print("x" in globals())
try:
    del x
except NameError as e:
    print("NameError", e)
try:
    print(x)
except NameError as e:
    print("NameError", e)

a, b, c = 1, 2, 3
del a, b
print("a" in globals(), "b" in globals(), c)
lst = [1, 2, 3, 4]
d = {"k": 1, "j": 2}
del lst[0], d["k"]
print(lst, d)
del (lst[0], [d["j"]])
print(lst, d)


class O:
    cls_attr = 1

    def __init__(self):
        self.inst = 2


o = O()
del o.inst
print(hasattr(o, "inst"))
try:
    del o.inst
except AttributeError as e:
    print("AttributeError", e)
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError", e)
del O.cls_attr
print(hasattr(O, "cls_attr"))
try:
    del d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    del lst[10]
except IndexError as e:
    print("IndexError", e)
try:
    del (1, 2)[0]
except TypeError as e:
    print("TypeError", e)
try:
    del "s".upper
except AttributeError as e:
    print("AttributeError", e)


def local_del():
    y = 5
    del y
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    try:
        del y
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    y = 6
    return y


print(local_del())

g = "global"


def del_global():
    global g
    del g


del_global()
print("g" in globals())
try:
    del_global()
except NameError as e:
    print("NameError", e)


def del_closure():
    v = 1

    def inner():
        return v

    del v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 2
    return inner()


print(del_closure())


def del_nonlocal():
    v = 1

    def inner():
        nonlocal v
        del v

    inner()
    try:
        return v
    except NameError as e:
        return "%s: %s" % (type(e).__name__, e)


print(del_nonlocal())


class Deleter:
    def __delitem__(self, key):
        print("delitem", key)

    def __delattr__(self, name):
        print("delattr", name)


dd = Deleter()
del dd[1], dd[1:2], dd["a", 1], dd.some, dd.other
for i in range(3):
    pass
del i
print("i" in globals())
lst = list(range(10))
del lst[::2], lst[0]
print(lst)
try:
    del lst[:: 0]
except ValueError as e:
    print("ValueError", e)


class Slotted:
    __slots__ = ("s",)


so = Slotted()
try:
    del so.s
except AttributeError as e:
    print("AttributeError", e)
so.s = 1
del so.s
print(hasattr(so, "s"))
