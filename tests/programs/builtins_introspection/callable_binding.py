# callable(), method binding, __self__/__func__, descriptors of functions.
import types


class K:
    attr = 1

    def method(self, x):
        return ("method", type(self).__name__, x)

    @classmethod
    def cm(cls, x):
        return ("cm", cls.__name__, x)

    @staticmethod
    def sm(x):
        return ("sm", x)

    def __call__(self):
        return "instance called"


class Sub(K):
    pass


k = K()
print(callable(K), callable(k), callable(k.method), callable(K.attr), callable(len), callable(None))
print(callable(lambda: 0), callable(print), callable(type), callable(object()), callable(K.sm))
bm = k.method
print(type(bm).__name__, bm.__self__ is k, bm.__func__ is K.method, bm(1), bm.__name__, bm.__qualname__)
print(K.method(k, 2), type(K.method).__name__, K.__dict__["method"] is K.method)
print(k.cm(3), K.cm(3), Sub.cm(3), Sub().cm(3), K.cm.__self__ is K, Sub.cm.__self__ is Sub)
print(k.sm(4), K.sm(4), type(K.__dict__["sm"]).__name__, type(K.sm).__name__)
print(k.method == k.method, k.method is k.method, k.method != K().method, hash(k.method) == hash(k.method))


def free_function(self, y):
    return ("free", type(self).__name__, y)


K.attached = free_function
print(k.attached(5), type(k.attached).__name__)
k.instance_attached = free_function
try:
    print(k.instance_attached(6))
except TypeError as e:
    print("TypeError", e)
print(k.instance_attached(k, 6))
k.bound_manually = types.MethodType(free_function, k)
print(k.bound_manually(7))
bound = free_function.__get__(k, K)
print(bound(8), bound.__self__ is k)
unbound = free_function.__get__(None, K)
print(unbound is free_function)
print(K.__dict__["cm"].__get__(None, Sub)(9), K.__dict__["sm"].__get__(k)(10))
lam = lambda self: ("lambda as method", type(self).__name__)
K.lam = lam
print(k.lam())
K.builtin_attr = len
print(K.builtin_attr([1, 2]), k.builtin_attr([1, 2, 3]))


class CallableClassAttr:
    class Inner:
        pass

    factory = Inner


print(type(CallableClassAttr().factory()).__name__)
m = [1, 2].append
print(type(m).__name__, m.__self__, m.__name__, getattr(m, "__func__", "no __func__"))
print(type(str.upper).__name__, type("a".upper).__name__, str.upper("x"), type(dict.fromkeys).__name__)
print(type(K.__init__).__name__, type(k.__init__).__name__, type(K.__call__).__name__, k())
bm2 = getattr(k, "method")
print(bm2(11), bm2.__func__.__name__)
try:
    bm.__self__ = None
except AttributeError as e:
    print("AttributeError", e)
print(bm.__doc__, bm.__module__, getattr(bm, "__wrapped__", "no __wrapped__"))
print(repr(bm).startswith("<bound method K.method of <__main__.K object at 0x"))


class Meta(type):
    def meta_method(cls):
        return "meta_method bound to %s" % cls.__name__


class WithMeta(metaclass=Meta):
    pass


print(WithMeta.meta_method(), type(WithMeta.meta_method).__name__, WithMeta.meta_method.__self__ is WithMeta)
