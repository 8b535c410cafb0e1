# Class body scoping: class variables are not visible in methods or nested
# comprehension scopes; the body runs once, top to bottom.
x = "global x"
y = "global y"


class Scope:
    x = "class x"
    print("in class body, x =", x)
    doubled = x * 2

    def method(self):
        return x

    def method_with_class_attr(self):
        return self.x, Scope.x, type(self).x

    lam = lambda self: x
    first_iterable = [x for _ in range(1)]
    try:
        comp_condition = [1 for _ in range(1) if doubled]
    except NameError as e:
        comp_condition = "NameError: %s" % e
    outer_iterable_ok = [v for v in doubled[:3]]
    gen_first = list(c for c in x[:2])


s = Scope()
print(s.method(), s.method_with_class_attr(), s.lam())
print(Scope.first_iterable, Scope.comp_condition, Scope.outer_iterable_ok, Scope.gen_first)


def enclosing():
    y = "enclosing y"

    class Inner:
        y = "class y"
        seen_in_body = y

        def method(self):
            return y

        comp = [y for _ in range(1)]

    return Inner.seen_in_body, Inner().method(), Inner.comp


print(enclosing())


def class_reads_enclosing_then_global():
    z = "enclosing z"

    class C:
        print("class body sees", z)
        z = "class z"
        print("after assignment", z)

    return C.z


z = "global z"
print(class_reads_enclosing_then_global())


def class_uses_global_when_local_assigned_later():
    w = "enclosing w"

    class C:
        try:
            before = w
        except NameError as e:
            before = "NameError %s" % e
        w = "class w"

    return C.before


w = "global w"
print(class_uses_global_when_local_assigned_later())


class Counter:
    count = 0
    count += 1
    items = []
    items.append(count)
    for i in range(3):
        items.append(i)
    del i
    if count:
        conditional = "yes"
    else:
        conditional = "no"


print(Counter.count, Counter.items, Counter.conditional, hasattr(Counter, "i"))


class Nested:
    value = 1

    class Inner:
        try:
            value_from_outer = value
        except NameError as e:
            value_from_outer = "NameError: %s" % e

    print("qualname of inner:", Inner.__qualname__)


print(Nested.Inner.value_from_outer)


class SelfReference:
    try:
        SelfReference
    except NameError as e:
        error = str(e)


print(SelfReference.error)


class Locals:
    a = 1
    b = 2
    snapshot = sorted(k for k in locals() if not k.startswith("__"))
    module_name = __module__
    qual = __qualname__


print(Locals.snapshot, Locals.module_name, Locals.qual)


def make_class(param):
    class Made:
        captured = param

        def get(self):
            return param

    return Made


print(make_class(1).captured, make_class(2)().get(), make_class(3).__qualname__)


class Shadow:
    len = lambda self: "shadowed len"
    result = len("abc") if False else "skip"
    print(len.__qualname__)


print(Shadow().len(), len("abc"))


class NameMangling:
    __private = "mangled"

    def get(self):
        return self.__private

    def get_other(self, other):
        return other.__private


nm = NameMangling()
print(nm.get(), nm._NameMangling__private, hasattr(nm, "__private"), nm.get_other(nm))
print(sorted(k for k in NameMangling.__dict__ if "private" in k))


class Empty:
    pass


print(sorted(k for k in Empty.__dict__))
print(sorted(k for k in Scope.__dict__ if not k.startswith("__")))
