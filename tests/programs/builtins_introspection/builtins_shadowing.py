# Builtins shadowed at module level, in functions, and replaced at run time
# through the builtins module.
import builtins


def use_len(x):
    return len(x)


print(use_len("abc"))
len = lambda x: "shadowed len(%r)" % (x,)
print(use_len("abc"), len([1]))
del len
print(use_len("abc"), len([1]))

original_len = builtins.len
builtins.len = lambda x: "builtins.len replaced"
print(use_len("abc"))
builtins.len = original_len
print(use_len("abc"))


def local_shadow():
    print = "local print"
    return print


print(local_shadow())


def uses_sum(values):
    return sum(values)


builtins.sum = lambda values: "replaced sum"
print(uses_sum([1, 2]))
del builtins.sum
try:
    uses_sum([1, 2])
except NameError as e:
    print("NameError", e)
import importlib

builtins.sum = importlib.import_module("builtins").__dict__.get("sum") or (lambda v: "missing")
try:
    print(uses_sum([1, 2]))
except Exception as e:
    print(type(e).__name__, e)


class Restore:
    pass


import math


def restore_sum():
    def real_sum(values, start=0):
        total = start
        for v in values:
            total += v
        return total

    builtins.sum = real_sum


restore_sum()
print(uses_sum([1, 2, 3]))
print(isinstance(True, int), type(True).__name__)
str_backup = str


def shadow_type_names():
    int = float
    list = tuple
    return int("1.5"), list([1, 2])


print(shadow_type_names())
print(int("7"), list((1,)))
True_ = True
None_ = None
print(True_, None_)


def uses_open():
    return open


builtins.open = "patched open"
print(uses_open())
del builtins.open
try:
    uses_open()
except NameError as e:
    print("NameError", e)
import io

builtins.open = io.open
print(uses_open() is io.open)
range = lambda *a: ["fake range", a]
print(range(3))
print([x for x in builtins.range(3)])
del range
print(list(range(2)))
globals()["abs"] = lambda v: "abs via globals()"
print(abs(-1))
del globals()["abs"]
print(abs(-1))
builtins.custom_builtin = "visible everywhere"
print(custom_builtin, eval("custom_builtin"))


def later():
    return custom_builtin


print(later())
del builtins.custom_builtin
try:
    later()
except NameError as e:
    print("NameError", e)
old_print = builtins.print


def prefixed(*args, **kwargs):
    old_print("[prefixed]", *args, **kwargs)


builtins.print = prefixed
print("through replaced print")
builtins.print = old_print
print("restored print")


import json
import os.path
import collections


def dunder_import_replaced():
    calls = []
    real_import = builtins.__import__

    def tracing_import(name, *args, **kwargs):
        calls.append((name, kwargs.get("fromlist", args[2] if len(args) > 2 else None)))
        return real_import(name, *args, **kwargs)

    builtins.__import__ = tracing_import
    try:
        import json
        import os.path
        from collections import OrderedDict
    finally:
        builtins.__import__ = real_import
    return calls


print(dunder_import_replaced())
