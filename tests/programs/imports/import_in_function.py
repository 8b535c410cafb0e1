# nuitka-test: variant=--follow-imports
# Imports in functions, class bodies, conditionals, and their bindings.
import sys


def local_import():
    import pkg_basic.mod_a
    from pkg_basic.mod_a import helper
    return "pkg_basic" in dir(), helper(), sorted(locals())


print(local_import())
print("pkg_basic" in globals())


def conditional(flag):
    if flag:
        import json as chosen
    else:
        import pickle as chosen
    return chosen.__name__


print(conditional(True), conditional(False))


class WithImport:
    import os.path as path_in_class
    from pkg_basic.mod_a import A_CONST


print(WithImport.path_in_class.__name__, WithImport.A_CONST)


def import_binds_top_package():
    import pkg_basic.sub.sibling
    return pkg_basic.__name__, pkg_basic.sub.sibling.SIBLING


print(import_binds_top_package())


def unbound_before_import():
    try:
        return mod_a_local
    except NameError as e:
        print("  ", type(e).__name__, e)
    from pkg_basic import mod_a as mod_a_local
    return mod_a_local.__name__


print(unbound_before_import())


def global_import():
    global late_global_module
    import pkg_basic.mod_a as late_global_module


global_import()
print(late_global_module.__name__)
try:
    import pkg_basic.sub.sibling as sib, pkg_basic.sub as subpkg
    print(sib.SIBLING, subpkg.__name__)
finally:
    print("import inside try")
for name in ("json", "pkg_basic.mod_a"):
    module = __import__(name, fromlist=["*"])
    print(module.__name__)
print(sorted(k for k in sys.modules if k.startswith("pkg_basic")))
