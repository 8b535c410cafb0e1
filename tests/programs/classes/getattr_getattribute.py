# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.


def attempt(label, func):
    try:
        print(label, "->", func())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


class Fallback:
    existing = "class attribute"

    def __getattr__(self, name):
        print("  __getattr__", name)
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError("%r has no %r" % (type(self).__name__, name))


f = Fallback()
print(f.existing, f.dyn_hello)
attempt("missing", lambda: f.missing)
attempt("hasattr missing", lambda: hasattr(f, "missing"))
attempt("getattr default", lambda: getattr(f, "missing", "default"))


class Everything:
    def __init__(self):
        self.real = "real value"

    def __getattribute__(self, name):
        print("  __getattribute__", name)
        if name == "secret":
            return "intercepted"
        return super().__getattribute__(name)

    def __getattr__(self, name):
        print("  __getattr__ after failed __getattribute__", name)
        return "fallback " + name


e = Everything()
print(e.real)
print(e.secret)
print(e.nothing)


class Logged:
    def __setattr__(self, name, value):
        print("  __setattr__", name, value)
        if name == "forbidden":
            raise AttributeError("cannot set forbidden")
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("  __delattr__", name)
        if name == "permanent":
            raise AttributeError("cannot delete permanent")
        super().__delattr__(name)


lg = Logged()
lg.a = 1
lg.permanent = 2
attempt("set forbidden", lambda: setattr(lg, "forbidden", 3))
del lg.a
attempt("del permanent", lambda: delattr(lg, "permanent"))
attempt("del missing", lambda: delattr(lg, "missing"))
print(vars(lg))


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)


class Target:
    pass


tg = Target()
px = Proxy(tg)
px.value = 10
print(tg.value, px.value, "value" in vars(px))
print(px.__class__.__name__, type(px).__name__)


class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "alpha"]


print(dir(WithDir()))


class BadDir:
    def __dir__(self):
        return 5


attempt("bad __dir__", lambda: dir(BadDir()))


class RaisesOther:
    def __getattr__(self, name):
        raise KeyError(name)


attempt("getattr raising KeyError", lambda: RaisesOther().x)
attempt("hasattr with KeyError", lambda: hasattr(RaisesOther(), "x"))


class GetattributeRaises:
    def __getattribute__(self, name):
        raise AttributeError("always " + name)


attempt("getattribute raises", lambda: GetattributeRaises().x)
attempt("getattr default w/ getattribute", lambda: getattr(GetattributeRaises(), "x", "dflt"))


def attribute_error_details():
    class Obj:
        pass

    try:
        Obj().missing_attr
    except AttributeError as err:
        return err.name, type(err.obj).__name__, str(err)


print(attribute_error_details())
attempt("int attr", lambda: (5).missing)
attempt("module attr", lambda: __import__("math").missing)
attempt("class attr", lambda: Target.missing)
attempt("None attr", lambda: None.missing)
attempt("getattr non-str", lambda: getattr(f, 5))
print(getattr(f, "dyn_x"), setattr(tg, "y", 1), tg.y, delattr(tg, "y"), hasattr(tg, "y"))
print(object.__getattribute__(e, "real"))
print(type(e).__getattribute__ is Everything.__getattribute__)
