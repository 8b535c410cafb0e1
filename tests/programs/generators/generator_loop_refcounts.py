# Values a generator's for-loop handed to its loop variable must be released
# exactly once, whether the generator finishes, raises, or is closed early.
import gc
import sys


class Item:
    pass


def boom():
    return 1 // 0


def raising(items):
    for item in items:
        yield boom()


def finishing(items):
    for item in items:
        yield item


def closed_early(items):
    for item in items:
        yield 1


def nested(items):
    for item in items:
        for other in items:
            yield item, other


for gen in (raising, finishing, closed_early, nested):
    items = [Item(), Item()]
    before = [sys.getrefcount(x) for x in items]
    try:
        it = gen(items)
        for value in it:
            if gen is closed_early:
                it.close()
                break
    except ZeroDivisionError as e:
        print(gen.__name__, "raised", type(e).__name__)
        del e
    value = it = None
    gc.collect()
    after = [sys.getrefcount(x) for x in items]
    print(gen.__name__, before == after)
