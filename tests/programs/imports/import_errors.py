# nuitka-test: variant=--follow-imports
# Import failures and their messages.
import sys

try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    import pkg_basic.no_such_submodule
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg_basic import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    from pkg_basic.mod_a import missing_function
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import pkg_basic.mod_a.not_a_package
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError", e)
sys.modules["blocked_module"] = None
try:
    import blocked_module
except ImportError as e:
    print(type(e).__name__, e)
print("import failures did not leave entries:", "does_not_exist_anywhere" in sys.modules)
try:
    from pkg_basic import no_such_name
except ImportError as e:
    print("full message:", e)
