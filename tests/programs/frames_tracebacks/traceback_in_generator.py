# Exceptions through generator frames, yield from delegation and send().


def inner_gen():
    yield 1
    raise ValueError("inner generator failed")


def middle_gen():
    result = yield from inner_gen()
    yield result


def consumer():
    total = 0
    for value in middle_gen():
        total += value
    return total


try:
    consumer()
except ValueError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next


def echo():
    while True:
        received = yield
        if received == "bad":
            raise KeyError(received)
        print("echo", received)


g = echo()
next(g)
g.send("good")
g.send("bad")
