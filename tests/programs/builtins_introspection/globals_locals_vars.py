# globals(), locals() and vars() at module, function and class level.
import sys

module_value = 1
print(globals() is vars(), globals() is sys.modules[__name__].__dict__)
print(locals() is globals())
print(globals()["module_value"], "module_value" in vars())
globals()["injected"] = "via globals()"
print(injected)
vars()["via_vars"] = 2
print(via_vars)


def func(a, b=2, *args, **kwargs):
    c = a + b
    snapshot = locals()
    print(sorted(snapshot.items()))
    d = 4
    print("d in old snapshot:", "d" in snapshot, "| in new:", "d" in locals())
    locals()["c"] = "not written back"
    print("c still", c)
    print(vars() == locals(), sorted(vars()))
    return globals() is sys.modules["__main__"].__dict__


print(func(1, 2, 3, k=4))


def closure_locals():
    free = "free value"

    def inner():
        local = 1
        return sorted(locals().items())

    def uses_free():
        local = 1
        return sorted(locals().items()), free

    return inner(), uses_free()


print(closure_locals())


def cell_locals():
    cell = "in cell"

    def reader():
        return cell

    return sorted(locals())


print(cell_locals())


class Body:
    a = 1
    b = a + 1
    body_locals = sorted(k for k in locals() if not k.startswith("__"))
    has_module = "__module__" in locals()
    has_qualname = "__qualname__" in locals()
    globals_is_module = globals() is sys.modules[__name__].__dict__


print(Body.body_locals, Body.has_module, Body.has_qualname, Body.globals_is_module)


class Obj:
    def __init__(self):
        self.x = 1
        self.y = [2]


o = Obj()
print(vars(o), vars(o) is o.__dict__)
vars(o)["z"] = 3
print(o.z)
print(sorted(k for k in vars(Obj) if not k.startswith("__")), type(vars(Obj)).__name__)
for bad in (5, "s", [1]):
    try:
        vars(bad)
    except TypeError as e:
        print("TypeError", e)
import math

print(vars(math)["pi"] == math.pi)


def comprehension_locals():
    outer_v = 1
    return [sorted(locals()) for _ in range(1)][0]


print(comprehension_locals())


def generator_locals():
    a = 1
    yield sorted(locals())
    b = 2
    yield sorted(locals())


print(list(generator_locals()))


def modify_global_via_globals():
    globals()["created_in_function"] = "yes"
    return created_in_function


print(modify_global_via_globals())


def lambda_locals():
    return (lambda p, q=2: sorted(locals().items()))(1)


print(lambda_locals())


def del_and_locals():
    x = 1
    del x
    return locals()


print(del_and_locals())
print(sorted(k for k in globals() if not k.startswith("__") and k != "__compiled__"))
