# The bytecode a compiled function's code object shows: co_code, dis and
# code.replace() see CPython's own, as for the uncompiled program.
import dis
import io
import types


def sample(items, limit=3):
    total = 0
    for i, item in enumerate(items):
        if i >= limit:
            break
        try:
            total += item * 2
        except TypeError as e:
            print("skip", type(e).__name__)
    return total


class Holder:
    def method(self, x):
        return [y + x for y in range(3)]

    @staticmethod
    def static(a):
        return a

    @classmethod
    def klass(cls):
        return cls.__name__


def gen(n):
    yield from range(n)


async def coro():
    return 1


def disassembly(obj):
    out = io.StringIO()
    dis.dis(obj, file=out)
    return out.getvalue()


def opnames(code):
    return [i.opname for i in dis.get_instructions(code)]


for f in (sample, Holder.method, Holder.static, Holder.klass, gen, coro, lambda: 1):
    code = f.__code__
    print(code.co_name, len(code.co_code), opnames(code)[-3:], len(list(dis.Bytecode(code))))
    print(code.co_code == code.replace().co_code, len(list(code.co_lines())) > 0)

text = disassembly(sample)
print(text.count("\n"), "NOP" in text, text.splitlines()[-1].split()[-1])
print(disassembly(Holder).count("Disassembly of"))
print(sample([1, 2, "x", 4, 5]))

# A code object whose flags were changed (types.coroutine, code.replace)
# is still the same function.
replaced = sample.__code__.replace(co_name="renamed")
print(replaced.co_name, replaced.co_code == sample.__code__.co_code)
sample.__code__ = sample.__code__.replace(co_flags=sample.__code__.co_flags)
print(sample([3, 4]), sample.__code__.co_name)


@types.coroutine
def legacy():
    value = yield "step"
    return value


runner = legacy()
print(runner.send(None))
try:
    runner.send(5)
except StopIteration as e:
    print("result", e.value)

# exec of a compiled function's code object runs CPython's bytecode.
ns = {"enumerate": enumerate}
exec(compile("def f():\n    return 7\n", "<s>", "exec"), ns)
print(types.FunctionType(Holder.static.__code__, {})(9))

# Frames point at the instruction CPython's frames would be at (f_lasti,
# tb_lasti, dis.distb).
import sys


def where():
    # (While it calls a Python function, CPython's frame is at the last
    # inline cache entry of the CALL.)
    frame = sys._getframe(1)
    lasti = frame.f_lasti
    while dis.opname[frame.f_code.co_code[lasti]] == "CACHE":
        lasti -= 2
    return dis.opname[frame.f_code.co_code[lasti]]


def caller(values):
    first = where()
    total = values[0] + where().count("A")
    return first, total


print(caller([1]))


def failing(d, key):
    value = d[key]
    return value / 0


for args in (({}, "k"), ({"k": 1}, "k")):
    try:
        failing(*args)
    except Exception as e:
        tb = e.__traceback__.tb_next
        print(type(e).__name__, tb.tb_lineno, dis.opname[tb.tb_frame.f_code.co_code[tb.tb_lasti]])
        out = io.StringIO()
        dis.distb(tb, file=out)
        print([line.split()[-2:] for line in out.getvalue().splitlines() if "-->" in line])


def gen_lasti():
    yield sys._getframe().f_lasti >= 0
    yield dis.opname[sys._getframe().f_code.co_code[sys._getframe().f_lasti]]


g = gen_lasti()
print(list(g))


def statement_in_try():
    try:
        1 / 0
    except Exception as e:
        tb = e.__traceback__
    return tb


out = io.StringIO()
dis.distb(statement_in_try(), file=out)
print([line.split()[1:3] for line in out.getvalue().splitlines() if "-->" in line])
