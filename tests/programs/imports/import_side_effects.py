# nuitka-test: variant=--follow-imports
# Modules execute once; later imports reuse sys.modules; deleting the
# sys.modules entry causes re-execution.
import sys

print("main start")
import _side_effects

print("first import done, bump ->", _side_effects.bump())
import _side_effects as again

print("second import executes nothing, bump ->", again.bump(), again is _side_effects)


def import_in_function():
    import _side_effects

    return _side_effects.bump()


print("import in function ->", import_in_function())
old = sys.modules.pop("_side_effects")
import _side_effects

print("re-executed after removing from sys.modules:", _side_effects is not old, _side_effects.counter, old.counter)
sys.modules["_side_effects"] = old
import _side_effects

print("restored old module:", _side_effects is old)


class Fake:
    counter = "fake module object"


sys.modules["_side_effects"] = Fake
import _side_effects

print("sys.modules can hold any object:", _side_effects.counter)
sys.modules["_side_effects"] = old
print("main end")
