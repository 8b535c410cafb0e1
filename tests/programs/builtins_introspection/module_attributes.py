"""Docstring of the module_attributes test program."""
# Module attributes of the main module and of imported modules.
import builtins
import os
import sys

print(__name__)
print(os.path.basename(__file__), os.path.isabs(__file__))
print(__doc__)
print(__spec__ is None)
print(__package__)
print(__builtins__ is builtins, type(__builtins__).__name__)
print(sys.modules["__main__"].__name__, sys.modules["__main__"].__doc__ == __doc__)
print(sys.modules[__name__] is sys.modules["__main__"])
main = sys.modules["__main__"]
print(main.__dict__ is globals(), getattr(main, "__file__", None) == __file__)
print(__cached__ if "__cached__" in globals() else "no __cached__")
print(type(__loader__).__name__ != "", hasattr(__loader__, "load_module") or hasattr(__loader__, "exec_module"))
print(sorted(k for k in globals() if k.startswith("__") and k.endswith("__") and k != "__compiled__"))
print(os.path.basename(os.path.dirname(__file__)))
print(os.path.basename(sys.argv[0]).rsplit(".", 1)[0])
print(len(sys.argv))


def function_sees():
    return __name__, __doc__ == globals()["__doc__"], os.path.basename(__file__)


print(function_sees())


class K:
    pass


print(K.__module__, function_sees.__module__, (lambda: 0).__module__)
import json

print(json.__name__, json.__package__, json.__spec__.name, os.path.basename(json.__file__))
print(json.__spec__.parent, json.__spec__.origin == json.__file__, json.__path__ is not None)
print(os.path.__name__, sys.__name__, type(sys).__name__, sys.__spec__.origin)
print(builtins.__name__, builtins.__doc__ is not None, builtins.__spec__.origin)
globals()["__doc__"] = "changed doc"
print(__doc__)
__name__ = "renamed"


def reports_name():
    return __name__


print(reports_name(), K.__module__)


class NewClass:
    pass


print(NewClass.__module__)
