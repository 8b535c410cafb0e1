"""Package with module-level __getattr__ and __dir__ (PEP 562)."""
import importlib

_submodules = ["heavy"]
eager = "eager value"


def __getattr__(name):
    print("  pkg_lazy.__getattr__", name)
    if name in _submodules:
        return importlib.import_module("." + name, __name__)
    if name == "computed":
        return "computed on demand"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(["eager", "computed"] + _submodules)
