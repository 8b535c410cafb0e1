# wrapt (C extension with a pure-Python fallback) and cloudpickle (pickles
# functions by value: needs the code objects of compiled functions).
import pickle

import cloudpickle
import wrapt


@wrapt.decorator
def traced(wrapped, instance, args, kwargs):
    print("calling", wrapped.__name__, args)
    return wrapped(*args, **kwargs)


@traced
def add(a, b):
    return a + b


print(add(1, 2), add.__name__, type(add).__name__)
data = cloudpickle.dumps(lambda x: x * 3)
print(pickle.loads(data)(4))


def outer(n):
    def inner(x):
        return x + n
    return inner


print(pickle.loads(cloudpickle.dumps(outer(10)))(5))
