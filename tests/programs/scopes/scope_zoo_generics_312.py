# Annotation scopes (PEP 695) with scopes nested in them, several per line:
# type parameter blocks of generic defs and classes, lazily evaluated TypeVar
# bounds and alias values, with lambdas and comprehensions inside, also in
# class bodies, where comprehensions of annotation scopes are not inlined
# (and see the class namespace).


def show(label, *values):
    print(label, *values)


def deco(fn):
    return fn


@deco
def first[T: (lambda b1: int)(0), *Ts, **P](a=lambda d1: d1, *, k=(lambda d2: d2)(2)) -> (lambda r1: T):
    return a(1), k


show("first", first(), first.__type_params__[0].__bound__, first.__annotations__["return"](0).__name__)


def one[A: (lambda a3: int)(0)](x: A = (lambda d3: d3)(1)) -> A: return x, (lambda y3: y3)(3)


show("one line", one())


class Box[T: [c4 for c4 in (int, str)][0]]((lambda b5: dict)(0)):
    # (Lambdas and comprehensions are not allowed in annotation scopes
    # directly in a class body.)
    scope = "class"
    type Alias[U: int] = (T, U, scope)
    values = [(lambda v8: v8)(i8) for i8 in range(3)]

    def method[M](self, m9=lambda n9: n9) -> list[M]:
        return m9((lambda p9: p9)(9)), [lambda: M for _ in "a"][0]()


show("box", Box.__type_params__, Box.__type_params__[0].__bound__)
show("alias", Box.Alias.__type_params__, Box.Alias.__value__)
show("alias bound", Box.Alias.__type_params__[0].__bound__)
show("values", Box.values, Box().method(), Box.method.__annotations__["return"])


class Outer:
    scope = "outer class"
    type Sees = scope

    def generic[T: scope](self):
        return [lambda: T for _ in "a"][0]()


show("class namespace", Outer.Sees.__value__)
show("bound sees class", Outer.generic.__type_params__[0].__bound__, Outer().generic())

type Top[K, V: (lambda w10: w10)] = dict[K, [v11 for v11 in (V,)][0]]
show("top", Top.__type_params__, Top.__value__)
pair = (lambda: [first, one])(), [type(t) for t in (Top, Box.Alias)]
show("pair", [f.__name__ for f in pair[0]], pair[1])
