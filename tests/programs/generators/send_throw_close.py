# send(), throw() and close() on generators, including the error cases.


def echo():
    print("  echo started")
    try:
        while True:
            try:
                value = yield
                print("  got", value)
            except ValueError as e:
                print("  caught ValueError in generator:", e)
                yield "recovered"
    finally:
        print("  echo finally")


g = echo()
try:
    g.send("too early")
except TypeError as e:
    print("TypeError", e)
print(g.send(None))
g.send(1)
print(g.throw(ValueError("boom")))
print(g.send(None))
g.send(2)
g.close()
g.close()
try:
    g.send(3)
except StopIteration:
    print("StopIteration after close")


def not_handling():
    yield 1
    yield 2


g = not_handling()
next(g)
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("generator finished after unhandled throw")

g = not_handling()
try:
    g.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("throw before start propagates", e)
print(list(g))

g = not_handling()
try:
    g.throw(TypeError)
except TypeError as e:
    print("throw with class", repr(e))

g = not_handling()
next(g)
try:
    g.throw(ValueError, ValueError("instance"), None)
except ValueError as e:
    print("three-arg throw", repr(e))
except DeprecationWarning as w:
    print("warning", w)


def catches_and_returns():
    try:
        yield 1
    except KeyError:
        return "returned after KeyError"


g = catches_and_returns()
next(g)
try:
    g.throw(KeyError)
except StopIteration as e:
    print("StopIteration value", e.value)


def ignores_exit():
    try:
        yield "again"
    except GeneratorExit:
        print("  ignoring GeneratorExit once")
    yield "after exit"
    print("  not reached")


g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
print("suspended at second yield:", g.gi_frame is not None)
g.close()
print("second close finished it:", g.gi_frame is None)


def close_returns_value():
    try:
        yield 1
    except GeneratorExit:
        print("  GeneratorExit received")
        raise


g = close_returns_value()
next(g)
print("close result", g.close())


def raises_in_finally_on_close():
    try:
        yield 1
    finally:
        raise ValueError("from finally during close")


g = raises_in_finally_on_close()
next(g)
try:
    g.close()
except ValueError as e:
    print("close propagated", e)

g = not_handling()
print(g.close(), list(g))


def running_state():
    yield gen_ref.gi_running


gen_ref = running_state()
print(gen_ref.gi_running, next(gen_ref), gen_ref.gi_running)


def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)


def throw_type_error():
    yield


g = throw_type_error()
next(g)
try:
    g.throw(5)
except TypeError as e:
    print("TypeError", e)
try:
    g.throw(ValueError("x"), "bad value")
except TypeError as e:
    print("TypeError", e)
except ValueError as e:
    print("ValueError", e)


def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


acc = accumulate()
next(acc)
for n in (1, 2, 3):
    print("running total", acc.send(n))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)


def throw_traceback():
    yield 1


g = throw_traceback()
next(g)
try:
    g.throw(ZeroDivisionError("tb"))
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback frames", names)
