# global and nonlocal declarations across nested scopes.
counter = 0


def increment():
    global counter
    counter += 1
    return counter


increment()
increment()
print(counter)


def create_global():
    global created_later
    created_later = "made in function"


create_global()
print(created_later)


def read_global():
    return counter * 10


print(read_global())


def shadow():
    counter = "local"
    return counter


print(shadow(), counter)


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter()
inc()
inc(5)
print(get())
inc2, get2 = make_counter()
inc2()
print(get(), get2())


def outer():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            nonlocal x
            x = "inner changed middle"

        inner()
        return x

    m = middle()
    return x, m


print(outer())


def skip_level():
    x = 1

    def middle():
        def inner():
            nonlocal x
            x += 100

        inner()

    middle()
    return x


print(skip_level())


def global_in_nested():
    counter = "local counter"

    def inner():
        global counter
        counter = 1000

    inner()
    return counter


print(global_in_nested(), counter)


def nonlocal_loop():
    funcs = []
    total = 0
    for i in range(3):
        def add(i=i):
            nonlocal total
            total += i
        funcs.append(add)
    for f in funcs:
        f()
    return total


print(nonlocal_loop())


class K:
    global class_global
    class_global = "set from class body"
    value = counter


print(class_global, K.value)


def nonlocal_in_class_method():
    value = 1

    class Inner:
        def bump(self):
            nonlocal value
            value += 1
            return value

    Inner().bump()
    Inner().bump()
    return value


print(nonlocal_in_class_method())


def global_unbound():
    global never_defined
    try:
        return never_defined
    except NameError as e:
        return "NameError: %s" % e


print(global_unbound())


def uses_before_nonlocal_assign():
    v = "first"

    def f():
        nonlocal v
        old = v
        v = "second"
        return old

    return f(), v


print(uses_before_nonlocal_assign())
exec("global counter\ncounter = 'set by exec'")
print(counter)


def gen_with_nonlocal():
    state = 0

    def g():
        nonlocal state
        while True:
            state += 1
            yield state

    it = g()
    next(it)
    next(it)
    return state


print(gen_with_nonlocal())
print(sorted(k for k in globals() if not k.startswith("__")))
