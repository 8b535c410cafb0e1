# __code__ attributes of functions (what inspect and friends rely on).
import inspect
import os


def sample(a, b, /, c, *args, d, e=1, **kwargs):
    local1 = a
    local2 = b

    def inner():
        return local1

    return inner


def gen_func():
    yield 1


lam = lambda x: x

for f in (sample, gen_func, lam, sample(1, 2, 3, d=4)):
    co = f.__code__
    print(co.co_name, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
          co.co_varnames, co.co_cellvars, co.co_freevars, os.path.basename(co.co_filename),
          co.co_firstlineno)
    print(bool(co.co_flags & inspect.CO_VARARGS), bool(co.co_flags & inspect.CO_VARKEYWORDS),
          bool(co.co_flags & inspect.CO_GENERATOR), bool(co.co_flags & inspect.CO_NESTED))
print(sample.__code__.co_qualname if hasattr(sample.__code__, "co_qualname") else "n/a")
print(inspect.getsourcelines(lam)[1], inspect.getsource(gen_func), end="")
print(inspect.getfile(sample) == __file__, inspect.getmodule(sample).__name__)
print(inspect.isfunction(sample), inspect.isgeneratorfunction(gen_func), inspect.iscoroutinefunction(sample))
print(inspect.isroutine(lam), inspect.ismethod(sample), inspect.isbuiltin(len), inspect.isbuiltin(sample))
print(inspect.getfullargspec(sample))
print(type(sample.__code__).__name__)
