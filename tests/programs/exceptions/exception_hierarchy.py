# The builtin exception hierarchy and how handlers match.
import builtins


def chain_of(cls):
    return " > ".join(k.__name__ for k in cls.__mro__[:-1])


names = ["ZeroDivisionError", "KeyError", "IndexError", "FileNotFoundError", "PermissionError",
         "UnicodeDecodeError", "ModuleNotFoundError", "RecursionError", "NotImplementedError",
         "StopIteration", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "TimeoutError",
         "BrokenPipeError", "UnboundLocalError", "IndentationError", "TabError", "OverflowError",
         "FloatingPointError", "AssertionError", "AttributeError", "BufferError", "EOFError",
         "MemoryError", "ReferenceError", "DeprecationWarning", "UserWarning", "ResourceWarning"]
for name in names:
    print(chain_of(getattr(builtins, name)))

print(IOError is OSError, EnvironmentError is OSError)


def catch(exc, handlers):
    try:
        raise exc
    except tuple(handlers) as e:
        for h in handlers:
            if isinstance(e, h):
                return h.__name__


print(catch(KeyError(), [LookupError]), catch(FileNotFoundError(), [OSError]))
print(catch(ZeroDivisionError(), [ArithmeticError]), catch(UnboundLocalError(), [NameError]))
print(catch(ModuleNotFoundError(), [ImportError]), catch(TabError("x"), [SyntaxError]))
try:
    raise KeyboardInterrupt
except Exception:
    print("not reached")
except BaseException as e:
    print("KeyboardInterrupt is not an Exception:", type(e).__name__)

for errno, name in [(2, "ENOENT"), (13, "EACCES"), (17, "EEXIST"), (32, "EPIPE"), (110, "ETIMEDOUT"), (999, "other")]:
    print(errno, name, type(OSError(errno, "msg")).__name__)
try:
    open("/nonexistent/path/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    {}["k"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple handler", type(e).__name__)
try:
    [].pop()
except (IndexError if True else KeyError) as e:
    print("handler expression evaluated:", e)
