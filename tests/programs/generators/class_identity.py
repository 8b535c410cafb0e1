# Compiled generators, coroutines and async generators answer CPython's
# types for __class__ (code like `g.__class__ in {GeneratorType, ...}`),
# while isinstance, inspect, asyncio, copy/pickle errors, __class__
# assignment and weakrefs behave as uncompiled.
import types, copy, pickle, inspect, asyncio, collections.abc as abc, weakref
def g(): yield 1
async def c(): return 5
async def ag(): yield 1
for obj in (g(), c(), ag()):
    print(type(obj), type(obj).__name__, type(obj).__qualname__, type(obj).__module__)
    print(obj.__class__, obj.__class__ in {types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType})
    print(obj.__class__ is type(obj).__mro__[-2], type(obj).__mro__[-2:], sorted(set(dir(obj)) ^ set(dir(type(obj).__mro__[-2]))))
    print(repr(obj).split(" at ")[0])
    print(isinstance(obj, types.GeneratorType), isinstance(obj, types.CoroutineType), isinstance(obj, types.AsyncGeneratorType))
    print(isinstance(obj, type(obj)), isinstance(obj, abc.Generator), isinstance(obj, abc.Coroutine), isinstance(obj, abc.Awaitable), isinstance(obj, abc.AsyncGenerator))
    print(inspect.isgenerator(obj), inspect.iscoroutine(obj), inspect.isasyncgen(obj), inspect.isawaitable(obj), asyncio.iscoroutine(obj))
    for f in (copy.copy, copy.deepcopy, lambda o: pickle.dumps(o, 0), lambda o: pickle.dumps(o, 2), lambda o: pickle.dumps(o)):
        try:
            f(obj)
        except Exception as e:
            print(type(e).__name__, e)
    try:
        obj.__class__ = int
    except Exception as e:
        print(type(e).__name__, e)
    try:
        del obj.__class__
    except Exception as e:
        print(type(e).__name__, e)
    print(weakref.ref(obj)() is obj)
    print(obj.__reduce_ex__.__name__)
    try: print(obj.__reduce_ex__(1))
    except Exception as e: print(type(e).__name__, e)
    if hasattr(obj, "close"): obj.close()
    else: asyncio.run(obj.aclose())
print(asyncio.run(c()))


@types.coroutine
def iterable():
    yield 1


print(iterable().__class__ is types.GeneratorType)


def run_async(coro):
    # As test_coroutines' helper.
    assert coro.__class__ in {types.GeneratorType, types.CoroutineType}
    buffer = []
    while True:
        try:
            buffer.append(coro.send(None))
        except StopIteration as ex:
            return buffer, ex.args[0] if ex.args else None


async def waiter():
    return await iterable()


print(run_async(waiter()))


# A @types.coroutine generator is awaitable (inspect), but has no __await__
# (not collections.abc.Awaitable / Coroutine), as uncompiled.
c = iterable()
print(inspect.isawaitable(c), isinstance(c, abc.Awaitable), isinstance(c, abc.Coroutine), hasattr(c, "__await__"))
print(issubclass(type(c), abc.Awaitable), isinstance(c, abc.Generator))
c.close()
