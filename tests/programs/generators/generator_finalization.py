# Generator finalisation: finally blocks and GeneratorExit when generators
# are closed or dropped, including errors raised during finalisation.
import gc


def resource(name):
    print("  open", name)
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit in", name)
        raise
    finally:
        print("  close", name)


print("drop after partial iteration:")
g = resource("a")
next(g)
del g
print("after del")

print("rebinding:")
g = resource("b")
next(g)
g = None
print("after rebinding")

print("never started:")
g = resource("c")
del g
print("after del of unstarted generator")

print("exhausted:")
for v in resource("d"):
    pass
print("after loop")

print("break out of loop:")
for v in resource("e"):
    break
print("after break")

print("function scope end:")


def use_partially():
    g = resource("f")
    next(g)
    return "returning"


print(use_partially())


def ignoring():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring GeneratorExit while being finalized")
    yield 2


print("finalizing a generator that yields in GeneratorExit handler:")
g = ignoring()
next(g)
del g
print("after del of ignoring generator")


def raising_in_finally():
    try:
        yield 1
    finally:
        raise ValueError("raised while finalizing")


print("exception during finalization:")
g = raising_in_finally()
next(g)
del g
print("after del of raising generator")

print("cycle collected by gc:")


def cyclic():
    me = yield
    try:
        yield 1
    finally:
        print("  cyclic generator finally")


g = cyclic()
next(g)
g.send(g)
del g
gc.collect()
print("after gc.collect")


def nested_finalization():
    def inner():
        try:
            yield "inner"
        finally:
            print("  inner finally")

    try:
        yield from inner()
    finally:
        print("  outer finally")


print("nested:")
g = nested_finalization()
next(g)
del g
print("after nested del")
held = resource("kept until exit")
next(held)
print("end of program, one generator still suspended")
