# Functions nested three deep: scoping, qualnames, closures, recursion.


def level1(a):
    b = a * 2

    def level2(c):
        d = c + b

        def level3(e):
            return a, b, c, d, e

        return level3

    return level2


f3 = level1(1)(10)
print(f3(100))
print(level1.__qualname__, level1(1).__qualname__, f3.__qualname__)
print(f3.__code__.co_freevars, f3.__name__)


def counter_factory():
    count = 0

    def make_incrementer(step):
        def increment():
            nonlocal count
            count += step
            return count

        return increment

    return make_incrementer


mk = counter_factory()
by1 = mk(1)
by10 = mk(10)
print(by1(), by10(), by1(), by10())


def recursive_inner(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)

    return fact(n)


print(recursive_inner(10))


def mutual():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)

    def is_odd(n):
        return False if n == 0 else is_even(n - 1)

    return is_even(10), is_odd(7), is_even(3)


print(mutual())


def shadowing():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            return x

        return inner()

    def middle_no_local():
        def inner():
            return x

        return inner()

    return middle(), middle_no_local()


print(shadowing())


def builds_classes():
    def method_factory(tag):
        def method(self):
            return "%s:%s" % (tag, type(self).__name__)

        return method

    class A:
        hello = method_factory("A")

        class Nested:
            def deep(self):
                def deeper():
                    return "deeper"

                return deeper

    return A().hello(), A.Nested().deep()(), A.Nested.deep.__qualname__, A.Nested().deep().__qualname__


print(builds_classes())


def defaults_from_enclosing():
    base = 5

    def inner(x=base):
        return x

    base = 6
    return inner(), inner.__defaults__


print(defaults_from_enclosing())


def redefine_each_call(n):
    def inner():
        return n

    return inner


a = redefine_each_call(1)
b = redefine_each_call(2)
print(a(), b(), a is b, a.__code__ is b.__code__)


def generators_nested():
    def gen(limit):
        def transform(v):
            return v * v

        for i in range(limit):
            yield transform(i)

    return list(gen(4))


print(generators_nested())


def lambda_in_nested():
    factor = 3

    def inner():
        return list(map(lambda v: v * factor, range(3)))

    return inner()


print(lambda_in_nested())


def global_from_nested():
    def inner():
        global GLOBAL_FROM_NESTED
        GLOBAL_FROM_NESTED = "set"

    inner()


global_from_nested()
print(GLOBAL_FROM_NESTED)


def free_var_from_two_levels_up():
    top = "top"

    def mid():
        def bottom():
            return top

        return bottom

    return mid()()


print(free_var_from_two_levels_up())


def conditional_def(flag):
    if flag:
        def chosen():
            return "first"
    else:
        def chosen():
            return "second"
    return chosen()


print(conditional_def(True), conditional_def(False))


def def_in_loop():
    funcs = {}
    for name in ("a", "b"):
        def f(name=name):
            return name
        funcs[name] = f
    return {k: v() for k, v in funcs.items()}


print(def_in_loop())
