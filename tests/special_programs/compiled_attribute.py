# Checks the Nuitka-specific __compiled__ attribute.  Under CPython every
# check prints False; compiled, every check must print True (the imported
# helper module only when it is compiled too, i.e. with --follow-imports).
import _compiled_helper


def function():
    pass


def outer():
    def inner():
        pass

    return inner


def generator_function():
    yield 1


lam = lambda: None


class C:
    def method(self):
        pass

    @classmethod
    def cm(cls):
        pass

    @staticmethod
    def sm():
        pass


def name_lookup():
    try:
        __compiled__
    except NameError:
        return False
    return True


print("module global:", "__compiled__" in globals())
print("module name lookup:", name_lookup())
print("function:", hasattr(function, "__compiled__"))
print("nested function:", hasattr(outer(), "__compiled__"))
print("lambda:", hasattr(lam, "__compiled__"))
print("method via class:", hasattr(C.method, "__compiled__"))
print("bound method:", hasattr(C().method, "__compiled__"))
print("classmethod func:", hasattr(C.cm.__func__, "__compiled__"))
print("staticmethod:", hasattr(C.sm, "__compiled__"))
print("generator function:", hasattr(generator_function, "__compiled__"))
print("imported helper module:", _compiled_helper.is_compiled())
if "__compiled__" in globals():
    print("containing_dir:", __compiled__.containing_dir)
