# Pickling and copying functions and classes by reference; instances by value.
import copy
import copyreg
import pickle


def module_function(x):
    return x * 2


class ModuleClass:
    def __init__(self, v):
        self.v = v

    def method(self):
        return self.v

    @staticmethod
    def static():
        return "static"

    @classmethod
    def cm(cls):
        return cls.__name__

    class Nested:
        def __init__(self):
            self.n = "nested"

    def __eq__(self, other):
        return type(other) is type(self) and other.v == self.v


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    f = pickle.loads(pickle.dumps(module_function, proto))
    c = pickle.loads(pickle.dumps(ModuleClass, proto))
    inst = pickle.loads(pickle.dumps(ModuleClass([1, 2]), proto))
    nested = pickle.loads(pickle.dumps(ModuleClass.Nested(), proto))
    bound = pickle.loads(pickle.dumps(ModuleClass(5).method, proto))
    static = pickle.loads(pickle.dumps(ModuleClass.static, proto))
    cm = pickle.loads(pickle.dumps(ModuleClass.cm, proto))
    print(proto, f is module_function, f(3), c is ModuleClass, inst.v, type(inst) is ModuleClass,
          nested.n, bound(), static(), cm())

print(b"module_function" in pickle.dumps(module_function), b"__main__" in pickle.dumps(module_function))
print(copy.copy(module_function) is module_function, copy.deepcopy(module_function) is module_function)
print(copy.copy(ModuleClass) is ModuleClass, copy.deepcopy(ModuleClass) is ModuleClass)
obj = ModuleClass([1, [2]])
shallow = copy.copy(obj)
deep = copy.deepcopy(obj)
print(shallow.v is obj.v, deep.v is obj.v, deep.v[1] is obj.v[1], deep == obj)


def outer():
    def inner():
        pass

    return inner


for thing in (outer(), lambda: 0, (x for x in [])):
    try:
        pickle.dumps(thing)
    except (pickle.PicklingError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(copy.copy(outer()) is not None, copy.deepcopy(outer()).__name__)


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a * 10, self.b))


r = pickle.loads(pickle.dumps(Reduced(1, "x")))
print(r.a, r.b)


class Point:
    def __init__(self, x):
        self.x = x


def reduce_point(p):
    return (Point, (p.x + 100,))


copyreg.pickle(Point, reduce_point)
print(pickle.loads(pickle.dumps(Point(1))).x, copy.copy(Point(2)).x)
data = {"f": module_function, "c": ModuleClass, "list": [len, print, pickle.dumps]}
restored = pickle.loads(pickle.dumps(data))
print(restored["f"] is module_function, restored["c"] is ModuleClass, restored["list"][0] is len)
print(pickle.loads(pickle.dumps(ModuleClass.method)) is ModuleClass.method)
print(pickle.loads(pickle.dumps(ModuleClass.__init__)) is ModuleClass.__init__)
print(copy.copy(ModuleClass(3).method)())
