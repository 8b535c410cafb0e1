# Places where CPython wants exactly a Python function: compiled functions
# must be accepted the same way (pickling and copying by reference, type()
# turning __new__/__init_subclass__/__class_getitem__ into static/class
# methods, staticmethod/classmethod/singledispatch/inspect).
import copy
import functools
import inspect
import pickle
import types


def f(x):
    return x * 2


class C:
    def m(self):
        return "m"


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(f, proto)) is f, pickle.loads(pickle._dumps(f, proto)) is f,
          pickle.loads(pickle.dumps(C.m, proto)) is C.m)
print(copy.copy(f) is f, copy.deepcopy(f) is f, copy.deepcopy({"k": [f]})["k"][0] is f)


def init_subclass(cls, **kw):
    print("init_subclass", cls.__name__, sorted(kw.items()))


def new(cls, *args):
    print("new", cls.__name__, args)
    return object.__new__(cls)


def class_getitem(cls, item):
    return (cls.__name__, item)


B = type("B", (), {"__init_subclass__": init_subclass, "__new__": new, "__class_getitem__": class_getitem})
for name in ("__init_subclass__", "__new__", "__class_getitem__"):
    print(name, type(B.__dict__[name]).__name__)


class D(B, flag=1):
    pass


D(1, 2)
print(B[int], D["x"])
print(type(B.__new__).__name__, type(B().__new__).__name__)


class Meta(type):
    pass


M = Meta("M", (), {"__new__": new})
print(type(M.__dict__["__new__"]).__name__, type(M(3)).__name__)
ns = {"__new__": new}
type("Untouched", (), ns)
print("caller's namespace unchanged:", type(ns["__new__"]).__name__)
print(type(f).__name__, type(C).__name__)

sm, cm = staticmethod(f), classmethod(f)
print(sm.__wrapped__ is f, cm.__func__ is f, sm.__name__, sm(2))
print(functools.singledispatch(f)(3), functools.partial(f, 4)())
print(inspect.isfunction(f), isinstance(f, types.FunctionType), inspect.signature(f))
