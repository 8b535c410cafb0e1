# exec and eval with and without explicit dicts, in module and function
# scope; compile() modes.
import sys

x = 10
print(eval("x + 1"))
print(eval("x * y", {"x": 2, "y": 3}))
print(eval("x + y", {"x": 1}, {"y": 100}))
print(eval("len('abc')", {}))
print(eval("__builtins__ is not None", {}))
g = {}
eval("1", g)
print("__builtins__" in g, sorted(g))
try:
    eval("len('a')", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
print(eval("[a for a in range(3)]"))
print(eval("lambda q: q * x")(3))

exec("created_by_exec = x * 3")
print(created_by_exec)
ns = {}
exec("a = 1\nb = a + 1\ndef f():\n    return a + b\n", ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["f"]())
print(ns["f"].__module__, ns["f"].__globals__ is ns)
glb, loc = {"base": 5}, {}
exec("derived = base * 2\nclass K:\n    attr = base\n", glb, loc)
print(sorted(loc), loc["derived"], loc["K"].attr, "derived" in glb)
try:
    exec("derived2 = base * 2\nclass K2:\n    attr = derived2\n", glb, loc)
except NameError as e:
    print("class body in exec cannot see exec locals:", e)
exec("import math as m_exec", ns)
print(ns["m_exec"].__name__)
code = compile("result = 6 * 7", "<compiled>", "exec")
exec(code)
print(result, code.co_filename, type(code).__name__)
print(eval(compile("2 ** 10", "<expr>", "eval")))
single = compile("1 + 1", "<single>", "single")
exec(single)
print(eval("x", {"x": "from globals"}, {"x": "from locals"}))


def function_scope():
    local_var = "local"
    print(eval("local_var"))
    print(eval("local_var + suffix", None, {"local_var": "overridden", "suffix": "!"}))
    exec("new_var = 1")
    try:
        print(new_var)
    except NameError as e:
        print("NameError", e)
    loc = {}
    exec("new_var = 2", globals(), loc)
    print(loc)
    exec("global exec_global\nexec_global = 'set in function exec'")
    return sorted(k for k in locals())


print(function_scope())
print(exec_global)


def closure_visibility():
    hidden = "closure value"

    def inner():
        try:
            return eval("hidden")
        except NameError as e:
            return "NameError: %s" % e

    def inner_referencing():
        hidden
        return eval("hidden")

    return inner(), inner_referencing()


print(closure_visibility())

for bad in ("1 +", "def", "x = = 1", "return 5", "'unterminated"):
    try:
        exec(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset, repr(e.text), e.filename)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("raise KeyError('from exec')")
except KeyError as e:
    print("KeyError", e, e.__traceback__.tb_next.tb_frame.f_code.co_filename)
try:
    eval(5)
except TypeError as e:
    print("TypeError", e)
print(eval("  3 + 4  "), eval(b"5"), eval("\n7\n".strip()))
print(exec("pass"), eval("None"))


class InClass:
    exec("class_exec_var = 'set in class body'")
    evaluated = eval("class_exec_var")


print(InClass.class_exec_var, InClass.evaluated)
module_ns = {"__name__": "fake_module"}
exec("def who():\n    return __name__\n", module_ns)
print(module_ns["who"](), module_ns["who"].__module__)
exec("import sys as _s\nframe_name = _s._getframe().f_code.co_name", ns)
print(ns["frame_name"])
mapping_locals = {}


class LoggingDict(dict):
    def __getitem__(self, key):
        print("  lookup", key)
        return super().__getitem__(key)


print(eval("p + q", {}, LoggingDict(p=1, q=2)))
