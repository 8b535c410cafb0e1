# Compiled functions called from uncompiled code, often enough that the
# interpreter inlines and specialises the calls (3.11 runs an entry into the
# compiled function then): arguments of every kind, generators, methods,
# __getitem__, frames and tracebacks, recursion through both, copies of the
# code object, and profilers and tracers set around such calls.
import sys
import traceback
import types


def plain(a, b=2, *, c=3):
    return a + b + c


def kinds(a, /, b, *args, k, k2="d", **kw):
    return (a, b, args, k, k2, sorted(kw.items()))


def with_cell(x):
    def inner():
        return x * 2

    return inner()


def cell_locals(x, unused=None):
    y = x + 1

    def inner():
        return x + y

    names = ("x", "y", "unused")
    return [(k, v) for k, v in sorted(locals().items()) if k in names], [
        (k, v) for k, v in sorted(sys._getframe().f_locals.items()) if k in names
    ]


def make_adder(n):
    def adder(v):
        return v + n

    return adder


def gen(n):
    for i in range(n):
        yield i * i


def caller_name():
    return sys._getframe(1).f_code.co_name


def back_names():
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 4:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def divide(x):
    return 1 / x


def down(n):
    return n if n <= 0 else UNCOMPILED["up"](n - 1)


class Box:
    def __init__(self, value):
        self.value = value

    def get(self, extra=0):
        return self.value + extra

    def __getitem__(self, key):
        return (self.value, key)


VALUE = "module globals"


def reads_global():
    return VALUE


UNCOMPILED = {
    "plain": plain,
    "kinds": kinds,
    "with_cell": with_cell,
    "cell_locals": cell_locals,
    "adder": make_adder(100),
    "gen": gen,
    "caller_name": caller_name,
    "back_names": back_names,
    "divide": divide,
    "down": down,
    "Box": Box,
}
exec(
    """
def many(f, *args, **kwargs):
    result = None
    for _ in range(2000):
        result = f(*args, **kwargs)
    return result

def calls():
    out = []
    out.append(many(plain, 1))
    out.append(many(plain, 1, 5, c=7))
    out.append([plain(i) for i in range(2000)][-1])
    out.append([kinds(1, 2, 3, 4, k=5, z=6, a=7) for _ in range(2000)][-1])
    out.append([kinds(1, b=2, k=3) for _ in range(2000)][-1])
    out.append([with_cell(i) for i in range(2000)][-1])
    out.append([cell_locals(i) for i in range(2000)][-1])
    out.append([adder(i) for i in range(2000)][-1])
    out.append([list(gen(3)) for _ in range(2000)][-1])
    out.append([sum(gen(i % 7)) for i in range(2000)][-1])
    box = Box(10)
    out.append([box.get(i) for i in range(2000)][-1])
    out.append([box[i] for i in range(2000)][-1])
    out.append([Box(i).value for i in range(2000)][-1])
    return out

def who_calls():
    return [caller_name() for _ in range(2000)][-1]

def chain():
    return [back_names() for _ in range(2000)][-1]

def fails():
    return divide(0)

def up(n):
    return down(n - 1)
""",
    UNCOMPILED,
)

for value in UNCOMPILED["calls"]():
    print(value)
print(UNCOMPILED["who_calls"]())
print(UNCOMPILED["chain"]())

for _ in range(3):
    try:
        for _ in range(1000):
            UNCOMPILED["fails"]()
    except ZeroDivisionError:
        lines = traceback.format_exc().replace(__file__, "FILE").splitlines()
print("\n".join(line for line in lines if not line.strip().startswith("~")))
tb = sys.exc_info()[2]

# Recursion through compiled and uncompiled functions in turn.
print([UNCOMPILED["up"](40) for _ in range(200)][-1])
limit = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    UNCOMPILED["up"](1000)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(limit)

# The code object: equal to its copy, and copies of it run as CPython would.
code = plain.__code__
print(code == code.replace(), hash(code) == hash(code.replace()), code != code.replace())
print(code.co_code == code.replace().co_code, len(code.co_consts), code.co_consts == code.replace().co_consts)
copy = types.FunctionType(reads_global.__code__, {"VALUE": "other globals"})
print(reads_global(), copy())
UNCOMPILED["copy"] = copy
print(eval("[copy() for _ in range(2000)][-1]", UNCOMPILED))
copied_plain = types.FunctionType(plain.__code__, globals(), "copied", (50,))
print(copied_plain(1, c=0), eval("[f(1, c=0) for _ in range(2000)][-1]", {"f": copied_plain}))


def no_arguments():
    print("no_arguments ran as", sys._getframe().f_code.co_name)


exec(no_arguments.__code__)

# A profiler set inside a compiled function that uncompiled code called
# (before any other profiler or tracer: on 3.11 that call ran the entry in
# a frame of the interpreter): the uncompiled call already running reports
# its return.
late = []


def late_profiler(frame, event, arg):
    if event in ("call", "return"):
        late.append((event, frame.f_code.co_name))


def start_profiling():
    sys.setprofile(late_profiler)
    return "started"


UNCOMPILED["start_profiling"] = start_profiling
exec("def outer_uncompiled():\n    return start_profiling()\n", UNCOMPILED)
print(UNCOMPILED["outer_uncompiled"]())
sys.setprofile(None)
print([entry for entry in late if entry[1] == "outer_uncompiled"])

# A profiler set while uncompiled code calls compiled functions: every
# call it is told of returns once.
events = {}


def profiler(frame, event, arg):
    if event in ("call", "return"):
        counts = events.setdefault(frame.f_code.co_name, [0, 0])
        counts[event == "return"] += 1


# (A subscript site the interpreter specialised before: it keeps calling
# __getitem__ inline.)
exec("def subscripts(box):\n    return [box[i] for i in range(2000)][-1]\n", UNCOMPILED)
UNCOMPILED["subscripts"](Box(3))
sys.setprofile(profiler)
UNCOMPILED["who_calls"]()
UNCOMPILED["calls"]()
print(UNCOMPILED["subscripts"](Box(4)))
sys.setprofile(None)
print("profiled", sorted((name, c) for name, c in events.items() if name in ("who_calls", "calls", "many")))
print("balanced", all(calls == returns for calls, returns in events.values()))

# A tracer: the lines of uncompiled code it sees around the calls.
seen = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename == "<string>":
        seen.append((event, frame.f_code.co_name, frame.f_lineno))
        return tracer
    return None


exec("def traced():\n    a = plain(1)\n    b = who_calls()\n    return a, b\n", UNCOMPILED)
sys.settrace(tracer)
result = UNCOMPILED["traced"]()
sys.settrace(None)
print(result, [entry for entry in seen if entry[1] == "traced"])

