# Closures and cells: late binding, cell contents, shared cells, empty cells.


def make_closures():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return fns


print([f() for f in make_closures()])


def make_bound():
    return [lambda i=i: i for i in range(3)]


print([f() for f in make_bound()])


def make_factory():
    def factory(i):
        return lambda: i

    return [factory(i) for i in range(3)]


print([f() for f in make_factory()])


def shared_cell():
    value = "initial"

    def get():
        return value

    def set_(v):
        nonlocal value
        value = v

    return get, set_


get, set_ = shared_cell()
print(get())
set_("changed")
print(get(), get.__closure__[0] is set_.__closure__[0])
print(get.__closure__[0].cell_contents, get.__code__.co_freevars, shared_cell.__code__.co_cellvars)


def cell_changes_after_creation():
    x = 1

    def f():
        return x

    x = 2
    return f


print(cell_changes_after_creation()())


# The cell repr contains an address; print only the type name.
def empty_cell_no_repr():
    def f():
        return never

    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    cell = f.__closure__[0]
    print(type(cell).__name__)
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError", e)
    never = 1
    print(cell.cell_contents)
    cell.cell_contents = 99
    return f()


print(empty_cell_no_repr())


def argument_in_closure(arg):
    def inner():
        return arg * 2

    arg = arg + 1
    return inner()


print(argument_in_closure(5))


def closure_over_loop_var_in_while():
    fns = []
    n = 0
    while n < 3:
        fns.append(lambda: n)
        n += 1
    return [f() for f in fns]


print(closure_over_loop_var_in_while())


def closure_in_comprehension():
    return [(lambda: x)() for x in range(3)], [f() for f in [lambda: x for x in range(3)]]


print(closure_in_comprehension())


def accumulator(start):
    total = start

    def add(n):
        nonlocal total
        total += n
        return total

    return add


acc = accumulator(10)
print(acc(1), acc(2), acc(3), acc.__closure__[0].cell_contents)

import types

cell = types.CellType(5)
print(cell.cell_contents)
cell.cell_contents = 6
print(cell.cell_contents)
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print("ValueError", e)


def class_in_closure():
    secret = "s3cr3t"

    class Inner:
        def reveal(self):
            return secret

        attr = secret

    secret = "changed"
    return Inner().reveal(), Inner.attr


print(class_in_closure())


def generator_closure():
    items = []

    def gen():
        for i in range(3):
            items.append(i)
            yield len(items)

    return list(gen()), items


print(generator_closure())


def closure_with_del():
    x = 1

    def f():
        return x

    del x
    try:
        return f()
    except NameError as e:
        return str(e)


print(closure_with_del())
print(make_closures.__closure__, accumulator(0).__code__.co_freevars)
