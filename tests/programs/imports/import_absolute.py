# nuitka-test: variant=--follow-imports
# Absolute imports of sibling packages and modules in all statement forms.
import os
import sys

print("before any import")
import pkg_basic

print(pkg_basic.VALUE, pkg_basic.__doc__, pkg_basic.mod_a.A_CONST, pkg_basic.exported_helper())
import pkg_basic.sub.mod_b

print(pkg_basic.sub.mod_b.describe())
import pkg_basic.sub.mod_b as mb

print(mb is pkg_basic.sub.mod_b, mb.__name__)
from pkg_basic import mod_a as renamed, VALUE

print(renamed.__name__, VALUE)
from pkg_basic.sub import sibling, SIBLING as S

print(sibling.SIBLING, S)
from pkg_basic.mod_a import AClass

print(AClass().where())
import _plain_module
from _plain_module import module_func, MODULE_CONST as MC

print(_plain_module.__name__, _plain_module.__doc__, module_func(1), MC)
print(os.path.basename(_plain_module.__file__), os.path.basename(pkg_basic.__file__))
print(sorted(name for name in sys.modules if name.startswith(("pkg_basic", "_plain"))))
print(sys.modules["pkg_basic.sub"] is pkg_basic.sub, "mod_b" in dir(pkg_basic.sub))
import pkg_basic as again

print(again is pkg_basic)
import importlib

dynamic = importlib.import_module("pkg_basic.sub.sibling")
print(dynamic is sibling)
relative_dynamic = importlib.import_module(".mod_a", "pkg_basic")
print(relative_dynamic is renamed)
top = __import__("pkg_basic.sub.mod_b")
print(top is pkg_basic)
leaf = __import__("pkg_basic.sub.mod_b", fromlist=["describe"])
print(leaf is mb)
print(mb.too_far())
