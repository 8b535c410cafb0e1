# nuitka-test: xfail=the code object of a compiled function has no real bytecode: exec() of it raises AssertionError (it used to crash), CPython runs the body
# exec() of a compiled function's code object raises instead of crashing
# (CPython runs the body; the compiled code object has no real bytecode).
def f():
    a = 1
    return a + 1
try:
    exec(f.__code__)
except AssertionError as e:
    print("AssertionError")
