# Comprehensions in PEP 695 annotation scopes (TypeVar bounds, alias
# values) whose variable shadows the type parameter and is captured: the
# lambdas get the comprehension's cell, not the type parameter's.

type Alias[T: [lambda: T for T in (T, [1])[1]]] = [lambda: T for T in T.__name__]
func, = Alias.__value__
print(repr(func()))
T, = Alias.__type_params__
func, = T.__bound__
print(repr(func()))
print(repr(T))


def g[T]():
    return [lambda: T for T in [5]], T


fs, t = g()
print(fs[0](), t)


class C[T]:
    x = [lambda: T for T in [6]]


print(C.x[0](), C.__type_params__)
# (Reading T in the class body after that comprehension crashes CPython
# 3.13.0 itself, so it is not tested here.)
