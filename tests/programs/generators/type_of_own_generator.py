"""The type of a generator (coroutine, async generator) made by the program
itself, taken as "the generator type" (pyparsing: `type((_ for _ in ()))`),
also has the generators CPython makes (here: exec'd code) as instances:
isinstance/issubclass answer as uncompiled."""
import types, collections.abc, inspect

_generator_type = type((_ for _ in ()))

async def _c():
    pass

async def _ag():
    yield

coro = _c()
_coroutine_type = type(coro)
coro.close()
_agen_type = type(_ag())

src = "def g():\n    yield 1\nasync def c():\n    pass\nasync def a():\n    yield\n"
ns = {}
exec(src, ns)
plain_gen = ns["g"]()
plain_coro = ns["c"]()
plain_agen = ns["a"]()
mine = (x for x in ())
print(isinstance(plain_gen, _generator_type), isinstance(mine, _generator_type), isinstance(1, _generator_type))
print(isinstance(plain_gen, (list, _generator_type)), issubclass(types.GeneratorType, _generator_type), issubclass(int, _generator_type))
print(isinstance(plain_coro, _coroutine_type), isinstance(plain_agen, _agen_type), isinstance(plain_gen, _coroutine_type))
print(issubclass(types.CoroutineType, _coroutine_type), issubclass(types.AsyncGeneratorType, _agen_type), issubclass(types.GeneratorType, _agen_type))
print(type(_generator_type).__name__, _generator_type.__name__, isinstance(_generator_type, type))
print(isinstance(mine, types.GeneratorType), isinstance(mine, collections.abc.Generator), inspect.isgenerator(mine))
plain_coro.close()
