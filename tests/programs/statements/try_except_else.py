# try/except/else/finally combinations, nesting, handler variables.


def attempt(action):
    log = []
    try:
        log.append("try")
        action()
    except (KeyError, IndexError) as e:
        log.append("lookup error %s %r" % (type(e).__name__, e.args))
    except ZeroDivisionError:
        log.append("zero")
    except Exception as e:
        log.append("other %s" % type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


print(attempt(lambda: None))
print(attempt(lambda: {}["k"]))
print(attempt(lambda: [][0]))
print(attempt(lambda: 1 / 0))
print(attempt(lambda: int("x")))


def nested():
    try:
        try:
            raise ValueError("inner")
        except TypeError:
            print("wrong handler")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        try:
            raise KeyError("in handler")
        except KeyError as e2:
            print("nested handler", repr(e2), "context", repr(e2.__context__))
        print("back in outer handler", e)


nested()

e = "before"
try:
    raise ValueError("bound")
except ValueError as e:
    print("in handler", e)
try:
    print(e)
except NameError as err:
    print("NameError", err)


def handler_var_local():
    e = 1
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return "UnboundLocalError %s" % err


print(handler_var_local())


def else_raises():
    try:
        try:
            pass
        except ValueError:
            print("not here")
        else:
            raise ValueError("from else")
    except ValueError as e:
        print("else exception not caught by same try:", e)


else_raises()


def handler_raises():
    try:
        try:
            raise KeyError(1)
        except KeyError:
            raise IndexError(2)
        finally:
            print("finally after handler raised")
    except IndexError as e:
        print("caught", repr(e), "context", repr(e.__context__))


handler_raises()


def dynamic_except_class():
    classes = [KeyError, (IndexError, ValueError)]
    for cls in classes:
        try:
            raise ValueError("dyn")
        except cls as e:
            print("caught by", cls, e)
        except Exception:
            print("fallback for", cls)


dynamic_except_class()

try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as e:
    print("TypeError", e)

try:
    try:
        raise ValueError
    except (ValueError, 5):
        print("tuple containing non-class: matched first element")
except TypeError as e:
    print("TypeError", e)

try:
    try:
        raise KeyError
    except (ValueError, 5):
        print("no")
except TypeError as e:
    print("TypeError", e)


class MyExc(Exception):
    pass


class SubExc(MyExc):
    pass


for exc in (SubExc, MyExc, Exception, BaseException, KeyboardInterrupt):
    try:
        raise exc("x")
    except SubExc:
        print(exc.__name__, "-> SubExc handler")
    except MyExc:
        print(exc.__name__, "-> MyExc handler")
    except Exception:
        print(exc.__name__, "-> Exception handler")
    except BaseException:
        print(exc.__name__, "-> BaseException handler")

for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("loop body", i)
    except Exception:
        pass
    else:
        print("else in loop", i)
    finally:
        print("finally in loop", i)


def bare_except():
    try:
        raise SystemExit(3)
    except:
        return "bare except caught SystemExit"


print(bare_except())


def exception_object_reuse():
    err = ValueError("reused")
    for _ in range(2):
        try:
            raise err
        except ValueError as e:
            print(e is err, e.__traceback__ is not None)


exception_object_reuse()
try:
    pass
finally:
    print("try/finally without exception")
try:
    x = 1
except Exception:
    pass
else:
    print("else with x =", x)
