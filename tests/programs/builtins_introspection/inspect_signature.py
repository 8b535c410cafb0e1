# inspect.signature of many kinds of callables.
import functools
import inspect


def f0():
    pass


def f1(a, b=1, *args, c, d=2, **kwargs):
    pass


def f2(a, /, b, *, c):
    pass


def f3(a: int, b: "str" = "x") -> bool:
    pass


def f4(*, only_kw=None):
    pass


def f5(a=[], b={}, c=None, d=..., e=1.5, f=-1, g=(1, 2)):
    pass


def f6(x, y, /, z=3, *rest):
    pass


lam = lambda p, *q, r=1, **s: None


class C:
    def __init__(self, value, *, flag=False):
        pass

    def method(self, a, b=2):
        pass

    @classmethod
    def cm(cls, x):
        pass

    @staticmethod
    def sm(y, z=0):
        pass

    def __call__(self, q):
        pass


class NoInit:
    pass


def gen(n):
    yield n


for obj in (f0, f1, f2, f3, f4, f5, f6, lam, C, C.method, C(0).method, C.cm, C.sm, C(1), NoInit, gen,
            functools.partial(f1, 1, c=3), functools.partial(f2, 1)):
    try:
        sig = inspect.signature(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
        continue
    print(getattr(obj, "__name__", type(obj).__name__), sig, sig.return_annotation is inspect.Signature.empty)
    for p in sig.parameters.values():
        print("   ", p.name, p.kind.name, p.default is inspect.Parameter.empty, p.annotation is inspect.Parameter.empty)

sig = inspect.signature(f1)
bound = sig.bind(1, 2, 3, c=4, extra=5)
print(bound.arguments, bound.args, bound.kwargs)
bound.apply_defaults()
print(bound.arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError", e)
try:
    inspect.signature(f2).bind(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError", e)
print(inspect.signature(f3).parameters["a"].annotation, inspect.signature(f3).return_annotation)
print(str(inspect.signature(f5)))
print(inspect.signature(len), inspect.signature(sorted))
print(inspect.getcallargs(f1, 1, c=3))
new_sig = inspect.signature(f0).replace(parameters=[inspect.Parameter("z", inspect.Parameter.KEYWORD_ONLY)])
print(new_sig)


def with_signature_attr():
    pass


with_signature_attr.__signature__ = inspect.Signature([inspect.Parameter("custom", inspect.Parameter.POSITIONAL_ONLY)])
print(inspect.signature(with_signature_attr))
