# return/break/continue inside try/finally, and finally overriding results.


def finally_overrides_return():
    try:
        return "try"
    finally:
        return "finally"


def finally_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def finally_runs_on_return():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")


def return_value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2


def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke with %d" % i


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
            out.append(i)
        finally:
            out.append("f%d" % i)
            continue
    return out


def nested_finally():
    log = []
    try:
        try:
            log.append("inner try")
            return log
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")


def break_through_finallies():
    log = []
    while True:
        try:
            try:
                log.append("body")
                break
            finally:
                log.append("inner")
        finally:
            log.append("outer")
    return log


def continue_through_finally():
    log = []
    for i in range(2):
        try:
            continue
        finally:
            log.append(i)
    return log


def exception_in_finally_replaces():
    try:
        try:
            raise ValueError("original")
        finally:
            raise TypeError("from finally")
    except TypeError as e:
        return "%s ctx=%r" % (e, e.__context__)


def return_in_except_and_finally():
    try:
        raise ValueError
    except ValueError:
        return "except"
    finally:
        print("  finally runs after except return")


def finally_with_generator():
    def g():
        try:
            yield 1
            yield 2
        finally:
            print("  generator finally")

    for v in g():
        return v


def finally_return_in_loop():
    results = []
    for i in range(3):
        try:
            if i == 1:
                return results
            results.append(i)
        finally:
            results.append("cleanup %d" % i)


def try_else_finally(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise RuntimeError
    except RuntimeError:
        log.append("except")
    else:
        log.append("else")
        return log
    finally:
        log.append("finally")
    log.append("after")
    return log


def while_else_finally():
    i = 0
    while i < 3:
        try:
            i += 1
            if i == 5:
                break
        finally:
            pass
    else:
        return "while else reached"
    return "broken"


for f in (finally_overrides_return, finally_swallows_exception, finally_runs_on_return,
          return_value_evaluated_before_finally, break_in_finally, continue_in_finally,
          nested_finally, break_through_finallies, continue_through_finally,
          exception_in_finally_replaces, return_in_except_and_finally,
          finally_with_generator, finally_return_in_loop, while_else_finally):
    print(f.__name__, "->", f())
print(try_else_finally(False), try_else_finally(True))

import sys


def exc_info_in_finally():
    try:
        raise KeyError("k")
    finally:
        print("  in finally:", sys.exc_info()[0])


try:
    exc_info_in_finally()
except KeyError:
    print("KeyError propagated", sys.exc_info()[1])
print("after handler", sys.exc_info())
