# Type parameter defaults (PEP 696): each default is an annotation scope of
# its own, after the bound's, with the same name and line.


def f[T: (lambda b1: int)(0) = (lambda d1: str)(0), *Ts = (lambda d2: tuple)(0), **P = [lambda d3: d3][0]]():
    return T


T, Ts, P = f.__type_params__
print(T.__bound__, T.__default__, Ts.__default__, P.__default__(3))


class C[A = [x4 for x4 in (int,)][0], B: int = (lambda d5: bool)(0)]:
    pass


print([(p.__name__, p.__default__, p.__bound__) for p in C.__type_params__])
type Alias[K: (lambda b6: int)(0) = (lambda d6: int)(0)] = [lambda: K for _ in "a"]
print(Alias.__type_params__[0].__bound__, Alias.__type_params__[0].__default__, Alias.__value__[0]())
