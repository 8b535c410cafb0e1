# Tracebacks through decorators, functools.wraps wrappers, context managers
# and __exit__ that re-raises; ends uncaught.
import contextlib
import functools


def retry(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except ConnectionError as e:
                    print("attempt", attempt, "failed:", e)
            raise TimeoutError("gave up after %d attempts" % times)

        return wrapper

    return decorator


@retry(2)
def flaky(n):
    raise ConnectionError("no route %d" % n)


@contextlib.contextmanager
def transaction(name):
    print("begin", name)
    try:
        yield name
    except TimeoutError:
        print("rollback", name)
        raise
    else:
        print("commit", name)


with transaction("t1"):
    print("work in t1")
with transaction("t2"):
    flaky(7)
