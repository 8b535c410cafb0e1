# Stand-in for pyperformance's coroutines: fibonacci(argv[1]) as awaited coroutines
# (one coroutine per call).
import sys


async def fibonacci(n):
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def run(n):
    coro = fibonacci(n)
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(run(int(sys.argv[1])))
