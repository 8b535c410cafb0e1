# warnings.warn with different stack levels: the reported file name and line
# number must point at the right (compiled) frame.
import warnings

warnings.simplefilter("always")


def deprecated_api():
    warnings.warn("deprecated_api is deprecated", DeprecationWarning, stacklevel=2)
    return "result"


def level_one():
    warnings.warn("warning at level 1", UserWarning)


def level_three_helper():
    warnings.warn("warning attributed two frames up", RuntimeWarning, stacklevel=3)


def level_three_middle():
    level_three_helper()


def level_three_top():
    level_three_middle()


print("calling deprecated_api:", deprecated_api())
level_one()
level_three_top()


class Widget:
    def old_method(self):
        warnings.warn("old_method is old", FutureWarning, stacklevel=2)


Widget().old_method()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    deprecated_api()
    level_one()
    warnings.warn("module level warning")
for w in caught:
    print("recorded:", w.category.__name__, str(w.message), w.lineno, w.filename == __file__)


def huge_stacklevel():
    warnings.warn("stacklevel beyond the stack", UserWarning, stacklevel=50)


huge_stacklevel()
warnings.warn_explicit("explicit warning", UserWarning, "explicit_file.py", 42)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        deprecated_api()
    except DeprecationWarning as e:
        print("warning raised as error:", e)
warnings.simplefilter("once")
for _ in range(3):
    level_one()


def gen_warns():
    warnings.warn("from generator", UserWarning, stacklevel=2)
    yield 1


list(gen_warns())
print([1 for _ in [0] if not warnings.warn("from comprehension", UserWarning)])
print("done")
