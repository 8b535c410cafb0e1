# Calls of C functions and of methods of builtin types, made directly by
# compiled code when the flags allow it (runtime/calls.c), with each
# fallback: subclass instances, wrong types, wrong argument counts,
# keywords, recursion through C calls, replaced methods.
import sys


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


values = [3, 1, 2]
show("len O:", lambda: len(values))
show("len wrong count:", lambda: len(values, values))
show("len no args:", lambda: len())
show("isinstance FASTCALL:", lambda: isinstance(values, list))
show("isinstance wrong count:", lambda: isinstance(values))
show("print-like FASTCALL|KEYWORDS:", lambda: sorted(values))
show("sorted keyword:", lambda: sorted(values, reverse=True))
show("globals NOARGS:", lambda: type(globals()).__name__)
show("globals with arg:", lambda: globals(1))
show("getattr default:", lambda: getattr(values, "nothing", "default"))

# Bound methods of builtin objects (builtin_function_or_method).
append = values.append
append(4)
pop = values.pop
show("bound pop FASTCALL:", lambda: pop(0))
show("bound pop wrong:", lambda: pop(0, 1))
show("bound append O wrong:", lambda: append())
show("values:", lambda: values)
clear = {}.clear
show("bound NOARGS:", lambda: clear())
show("bound NOARGS with arg:", lambda: clear(1))

# Method descriptors, called as obj.method(...) (unbound after the load).
d = {"a": 1}
show("dict.get FASTCALL:", lambda: d.get("a"))
show("dict.get default:", lambda: d.get("b", 2))
show("dict.get wrong:", lambda: d.get())
show("dict.keys NOARGS:", lambda: list(d.keys()))
show("dict.keys with arg:", lambda: d.keys(1))
show("str.split FASTCALL|KEYWORDS:", lambda: "a b".split())
show("str.split keyword:", lambda: "a,b".split(sep=","))
show("str.join O:", lambda: "-".join(["x", "y"]))
show("str.join wrong:", lambda: "-".join([1]))
show("list.index:", lambda: [5, 6].index(6))
show("list.index missing:", lambda: [5, 6].index(7))


class MyList(list):
    pass


class OverridingList(list):
    def append(self, value):
        print("  OverridingList.append", value)
        super().append(value)


ml = MyList()
ml.append(1)
show("subclass instance:", lambda: (ml, type(ml).__name__))
ol = OverridingList()
ol.append(2)
show("overridden:", lambda: ol)
show("descriptor on wrong type:", lambda: list.append(d, 1))
show("descriptor without self:", lambda: list.append())
show("unbound call:", lambda: str.upper("abc"))


class Weird:
    upper = str.upper


show("descriptor from other class:", lambda: Weird().upper())

# Deep recursion through a METH_O builtin is a RecursionError as in CPython.
def nest(n):
    return repr([nest(n - 1)]) if n else "x"


sys.setrecursionlimit(200)
try:
    nest(10000)
except RecursionError as e:
    print("RecursionError:", type(e).__name__)
sys.setrecursionlimit(1000)
print(nest(3))
